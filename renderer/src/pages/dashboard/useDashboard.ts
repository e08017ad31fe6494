// Loads the dashboard's figures once when the page opens, and again on demand.
import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

export interface DashboardState {
  data: Dashboard | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useDashboard(): DashboardState {
  const client = useClient();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void client['dashboard.summary']({}).then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
