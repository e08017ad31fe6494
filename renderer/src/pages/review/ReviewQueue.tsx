// A review queue: filters on one row, the virtualized table of hits with the detail of the current hit in a panel
// beside it (it can be hidden), bulk decisions, keyboard review, undo and export. The 审查 page shows filings,
// the 电商 page listings.
import { useEffect, useState, type ReactNode } from 'react';
import type { BatchKind } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { DismissDialog } from './DismissDialog';
import { exportHits } from './exportHits';
import { isFiltered } from './filter-state';
import { columnsFor } from './hit-columns';
import { HitDetailPane } from './HitDetailPane';
import { HitFilters } from './HitFilters';
import { HitTable } from './HitTable';
import { ReviewActions } from './ReviewActions';
import { useHitDetail } from './useHitDetail';
import { useReviewQueue } from './useReviewQueue';
import './review.css';

interface ReviewQueueProps {
  source: BatchKind;
  title: string;
  /** extra actions in the bar above the table (the listings page's complaint export) */
  extraActions?: ReactNode;
}

// The queue has one row per filing (or listing) with every mark it hits, so it counts filings, not hits.
const COUNTED = { filing: '件申请', listing: '件商品' } as const;

function countText(total: number | null, loaded: number, source: BatchKind): string {
  if (total === null) return '正在读取…';
  return loaded < total ? `共 ${total} ${COUNTED[source]}，已载入 ${loaded} 件` : `共 ${total} ${COUNTED[source]}`;
}

const DETAIL_KEY = 'markguard.reviewDetailHidden';
/** Below this window width the table beside the detail leaves out the columns the detail repeats. */
const WIDE = '(min-width: 1700px)';

function useDetailShown(): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(() => window.localStorage.getItem(DETAIL_KEY) !== '1');
  return [shown, (next) => {
    window.localStorage.setItem(DETAIL_KEY, next ? '0' : '1');
    setShown(next);
  }];
}

function useWide(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia?.(WIDE).matches ?? true);
  useEffect(() => {
    const query = window.matchMedia?.(WIDE);
    if (!query) return;
    const onChange = () => setWide(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return wide;
}

function emptyTextOf(q: ReturnType<typeof useReviewQueue>): string {
  if (q.pages.total === null) return '';
  if (q.filter.deadline === 'open' && q.facets && q.facets.undecidedByDeadline.overdue > 0) {
    return `没有可异议的命中。另有 ${q.facets.undecidedByDeadline.overdue} 件待定的已过异议期，可在「按异议期限筛选」中选择“已过期”查看。`;
  }
  return isFiltered(q.filter) ? '没有符合条件的命中' : '还没有命中：请先在「筛查批次」导入并筛查文件';
}

export function ReviewQueue({ source, title, extraActions }: ReviewQueueProps) {
  const client = useClient();
  const notify = useToast();
  const q = useReviewQueue(source);
  const { rows, total, error } = q.pages;
  const cursorRow = rows[q.keyboard.state.cursor] ?? null;
  const { detail, error: detailError } = useHitDetail(cursorRow?.hitId ?? null, q.detailVersion);
  const chooser = q.keyboard.state.chooser;
  const [detailShown, setDetailShown] = useDetailShown();
  const wide = useWide();

  return (
    <div className={`page review-page review-${source}`}>
      <div className="page-head review-head">
        <h1>{title}</h1>
        <div className="count hit-count" aria-live="polite">{countText(total, rows.length, source)}</div>
        <ReviewActions q={q} extraActions={extraActions} onExport={() => void exportHits(client, q.filter, notify)} />
        <button type="button" onClick={() => setDetailShown(!detailShown)} aria-pressed={detailShown}>
          {detailShown ? '隐藏详情' : '显示详情'}
        </button>
      </div>
      <HitFilters filter={q.filter} facets={q.facets} onChange={q.setFilter} />
      {error ? <div className="form-banner" role="alert">无法读取命中：{error}</div> : null}
      <div className={`review-split${detailShown ? ' with-detail' : ''}`}>
        <HitTable
          label={title}
          rows={rows}
          total={total}
          columns={columnsFor(source, detailShown && !wide)}
          sortBy={q.filter.sortBy ?? 'score'}
          sortDir={q.filter.sortDir ?? 'desc'}
          onSort={q.sort}
          cursor={q.keyboard.state.cursor}
          onCursor={q.keyboard.setCursor}
          selected={q.selection.ids}
          onCheck={q.selection.check}
          onCheckAll={q.selection.checkAll}
          onNearEnd={q.pages.loadMore}
          emptyText={emptyTextOf(q)}
          generation={q.pages.generation}
          initialScrollTop={q.initialScrollTop}
          onScroll={q.onScroll}
        />
        {detailShown ? (
          <HitDetailPane
            detail={cursorRow ? detail : null}
            error={detailError}
            onConfirm={() => q.decideTargets('current', 'confirmed')}
            onDismiss={() => q.openDismiss('current')}
            onUndecide={() => q.decideTargets('current', 'undecided')}
          />
        ) : null}
      </div>
      {chooser ? (
        <DismissDialog
          count={q.dismiss.count}
          reason={chooser.reason}
          note={q.dismiss.note}
          onReason={q.keyboard.pickReason}
          onNote={q.dismiss.setNote}
          onConfirm={q.confirmDismiss}
          onCancel={q.keyboard.closeChooser}
        />
      ) : null}
    </div>
  );
}
