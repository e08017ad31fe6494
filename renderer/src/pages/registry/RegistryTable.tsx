// The registry as a virtualized grid: only the rows in view are in the DOM, so 10,000 records scroll smoothly.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MarkThumbnail, StoredMark } from '../../../../shared/api';
import { usePermission } from '../../app/account';
import { CategoryTag } from '../../components/CategoryTag';
import type { RegistrySort, RegistrySortKey } from './registry-sort';
import { useTableKeyboard } from './useTableKeyboard';

const ROW_HEIGHT = 34;

const COLUMNS: readonly { label: string; sort?: RegistrySortKey }[] = [
  { label: '编号', sort: 'id' },
  { label: '类别', sort: 'category' },
  { label: '图样' },
  { label: '商标名称', sort: 'name' },
  { label: '别名' },
  { label: '国际分类', sort: 'classes' },
  { label: '权利人', sort: 'holder' },
  { label: '注册号', sort: 'registrationNumber' },
  { label: '地域', sort: 'region' },
  { label: '操作' },
];

function HeaderCell({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: RegistrySort | null; onSort: (key: RegistrySortKey) => void }) {
  const key = column.sort;
  if (!key) return <div role="columnheader" className="cell">{column.label}</div>;
  const active = sort?.key === key;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <div role="columnheader" className="cell" aria-sort={ariaSort}>
      <button type="button" className={`sort-button${active ? ' active' : ''}`} onClick={() => onSort(key)} title={`按${column.label}排序`}>
        {column.label}
        <span className="sort-mark" aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </div>
  );
}

interface RegistryTableProps {
  marks: readonly StoredMark[];
  /** the first image of each mark that has one */
  thumbnails: ReadonlyMap<number, MarkThumbnail>;
  selectedKey: number | null;
  onSelect: (mark: StoredMark) => void;
  onEdit: (mark: StoredMark) => void;
  onHistory: (mark: StoredMark) => void;
  onDelete: (mark: StoredMark) => void;
  emptyText: string;
  sort: RegistrySort | null;
  onSort: (key: RegistrySortKey) => void;
}

function classesText(mark: StoredMark): string {
  return mark.classes.length > 0 ? mark.classes.join(';') : '全部类别';
}

function Thumbnail({ mark, thumbnail }: { mark: StoredMark; thumbnail: MarkThumbnail | undefined }) {
  if (!thumbnail) return <div role="cell" className="cell cell-thumb" />;
  const more = thumbnail.count > 1 ? `（共 ${thumbnail.count} 个图样）` : '';
  return (
    <div role="cell" className="cell cell-thumb" title={`${mark.name} 的图样${more}`}>
      {thumbnail.thumbnail ? <img src={thumbnail.thumbnail} alt={`${mark.name} 的图样`} /> : <span className="muted">缺失</span>}
      {thumbnail.count > 1 ? <span className="thumb-count">{thumbnail.count}</span> : null}
    </div>
  );
}

function Row({ mark, thumbnail, ...props }: Pick<RegistryTableProps, 'onEdit' | 'onHistory' | 'onDelete'> & { mark: StoredMark; thumbnail: MarkThumbnail | undefined }) {
  const edit = usePermission('registry.update');
  const remove = usePermission('registry.delete');
  const aliases = mark.aliases.join('；');
  return (
    <>
      <div role="cell" className="cell mono">{mark.id}</div>
      <div role="cell" className="cell">
        <CategoryTag category={mark.category} />
      </div>
      <Thumbnail mark={mark} thumbnail={thumbnail} />
      <div role="cell" className="cell cell-name" title={mark.name}>{mark.name}</div>
      <div role="cell" className="cell muted" title={aliases}>{aliases}</div>
      <div role="cell" className={`cell mono${mark.classes.length ? '' : ' muted'}`}>{classesText(mark)}</div>
      <div role="cell" className="cell" title={mark.holder}>{mark.holder}</div>
      <div role="cell" className="cell mono">{mark.registrationNumber}</div>
      <div role="cell" className="cell" title={mark.region}>{mark.region}</div>
      <div role="cell" className="cell cell-actions">
        {edit.allowed ? <button type="button" className="link" onClick={() => props.onEdit(mark)}>修改</button> : null}
        <button type="button" className="link" onClick={() => props.onHistory(mark)}>记录</button>
        {remove.allowed ? <button type="button" className="link link-danger" onClick={() => props.onDelete(mark)}>删除</button> : null}
      </div>
    </>
  );
}

export function RegistryTable({ marks, thumbnails, selectedKey, emptyText, sort, onSort, ...handlers }: RegistryTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: marks.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const onKeyDown = useTableKeyboard(marks, selectedKey, handlers, (index) => virtualizer.scrollToIndex(index));

  return (
    <div className="grid" role="table" aria-label="保护名录" aria-rowcount={marks.length + 1}>
      <div className="grid-row grid-header" role="row">
        {COLUMNS.map((c) => (
          <HeaderCell key={c.label} column={c} sort={sort} onSort={onSort} />
        ))}
      </div>
      <div className="grid-body" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} aria-label="名录记录（上下方向键选择，回车修改）">
        {marks.length === 0 ? <div className="grid-empty">{emptyText}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const mark = marks[item.index];
            if (!mark) return null;
            const selected = mark.key === selectedKey;
            return (
              <div
                key={mark.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={`grid-row${selected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => handlers.onSelect(mark)}
                onDoubleClick={() => handlers.onEdit(mark)}
              >
                <Row mark={mark} thumbnail={thumbnails.get(mark.key)} {...handlers} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
