// 导入名录: choose a file → preview (with the row-level error report) → import the good rows, or nothing.
import { useState, type ReactNode } from 'react';
import type { ImportPreview } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/Toast';
import { ImportPreviewDialog } from './ImportPreviewDialog';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: ImportPreview; busy: boolean }
  | { kind: 'failed'; fileName: string; message: string };

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function useImportFlow(onImported: () => void): { start: () => void; busy: boolean; dialogs: ReactNode } {
  const client = useClient();
  const notify = useToast();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function start() {
    const picked = await client['dialog.openFile']({ title: '选择要导入的名录文件（CSV 或 XLSX）', filter: 'table' });
    if (!picked.ok) return notify(picked.error.message, 'error');
    if (picked.value.path === null) return;
    const path = picked.value.path;
    setStep({ kind: 'reading' });
    const preview = await client['registry.importPreview']({ path });
    if (preview.ok) setStep({ kind: 'preview', preview: preview.value, busy: false });
    else setStep({ kind: 'failed', fileName: baseName(path), message: preview.error.message });
  }

  async function commit(preview: ImportPreview) {
    setStep({ kind: 'preview', preview, busy: true });
    const result = await client['registry.importCommit']({ token: preview.token });
    setStep({ kind: 'idle' });
    if (!result.ok) return notify(`导入失败，名录没有任何改动：${result.error.message}`, 'error');
    const { created, updated, unchanged } = result.value;
    notify(`已导入：新增 ${created} 条，修改 ${updated} 条，不变 ${unchanged} 条`);
    onImported();
  }

  async function discard(preview: ImportPreview) {
    setStep({ kind: 'idle' });
    await client['registry.importDiscard']({ token: preview.token });
    notify('已取消导入，名录没有任何改动', 'info');
  }

  let dialogs: ReactNode = null;
  if (step.kind === 'reading') {
    dialogs = (
      <Modal title="导入名录" onClose={() => undefined} width={360}>
        <div className="muted">正在读取文件…</div>
      </Modal>
    );
  } else if (step.kind === 'preview') {
    const { preview } = step;
    dialogs = (
      <ImportPreviewDialog preview={preview} busy={step.busy} onCommit={() => void commit(preview)} onDiscard={() => void discard(preview)} />
    );
  } else if (step.kind === 'failed') {
    const close = () => setStep({ kind: 'idle' });
    dialogs = (
      <Modal title="无法导入" onClose={close} width={520} footer={<button type="button" className="primary" onClick={close}>知道了</button>}>
        <p>
          文件 <strong>{step.fileName}</strong> 没有导入，名录没有任何改动。
        </p>
        <div className="form-banner" role="alert">
          {step.message}
        </div>
        <p className="muted">名录文件的第一行应为表头：编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注</p>
      </Modal>
    );
  }
  return { start: () => void start(), busy: step.kind !== 'idle', dialogs };
}
