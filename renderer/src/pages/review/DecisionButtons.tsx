import { CONFIRM_LABELS, type BatchKind } from '../../../../shared/contract/screening';

interface DecisionButtonsProps {
  /** a filing is confirmed as a suspected squat, a listing as a counterfeit */
  source: BatchKind;
  /** how many hits the buttons apply to; 0 disables them */
  count: number;
  onConfirm: () => void;
  onDismiss: () => void;
  onUndecide: () => void;
}

/** 确认 / 排除… / 待定, with their keys; for the checked rows when some are checked. */
export function DecisionButtons({ source, count, onConfirm, onDismiss, onUndecide }: DecisionButtonsProps) {
  const disabled = count === 0;
  return (
    <div className="decision-buttons">
      <button type="button" className="primary" disabled={disabled} onClick={onConfirm} title="快捷键 c">
        {CONFIRM_LABELS[source]}<kbd>c</kbd>
      </button>
      <button type="button" disabled={disabled} onClick={onDismiss} title="快捷键 d">
        排除…<kbd>d</kbd>
      </button>
      <button type="button" disabled={disabled} onClick={onUndecide} title="快捷键 u">
        待定<kbd>u</kbd>
      </button>
    </div>
  );
}
