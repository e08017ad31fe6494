// 导入名录: choose a file → preview (with the row-level error report) → import the good rows, or nothing.
import { useState, type ReactNode } from 'react';
import type { DuplicateChoice, ImportPreview } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { ImportFlowDialogs, type ImportStep } from './ImportFlowDialogs';

export function useImportFlow(onImported: () => void): { start: () => void; busy: boolean; dialogs: ReactNode } {
  const client = useClient();
  const notify = useToast();
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });

  async function start() {
    const picked = await client['files.open']({ purpose: 'table', title: '选择要导入的名录文件（CSV 或 XLSX）' });
    if (!picked.ok) return notify(picked.error.message, 'error');
    if (picked.value.status === 'cancelled') return;
    const { token, fileName } = picked.value;
    setStep({ kind: 'reading' });
    const preview = await client['registry.importPreview']({ fileToken: token });
    if (preview.ok) setStep({ kind: 'preview', preview: preview.value, busy: false });
    else setStep({ kind: 'failed', fileName, message: preview.error.message });
  }

  async function commit(preview: ImportPreview, choice?: DuplicateChoice) {
    setStep({ kind: 'preview', preview, busy: true });
    const chosen = choice ? await client['registry.importChoose']({ token: preview.token, duplicates: choice }) : null;
    const result = chosen && !chosen.ok ? chosen : await client['registry.importCommit']({ token: preview.token });
    setStep({ kind: 'idle' });
    if (!result.ok) return notify(`导入失败，名录没有任何改动：${result.error.message}`, 'error');
    if (!('created' in result.value)) return;
    const { created, updated, unchanged, merged, skipped } = result.value;
    const extra = `${merged ? `，合并 ${merged} 条` : ''}${skipped ? `，跳过同名 ${skipped} 条` : ''}`;
    notify(`已导入：新增 ${created} 条，修改 ${updated} 条，不变 ${unchanged} 条${extra}`);
    onImported();
  }

  async function discard(preview: ImportPreview) {
    setStep({ kind: 'idle' });
    await client['registry.importDiscard']({ token: preview.token });
    notify('已取消导入，名录没有任何改动', 'info');
  }

  const dialogs = (
    <ImportFlowDialogs
      step={step}
      onCommit={(preview, choice) => void commit(preview, choice)}
      onDiscard={(preview) => void discard(preview)}
      onClose={() => setStep({ kind: 'idle' })}
    />
  );
  return { start: () => void start(), busy: step.kind !== 'idle', dialogs };
}
