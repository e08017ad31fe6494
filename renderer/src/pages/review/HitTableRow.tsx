import type { VirtualItem } from '@tanstack/react-virtual';
import type { HitRow } from '../../../../shared/contract/screening';
import type { HitColumn } from './hit-columns';

interface HitTableRowProps {
  row: HitRow;
  item: VirtualItem;
  height: number;
  template: string;
  columns: readonly HitColumn[];
  current: boolean;
  checked: boolean;
  onCursor: (index: number) => void;
  onCheck: (index: number, shift: boolean) => void;
}

/** One hit: its checkbox, then a cell per column; a click makes it the current row. */
export function HitTableRow({ row, item, height, template, columns, current, checked, onCursor, onCheck }: HitTableRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={item.index + 2}
      aria-selected={current}
      data-hit-id={row.hitId}
      className={`grid-row hit-row${current ? ' selected' : ''}${checked ? ' checked' : ''}${item.index % 2 ? ' odd' : ''}`}
      style={{ gridTemplateColumns: template, height, transform: `translateY(${item.start}px)` }}
      onClick={() => onCursor(item.index)}
    >
      <div role="cell" className="cell cell-check" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          aria-label="选择此行"
          checked={checked}
          onChange={() => undefined}
          onClick={(e) => onCheck(item.index, e.shiftKey)}
        />
      </div>
      {columns.map((c) => (
        <div key={c.key} role="cell" className={`cell${c.className ? ` ${c.className}` : ''}`} title={c.title?.(row)}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}
