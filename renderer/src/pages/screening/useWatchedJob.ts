// The job shown in the progress panel: the import just started, a resumed or rescreened batch, or one found
// running when the page opens. Polls its progress, says how it ended, and can cancel it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchSummary, JobProgress } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { importSummary } from './batch-labels';
import type { RunningJob } from './useBatchImport';
import { useJobProgress } from './useJobProgress';

export function useWatchedJob(batches: readonly BatchSummary[] | null, reload: () => void) {
  const client = useClient();
  const notify = useToast();
  const [job, setJob] = useState<(RunningJob & { run: number }) | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const rescreen = useRef(false);
  useEffect(() => {
    rescreen.current = job?.rescreen ?? false;
  }, [job]);
  const watch = useCallback((next: RunningJob) => {
    setCancelling(false);
    setJob((old) => ({ ...next, run: (old?.run ?? 0) + 1 }));
  }, []);

  const onFinished = useCallback(
    (p: JobProgress) => {
      reload();
      if (p.phase === 'done' && rescreen.current) notify(`重新筛查完成：命中 ${p.hitCount} 条`);
      else if (p.phase === 'done') notify(`导入完成：${importSummary(p)}，命中 ${p.hitCount} 条`);
      else if (p.phase === 'failed') notify(`${rescreen.current ? '重新筛查' : '导入'}失败：${p.message}`, 'error');
    },
    [reload, notify],
  );
  const { progress, error } = useJobProgress(job?.batchId ?? null, job?.run ?? 0, onFinished);

  const runningBatch = batches?.find((b) => b.running) ?? null;
  useEffect(() => {
    if (!job && runningBatch) watch({ batchId: runningBatch.id, fileName: runningBatch.fileName });
  }, [job, runningBatch, watch]);

  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    const r = await client['batches.cancel']({ batchId: job.batchId });
    if (!r.ok) notify(`未能取消：${r.error.message}`, 'error');
  };

  return { job, progress, error, cancelling, watch, cancel: () => void cancel(), close: () => setJob(null) };
}
