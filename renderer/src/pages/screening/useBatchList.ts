// batches.list, read again after every change and every few seconds while a job runs.
import { useCallback, useEffect, useState } from 'react';
import type { BatchSummary } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

const RUNNING_REFRESH_MS = 2000;

export function useBatchList(): { batches: BatchSummary[] | null; error: string | null; reload: () => void } {
  const client = useClient();
  const [batches, setBatches] = useState<BatchSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    void client['batches.list']({}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setBatches(r.value);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, version]);

  const running = batches?.some((b) => b.running) ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(reload, RUNNING_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  return { batches, error, reload };
}
