// The review queue as a virtualized grid: only rows in view are in the DOM; the next page is fetched when the
// view comes near the end of the loaded rows.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HitRow } from '../../../../shared/contract/screening';
import { gridTemplate, type HitColumn } from './hit-columns';
import { HitTableHeader } from './HitTableHeader';
import { HitTableRow } from './HitTableRow';
import type { SortKey } from './filter-state';

// 30 px rows: with the detail beside the table, a 1366×768 screen shows at least 15 of them.
export const ROW_HEIGHT = 30;
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
  /** counts the first pages of new filters: the first restores `initialScrollTop`, later ones go to the top */
  generation: number;
  initialScrollTop: number;
  onScroll: (top: number) => void;
}

export function HitTable(props: HitTableProps) {
  const { rows, columns, cursor, selected, onNearEnd, generation, initialScrollTop, onScroll } = props;
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
    if (cursor >= 0 && cursor < rows.length) virtualizer.scrollToIndex(cursor, { align: 'auto' });
    // Only a move of the cursor scrolls; new rows arriving do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor, virtualizer]);

  // Coming back to the queue: the place it was left at; a new filter or sort: the top.
  const restored = useRef(false);
  useEffect(() => {
    const el = scroller.current;
    if (!el || generation === 0) return;
    if (!restored.current) {
      restored.current = true;
      el.scrollTop = initialScrollTop;
    } else el.scrollTop = 0;
  }, [generation, initialScrollTop]);

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
      <div className="grid-body" ref={scroller} onScroll={(e) => onScroll(e.currentTarget.scrollTop)}>
        {rows.length === 0 ? <div className="grid-empty">{props.emptyText}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <HitTableRow
                key={row.hitId}
                row={row}
                item={item}
                height={ROW_HEIGHT}
                template={template}
                columns={columns}
                current={item.index === cursor}
                checked={selected.has(row.hitId)}
                onCursor={props.onCursor}
                onCheck={props.onCheck}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
