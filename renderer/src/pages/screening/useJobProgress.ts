// Polls batches.progress every 400 ms while a job runs; stops at done, failed or cancelled.
import { useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

export const POLL_MS = 400;

export function isFinished(progress: JobProgress | null): boolean {
  return progress !== null && (progress.phase === 'done' || progress.phase === 'failed' || progress.phase === 'cancelled');
}

/** `run` changes when the same batch starts again (resume, rescreen), so polling restarts. */
export function useJobProgress(batchId: number | null, run: number, onFinished: (progress: JobProgress) => void) {
  const client = useClient();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    setProgress(null);
    setError(null);
    if (batchId === null) return;
    let live = true;
    let timer = 0;
    const poll = async () => {
      const r = await client['batches.progress']({ batchId });
      if (!live) return;
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setProgress(r.value);
      if (isFinished(r.value)) finished.current(r.value);
      else timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, batchId, run]);

  return { progress, error };
}
