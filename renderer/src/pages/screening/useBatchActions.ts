// What the batch list's buttons do: resume, rescreen (one or all), remove.
import { useState } from 'react';
import type { BatchSummary } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import type { RunningJob } from './useBatchImport';

export function useBatchActions(
  watch: (job: RunningJob) => void,
  watchGroup: (batches: { batchId: number; fileName: string }[]) => void,
  reload: () => void,
) {
  const client = useClient();
  const notify = useToast();
  const [removing, setRemoving] = useState<BatchSummary | null>(null);
  const [busy, setBusy] = useState(false);

  async function resume(batch: BatchSummary) {
    const r = await client['batches.resume']({ batchId: batch.id });
    if (!r.ok) return notify(`未能继续导入：${r.error.message}`, 'error');
    watch({ batchId: r.value.batchId, fileName: batch.fileName });
    reload();
  }

  async function rescreen(batch: BatchSummary | null, batches: readonly BatchSummary[]) {
    const r = await client['batches.rescreen'](batch ? { batchId: batch.id } : {});
    if (!r.ok) return notify(`未能重新筛查：${r.error.message}`, 'error');
    const ids = r.value.batchIds;
    if (ids.length === 0) return notify('没有需要重新筛查的批次', 'info');
    const named = ids.map((batchId) => ({ batchId, fileName: batches.find((b) => b.id === batchId)?.fileName ?? '' }));
    if (batch) watch({ ...named[0]!, rescreen: true });
    else {
      watchGroup(named);
      notify(`已开始重新筛查 ${ids.length} 个批次`, 'info');
    }
    reload();
  }

  async function remove() {
    if (!removing) return;
    setBusy(true);
    const r = await client['batches.remove']({ batchId: removing.id });
    setBusy(false);
    setRemoving(null);
    if (!r.ok) return notify(`未能删除批次：${r.error.message}`, 'error');
    notify(`已删除批次「${removing.fileName}」`);
    reload();
  }

  return {
    removing,
    busy,
    askRemove: setRemoving,
    closeRemove: () => setRemoving(null),
    resume: (b: BatchSummary) => void resume(b),
    rescreen: (b: BatchSummary | null, all: readonly BatchSummary[]) => void rescreen(b, all),
    remove: () => void remove(),
  };
}
