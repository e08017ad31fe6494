// The registry as a virtualized grid: only the rows in view are in the DOM, so 10,000 records scroll smoothly.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StoredMark } from '../../../../shared/api';
import { CategoryTag } from '../../components/CategoryTag';
import { useTableKeyboard } from './useTableKeyboard';

const ROW_HEIGHT = 34;

const COLUMNS = ['编号', '类别', '商标名称', '别名', '国际分类', '权利人', '注册号', '地域', '操作'] as const;

interface RegistryTableProps {
  marks: readonly StoredMark[];
  selectedKey: number | null;
  onSelect: (mark: StoredMark) => void;
  onEdit: (mark: StoredMark) => void;
  onHistory: (mark: StoredMark) => void;
  onDelete: (mark: StoredMark) => void;
  emptyText: string;
}

function classesText(mark: StoredMark): string {
  return mark.classes.length > 0 ? mark.classes.join(';') : '全部类别';
}

function Row({ mark, ...props }: Omit<RegistryTableProps, 'marks' | 'emptyText' | 'selectedKey'> & { mark: StoredMark }) {
  const aliases = mark.aliases.join('；');
  return (
    <>
      <div role="cell" className="cell mono">{mark.id}</div>
      <div role="cell" className="cell">
        <CategoryTag category={mark.category} />
      </div>
      <div role="cell" className="cell cell-name" title={mark.name}>{mark.name}</div>
      <div role="cell" className="cell muted" title={aliases}>{aliases}</div>
      <div role="cell" className={`cell mono${mark.classes.length ? '' : ' muted'}`}>{classesText(mark)}</div>
      <div role="cell" className="cell" title={mark.holder}>{mark.holder}</div>
      <div role="cell" className="cell mono">{mark.registrationNumber}</div>
      <div role="cell" className="cell" title={mark.region}>{mark.region}</div>
      <div role="cell" className="cell cell-actions">
        <button type="button" className="link" onClick={() => props.onEdit(mark)}>修改</button>
        <button type="button" className="link" onClick={() => props.onHistory(mark)}>记录</button>
        <button type="button" className="link link-danger" onClick={() => props.onDelete(mark)}>删除</button>
      </div>
    </>
  );
}

export function RegistryTable({ marks, selectedKey, emptyText, ...handlers }: RegistryTableProps) {
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
          <div key={c} role="columnheader" className="cell">
            {c}
          </div>
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
                <Row mark={mark} {...handlers} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
