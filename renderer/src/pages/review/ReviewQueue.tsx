// A review queue: filters, the virtualized table of hits, the detail pane of the current hit, bulk decisions,
// keyboard review and export. The 审查 page shows filings, the 电商 page listings.
import type { ReactNode } from 'react';
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

export function ReviewQueue({ source, title, extraActions }: ReviewQueueProps) {
  const client = useClient();
  const notify = useToast();
  const q = useReviewQueue(source);
  const { rows, total, error } = q.pages;
  const cursorRow = rows[q.keyboard.state.cursor] ?? null;
  const { detail, error: detailError } = useHitDetail(cursorRow?.hitId ?? null, q.detailVersion);
  const chooser = q.keyboard.state.chooser;
  const emptyText = total === null ? '' : isFiltered(q.filter) ? '没有符合条件的命中' : '还没有命中：请先在「筛查批次」导入并筛查文件';

  return (
    <div className={`page review-page review-${source}`}>
      <div className="page-head">
        <h1>{title}</h1>
        <div className="count hit-count" aria-live="polite">{countText(total, rows.length, source)}</div>
      </div>
      <HitFilters filter={q.filter} facets={q.facets} onChange={q.setFilter} />
      <ReviewActions q={q} extraActions={extraActions} onExport={() => void exportHits(client, q.filter, notify)} />
      {error ? <div className="form-banner" role="alert">无法读取命中：{error}</div> : null}
      <div className="review-split">
        <HitTable
          label={title}
          rows={rows}
          total={total}
          columns={columnsFor(source)}
          sortBy={q.filter.sortBy ?? 'score'}
          sortDir={q.filter.sortDir ?? 'desc'}
          onSort={q.sort}
          cursor={q.keyboard.state.cursor}
          onCursor={q.keyboard.setCursor}
          selected={q.selection.ids}
          onCheck={q.selection.check}
          onCheckAll={q.selection.checkAll}
          onNearEnd={q.pages.loadMore}
          emptyText={emptyText}
        />
        <HitDetailPane
          detail={cursorRow ? detail : null}
          error={detailError}
          onConfirm={() => q.decideTargets('current', 'confirmed')}
          onDismiss={() => q.openDismiss('current')}
          onUndecide={() => q.decideTargets('current', 'undecided')}
        />
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
