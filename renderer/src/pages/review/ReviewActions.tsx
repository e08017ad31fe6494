// The actions beside the queue's title: bulk decisions for the checked rows, 撤销, the keys, extra actions and 导出.
import type { ReactNode } from 'react';
import { BulkBar } from './BulkBar';
import type { ReviewQueueState } from './useReviewQueue';

interface ReviewActionsProps {
  q: ReviewQueueState;
  extraActions?: ReactNode;
  onExport: () => void;
}

export function ReviewActions({ q, extraActions, onExport }: ReviewActionsProps) {
  const selecting = q.selection.ids.size > 0;
  return (
    <div className="toolbar review-actions">
      <BulkBar
        count={q.selection.ids.size}
        total={q.pages.total}
        allMatching={q.selection.allMatching}
        onSelectAllMatching={q.selection.selectAllMatching}
        onConfirm={() => q.decideTargets('selection', 'confirmed')}
        onDismiss={() => q.openDismiss('selection')}
        onUndecide={() => q.decideTargets('selection', 'undecided')}
        onClear={q.selection.clear}
      />
      <span className="toolbar-spacer" />
      {selecting ? null : <span className="muted small key-hint">j/k 移动 · c 确认 · d 排除 · u 待定 · x 勾选 · Ctrl+Z 撤销</span>}
      {extraActions}
      <button type="button" onClick={q.undo} title="撤销最近一次作出的结论（Ctrl+Z）">撤销</button>
      <button type="button" onClick={q.pages.reload} title="重新读取：已作出结论的行按当前筛选条件移出">
        刷新
      </button>
      <button type="button" onClick={onExport} disabled={!q.pages.total}>
        导出 XLSX
      </button>
    </div>
  );
}
