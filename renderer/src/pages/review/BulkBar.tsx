interface BulkBarProps {
  count: number;
  onConfirm: () => void;
  onDismiss: () => void;
  onUndecide: () => void;
  onClear: () => void;
}

/** Decisions for the checked rows (checkboxes, shift-click for a range). */
export function BulkBar({ count, onConfirm, onDismiss, onUndecide, onClear }: BulkBarProps) {
  if (count === 0) return <span className="muted small">勾选多行（按住 Shift 点选一段）可批量作出结论</span>;
  return (
    <div className="bulk-bar" role="group" aria-label="批量结论">
      <strong>已选 {count} 条：</strong>
      <button type="button" className="primary" onClick={onConfirm}>批量确认</button>
      <button type="button" onClick={onDismiss}>批量排除…</button>
      <button type="button" onClick={onUndecide}>批量待定</button>
      <button type="button" className="link" onClick={onClear}>取消选择</button>
    </div>
  );
}
