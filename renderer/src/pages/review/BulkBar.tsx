interface BulkBarProps {
  count: number;
  /** hits matching the filter, loaded or not */
  total: number | null;
  /** true when every hit matching the filter is selected, not only the loaded rows */
  allMatching: boolean;
  onSelectAllMatching: () => void;
  onConfirm: () => void;
  onDismiss: () => void;
  onUndecide: () => void;
  onClear: () => void;
}

/** Decisions for the checked rows (checkboxes, shift-click for a range), or for every hit matching the filter. */
export function BulkBar({ count, total, allMatching, onSelectAllMatching, onConfirm, onDismiss, onUndecide, onClear }: BulkBarProps) {
  if (count === 0) return <span className="muted small">勾选多行（按住 Shift 点选一段）可批量作出结论</span>;
  const shown = allMatching && total !== null ? total : count;
  const more = !allMatching && total !== null && total > count;
  return (
    <div className="bulk-bar" role="group" aria-label="批量结论">
      <strong>{allMatching ? `已选符合筛选的全部 ${shown} 条：` : `已选 ${shown} 条：`}</strong>
      <button type="button" className="primary" onClick={onConfirm}>批量确认</button>
      <button type="button" onClick={onDismiss}>批量排除…</button>
      <button type="button" onClick={onUndecide}>批量待定</button>
      {more ? (
        <button type="button" className="link" onClick={onSelectAllMatching}>选择符合筛选的全部 {total} 条</button>
      ) : null}
      <button type="button" className="link" onClick={onClear}>取消选择</button>
    </div>
  );
}
