// Loads the dashboard's figures for a report period and week basis when the page opens, when either changes,
// and again on demand.
import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../../../shared/contract/screening';
import type { Period } from '../../../../shared/periods';
import { useClient } from '../../api/context';

export type WeekBasis = Dashboard['weekBasis'];

export interface DashboardState {
  data: Dashboard | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** `period` null: the service's default (this month). */
export function useDashboard(period: Period | null, weekBasis: WeekBasis): DashboardState {
  const client = useClient();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const from = period?.from;
  const to = period?.to;

  useEffect(() => {
    let live = true;
    setLoading(true);
    void client['dashboard.summary']({ weekBasis, ...(from && to ? { period: { from, to } } : {}) }).then((result) => {
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
  }, [client, round, from, to, weekBasis]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
