// Applicants or agencies as a virtualized, sortable grid: only the rows in view are in the DOM and only their pages
// are loaded. A name opens the profile page.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ProfileRow } from '../../../../shared/contract/screening';
import { FlagTags } from './FlagTags';
import { formatCount, formatDateRange } from './format';
import { profileHref } from './links';
import type { ProfileKind, ProfileSortBy, SortDir } from './profile-types';
import type { ProfilePages } from './useProfilePages';

const ROW_HEIGHT = 34;

interface Column {
  label: string;
  sortBy?: ProfileSortBy;
  numeric?: boolean;
  cell: (row: ProfileRow) => React.ReactNode;
}

const COLUMNS: readonly Column[] = [
  { label: '名称', sortBy: 'name', cell: (r) => <a href={profileHref(r.kind, r.name)} title={r.name}>{r.name}</a> },
  { label: '申请量', sortBy: 'filings', numeric: true, cell: (r) => formatCount(r.filings) },
  { label: '类别数', sortBy: 'classes', numeric: true, cell: (r) => formatCount(r.classes) },
  { label: '命中数', sortBy: 'hits', numeric: true, cell: (r) => formatCount(r.hits) },
  { label: '涉及名录商标数', sortBy: 'distinctMarksHit', numeric: true, cell: (r) => formatCount(r.distinctMarksHit) },
  { label: '涉及权利人数', numeric: true, cell: (r) => formatCount(r.distinctOwnersHit) },
  { label: '公共资源命中', numeric: true, cell: (r) => formatCount(r.publicResourceHits) },
  { label: '首次/最近申请日期', sortBy: 'lastDate', cell: (r) => formatDateRange(r.firstDate, r.lastDate) },
  { label: '恶意特征', cell: (r) => <FlagTags flags={r.flags} max={2} /> },
];

interface ProfilesTableProps {
  kind: ProfileKind;
  pages: ProfilePages;
  sortBy: ProfileSortBy;
  sortDir: SortDir;
  onSort: (sortBy: ProfileSortBy) => void;
  emptyText: string;
  /** false while a profile is open over the list; the scroll position is put back when the list shows again */
  active: boolean;
}

function SortHeader({ column, props }: { column: Column; props: ProfilesTableProps }) {
  const active = column.sortBy !== undefined && column.sortBy === props.sortBy;
  const className = `cell${column.numeric ? ' num' : ''}`;
  if (!column.sortBy) {
    return <div role="columnheader" className={className}>{column.label}</div>;
  }
  const sortBy = column.sortBy;
  return (
    <div role="columnheader" className={className} aria-sort={active ? (props.sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className={`sort-button${active ? ' active' : ''}`} onClick={() => props.onSort(sortBy)}>
        {column.label}
        <span className="sort-mark" aria-hidden="true">{active ? (props.sortDir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </div>
  );
}

export function ProfilesTable(props: ProfilesTableProps) {
  const { pages } = props;
  const count = pages.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = pages;
  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [ensure, first, last, count]);

  // A hidden (display: none) list loses its scroll position; keep it while shown and restore it on return.
  const savedScroll = useRef(0);
  const { active } = props;
  useLayoutEffect(() => {
    if (active && scroller.current) scroller.current.scrollTop = savedScroll.current;
  }, [active]);

  return (
    <div className="grid profiles-grid" role="table" aria-label={props.kind === 'applicant' ? '申请人列表' : '代理机构列表'} aria-rowcount={count + 1}>
      <div className="grid-row grid-header" role="row">
        {COLUMNS.map((c) => (
          <SortHeader key={c.label} column={c} props={props} />
        ))}
      </div>
      <div
        className="grid-body"
        ref={scroller}
        onScroll={(e) => {
          if (props.active) savedScroll.current = e.currentTarget.scrollTop;
        }}
      >
        {pages.total === 0 ? <div className="grid-empty">{props.emptyText}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`grid-row${item.index % 2 ? ' odd' : ''}${row && row.flags.length > 0 ? ' flagged' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  COLUMNS.map((c) => (
                    <div key={c.label} role="cell" className={`cell${c.numeric ? ' num mono' : ''}${c.sortBy === 'name' ? ' cell-name' : ''}`}>
                      {c.cell(row)}
                    </div>
                  ))
                ) : (
                  <div role="cell" className="cell muted">正在读取…</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
