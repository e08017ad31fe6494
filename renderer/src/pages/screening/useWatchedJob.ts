// The job shown in the progress panel: the import just started, a resumed or rescreened batch, or one found
// running when the page opens. Polls its progress, says how it ended, and can cancel it. A re-screening of
// several batches (重新筛查全部) is watched batch after batch, and its end reports the hits of all of them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchSummary, JobProgress } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { importSummary } from './batch-labels';
import type { RunningJob } from './useBatchImport';
import { useJobProgress } from './useJobProgress';

/** Several batches screened one after another: which one is watched now, and the hits of those done. */
export interface JobGroup {
  batches: { batchId: number; fileName: string }[];
  index: number;
  hits: number;
}

type Watched = RunningJob & { run: number; group?: JobGroup };

export function groupResult(group: JobGroup, lastHits: number): string {
  return `重新筛查完成：${group.batches.length} 个批次，命中共 ${group.hits + lastHits} 条。`;
}

export function useWatchedJob(batches: readonly BatchSummary[] | null, reload: () => void) {
  const client = useClient();
  const notify = useToast();
  const [job, setJob] = useState<Watched | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<Watched | null>(null);
  useEffect(() => {
    current.current = job;
  }, [job]);
  const watch = useCallback((next: RunningJob) => {
    setCancelling(false);
    setJob((old) => ({ ...next, run: (old?.run ?? 0) + 1 }));
  }, []);
  /** Watches several batches re-screened one after another, the first one now. */
  const watchGroup = useCallback((list: JobGroup['batches']) => {
    const first = list[0];
    if (!first) return;
    setCancelling(false);
    setJob((old) => ({ ...first, rescreen: true, run: (old?.run ?? 0) + 1, group: { batches: list, index: 0, hits: 0 } }));
  }, []);

  const onFinished = useCallback(
    (p: JobProgress) => {
      const watched = current.current;
      const group = watched?.group;
      if (watched && group && p.phase === 'done' && group.index < group.batches.length - 1) {
        const index = group.index + 1;
        const next = group.batches[index];
        if (next) {
          setJob({ ...watched, ...next, run: watched.run + 1, group: { ...group, index, hits: group.hits + p.hitCount } });
          return;
        }
      }
      reload();
      if (p.phase === 'done' && group) notify(groupResult(group, p.hitCount));
      else if (p.phase === 'done' && watched?.rescreen) notify(`重新筛查完成：命中 ${p.hitCount} 条`);
      else if (p.phase === 'done') notify(`导入完成：${importSummary(p)}，命中 ${p.hitCount} 条`);
      else if (p.phase === 'failed') notify(`${watched?.rescreen ? '重新筛查' : '导入'}失败：${p.message}`, 'error');
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

  const group = job?.group;
  return {
    job,
    progress,
    error,
    cancelling,
    watch,
    watchGroup,
    /** for a group: the closing sentence over all its batches once the last is done, null before; undefined alone */
    result: !group ? undefined : progress?.phase === 'done' && group.index === group.batches.length - 1 ? groupResult(group, progress.hitCount) : null,
    step: group && group.batches.length > 1 ? `第 ${group.index + 1} / ${group.batches.length} 个批次` : null,
    cancel: () => void cancel(),
    close: () => setJob(null),
  };
}
