// What the import flow shows at each step: reading the file, the preview, or why the file cannot be imported.
import type { DuplicateChoice, ImportPreview } from '../../../../shared/api';
import { Modal } from '../../components/Modal';
import { ImportPreviewDialog } from './ImportPreviewDialog';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: ImportPreview; busy: boolean }
  | { kind: 'failed'; fileName: string; message: string };

interface ImportFlowDialogsProps {
  step: ImportStep;
  onCommit: (preview: ImportPreview, choice?: DuplicateChoice) => void;
  onDiscard: (preview: ImportPreview) => void;
  onClose: () => void;
}

export function ImportFlowDialogs({ step, onCommit, onDiscard, onClose }: ImportFlowDialogsProps) {
  switch (step.kind) {
    case 'reading':
      return (
        <Modal title="导入名录" onClose={() => undefined} width={360}>
          <div className="muted">正在读取文件…</div>
        </Modal>
      );
    case 'preview':
      return (
        <ImportPreviewDialog
          preview={step.preview}
          busy={step.busy}
          onCommit={(choice) => onCommit(step.preview, choice)}
          onDiscard={() => onDiscard(step.preview)}
        />
      );
    case 'failed':
      return (
        <Modal
          title="无法导入"
          onClose={onClose}
          width={520}
          footer={
            <button type="button" className="primary" onClick={onClose}>
              知道了
            </button>
          }
        >
          <p>
            文件 <strong>{step.fileName}</strong> 没有导入，名录没有任何改动。
          </p>
          <div className="form-banner" role="alert">
            {step.message}
          </div>
          <p className="muted">名录文件的第一行应为表头：编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注</p>
        </Modal>
      );
    default:
      return null;
  }
}
