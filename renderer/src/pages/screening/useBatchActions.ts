// What the batch list's buttons do: resume, rescreen (one or all), remove.
import { useState } from 'react';
import type { BatchSummary } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import type { RunningJob } from './useBatchImport';

export function useBatchActions(watch: (job: RunningJob) => void, reload: () => void) {
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
    const first = r.value.batchIds[0];
    if (first === undefined) return notify('没有可以重新筛查的批次', 'info');
    const fileName = batches.find((b) => b.id === first)?.fileName ?? '';
    watch({ batchId: first, fileName, rescreen: true });
    if (!batch) notify(`已开始重新筛查 ${r.value.batchIds.length} 个批次`, 'info');
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
