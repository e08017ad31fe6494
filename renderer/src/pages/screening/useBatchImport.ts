// 导入: choose a file (the main process's dialog, or a drop the preload registers) → a token for it →
// batches.previewFile → column mapping → batches.startImport with the same token. The renderer never holds a path.
import { useState } from 'react';
import type { BatchFilePreview, BatchKind } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { KIND_LABELS } from './batch-labels';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'reading'; batchKind: BatchKind }
  | { kind: 'mapping'; batchKind: BatchKind; fileToken: string; preview: BatchFilePreview; busy: boolean };

/** A table file the main process holds for this session, by its token. */
export interface ChosenTable {
  token: string;
  fileName: string;
}

export interface RunningJob {
  batchId: number;
  fileName: string;
  /** a re-screening of imported rows, not an import */
  rescreen?: boolean;
}

export function useBatchImport(onStarted: (job: RunningJob) => void) {
  const client = useClient();
  const notify = useToast();
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });

  async function openFile(batchKind: BatchKind, file: ChosenTable) {
    setStep({ kind: 'reading', batchKind });
    const preview = await client['batches.previewFile']({ fileToken: file.token, kind: batchKind });
    if (!preview.ok) {
      setStep({ kind: 'idle' });
      return notify(`无法读取「${file.fileName}」：${preview.error.message}`, 'error');
    }
    setStep({ kind: 'mapping', batchKind, fileToken: file.token, preview: preview.value, busy: false });
  }

  async function choose(batchKind: BatchKind) {
    const picked = await client['files.open']({ purpose: 'table', title: `选择要导入的${KIND_LABELS[batchKind]}文件（CSV 或 XLSX）` });
    if (!picked.ok) return notify(picked.error.message, 'error');
    if (picked.value.status === 'chosen') await openFile(batchKind, picked.value);
  }

  async function chooseImages(purpose: 'images' | 'imageFolder'): Promise<{ token: string; fileName: string } | null> {
    const picked = await client['files.open']({ purpose });
    if (!picked.ok) {
      notify(picked.error.message, 'error');
      return null;
    }
    return picked.value.status === 'chosen' ? { token: picked.value.token, fileName: picked.value.fileName } : null;
  }

  async function start(mapping: Record<string, number>, images: { token: string } | null) {
    if (step.kind !== 'mapping') return;
    setStep({ ...step, busy: true });
    const started = await client['batches.startImport']({
      fileToken: step.fileToken, kind: step.batchKind, mapping, ...(images ? { imagesToken: images.token } : {}),
    });
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
    openFile: (batchKind: BatchKind, file: ChosenTable) => void openFile(batchKind, file),
    start: (mapping: Record<string, number>, images: { token: string } | null = null) => void start(mapping, images),
    cancel: () => setStep({ kind: 'idle' }),
    chooseImages,
  };
}
