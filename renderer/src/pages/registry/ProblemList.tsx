// The row-level error report of an import: every bad row, virtualized so that a file with 100,000 bad rows still
// opens at once.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RowProblem } from '../../../../shared/api';

const ROW_HEIGHT = 28;
const VISIBLE_HEIGHT = 220;

export function ProblemList({ problems }: { problems: readonly RowProblem[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: problems.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Before the first measurement, assume the list's own height.
    initialRect: { width: 0, height: VISIBLE_HEIGHT },
  });
  const height = Math.min(VISIBLE_HEIGHT, problems.length * ROW_HEIGHT + ROW_HEIGHT);

  return (
    <div className="problem-list" role="table" aria-label="有问题的行" aria-rowcount={problems.length + 1} ref={scroller} style={{ height }}>
      <div className="problem-row problem-header" role="row">
        <div role="columnheader">行号</div>
        <div role="columnheader">原因</div>
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const problem = problems[item.index];
          if (!problem) return null;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className="problem-row"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <div role="cell">第 {problem.rowNumber} 行</div>
              <div role="cell" title={problem.reason}>
                {problem.reason}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
