// 排除: choose why (1 不近似 / 2 权利人自有 / 3 其他) and add a note; Enter dismisses.
import { Modal } from '../../components/Modal';
import { DISMISS_REASONS, type DismissReason } from './labels';

interface DismissDialogProps {
  count: number;
  reason: DismissReason;
  note: string;
  onReason: (reason: DismissReason) => void;
  onNote: (note: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DismissDialog({ count, reason, note, onReason, onNote, onConfirm, onCancel }: DismissDialogProps) {
  return (
    <Modal
      title="排除命中"
      onClose={onCancel}
      width={440}
      footer={
        <>
          <button type="button" onClick={onCancel}>取消</button>
          <button type="button" className="primary" onClick={onConfirm}>排除（Enter）</button>
        </>
      }
    >
      <p className="muted small">{count > 1 ? `排除选中的 ${count} 件（每件的全部命中）。` : '排除当前命中。'}按 1/2/3 选择原因，按 Enter 确定。</p>
      <fieldset className="dismiss-reasons">
        <legend>排除原因</legend>
        {DISMISS_REASONS.map((r, i) => (
          <label key={r} className="dismiss-reason">
            <input type="radio" name="dismiss-reason" value={r} checked={reason === r} onChange={() => onReason(r)} />
            <kbd>{i + 1}</kbd> {r}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="dismiss-note">备注</label>
        <input id="dismiss-note" value={note} maxLength={2000} placeholder="可选：说明排除的依据" onChange={(e) => onNote(e.target.value)} />
      </div>
    </Modal>
  );
}
