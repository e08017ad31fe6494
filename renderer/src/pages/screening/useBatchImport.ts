// 导入: choose a file (dialog or drop) → batches.previewFile → column mapping → batches.startImport.
import { useState } from 'react';
import type { BatchFilePreview, BatchKind } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { KIND_LABELS } from './batch-labels';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'reading'; batchKind: BatchKind }
  | { kind: 'mapping'; batchKind: BatchKind; path: string; preview: BatchFilePreview; busy: boolean };

export interface RunningJob {
  batchId: number;
  fileName: string;
  /** a re-screening of imported rows, not an import */
  rescreen?: boolean;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function useBatchImport(onStarted: (job: RunningJob) => void) {
  const client = useClient();
  const notify = useToast();
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });

  async function openPath(batchKind: BatchKind, path: string) {
    setStep({ kind: 'reading', batchKind });
    const preview = await client['batches.previewFile']({ path, kind: batchKind });
    if (!preview.ok) {
      setStep({ kind: 'idle' });
      return notify(`无法读取「${baseName(path)}」：${preview.error.message}`, 'error');
    }
    setStep({ kind: 'mapping', batchKind, path, preview: preview.value, busy: false });
  }

  async function choose(batchKind: BatchKind) {
    const picked = await client['dialog.openFile']({ title: `选择要导入的${KIND_LABELS[batchKind]}文件（CSV 或 XLSX）`, filter: 'table' });
    if (!picked.ok) return notify(picked.error.message, 'error');
    if (picked.value.path !== null) await openPath(batchKind, picked.value.path);
  }

  async function start(mapping: Record<string, number>) {
    if (step.kind !== 'mapping') return;
    setStep({ ...step, busy: true });
    const started = await client['batches.startImport']({ path: step.path, kind: step.batchKind, mapping });
    if (!started.ok) {
      setStep({ ...step, busy: false });
      return notify(`未能开始导入：${started.error.message}`, 'error');
    }
    setStep({ kind: 'idle' });
    onStarted({ batchId: started.value.batchId, fileName: step.preview.fileName });
  }

  return {
    step,
    choose: (batchKind: BatchKind) => void choose(batchKind),
    openPath: (batchKind: BatchKind, path: string) => void openPath(batchKind, path),
    start: (mapping: Record<string, number>) => void start(mapping),
    cancel: () => setStep({ kind: 'idle' }),
  };
}
