import type { HitColumn } from './hit-columns';
import type { SortKey } from './filter-state';

interface HitTableHeaderProps {
  columns: readonly HitColumn[];
  template: string;
  sortBy: SortKey;
  sortDir: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  allChecked: boolean;
  onCheckAll: (all: boolean) => void;
}

/** Column headers; a sortable header is a button showing ▲/▼ when it is the current order. */
export function HitTableHeader({ columns, template, sortBy, sortDir, onSort, allChecked, onCheckAll }: HitTableHeaderProps) {
  return (
    <div className="grid-row grid-header" role="row" style={{ gridTemplateColumns: template }}>
      <div role="columnheader" className="cell cell-check">
        <input type="checkbox" aria-label="全选已载入的行" checked={allChecked} onChange={(e) => onCheckAll(e.target.checked)} />
      </div>
      {columns.map((c) => {
        const sort = c.sort;
        const active = sort !== undefined && sort === sortBy;
        return (
          <div
            key={c.key}
            role="columnheader"
            className="cell"
            aria-sort={active ? (sortDir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {sort ? (
              <button type="button" className={`sort-button${active ? ' active' : ''}`} onClick={() => onSort(sort)}>
                {c.label}
                <span className="sort-arrow" aria-hidden="true">{active ? (sortDir === 'asc' ? '▲' : '▼') : '↕'}</span>
              </button>
            ) : (
              c.label
            )}
          </div>
        );
      })}
    </div>
  );
}
