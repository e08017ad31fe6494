// The review queue as a virtualized grid: only rows in view are in the DOM; the next page is fetched when the
// view comes near the end of the loaded rows.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HitRow } from '../../../../shared/contract/screening';
import { gridTemplate, type HitColumn } from './hit-columns';
import { HitTableHeader } from './HitTableHeader';
import type { SortKey } from './filter-state';

const ROW_HEIGHT = 34;
const FETCH_AHEAD = 40;

interface HitTableProps {
  label: string;
  rows: readonly HitRow[];
  total: number | null;
  columns: readonly HitColumn[];
  sortBy: SortKey;
  sortDir: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  cursor: number;
  onCursor: (index: number) => void;
  selected: ReadonlySet<number>;
  onCheck: (index: number, shift: boolean) => void;
  onCheckAll: (all: boolean) => void;
  onNearEnd: () => void;
  emptyText: string;
}

export function HitTable(props: HitTableProps) {
  const { rows, columns, cursor, selected, onNearEnd } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const template = gridTemplate(columns);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 0, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (rows.length > 0 && lastIndex >= rows.length - FETCH_AHEAD) onNearEnd();
  }, [lastIndex, rows.length, onNearEnd]);

  useEffect(() => {
    if (cursor >= 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);

  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.hitId));
  return (
    <div className="grid hit-grid" role="table" aria-label={props.label} aria-rowcount={(props.total ?? rows.length) + 1}>
      <HitTableHeader
        columns={columns}
        template={template}
        sortBy={props.sortBy}
        sortDir={props.sortDir}
        onSort={props.onSort}
        allChecked={allChecked}
        onCheckAll={props.onCheckAll}
      />
      <div className="grid-body" ref={scroller}>
        {rows.length === 0 ? <div className="grid-empty">{props.emptyText}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const current = item.index === cursor;
            const checked = selected.has(row.hitId);
            return (
              <div
                key={row.hitId}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={current}
                data-hit-id={row.hitId}
                className={`grid-row hit-row${current ? ' selected' : ''}${checked ? ' checked' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => props.onCursor(item.index)}
              >
                <div role="cell" className="cell cell-check" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label="选择此行"
                    checked={checked}
                    onChange={() => undefined}
                    onClick={(e) => props.onCheck(item.index, e.shiftKey)}
                  />
                </div>
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={`cell${c.className ? ` ${c.className}` : ''}`} title={c.title?.(row)}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
