// The columns of the review table, for filings (审查) and for listings (电商).
import type { ReactNode } from 'react';
import type { BatchKind, HitRow } from '../../../../shared/contract/screening';
import { CategoryTag } from '../../components/CategoryTag';
import { ExternalLink } from '../../components/ExternalLink';
import { CountdownText } from './CountdownText';
import { DecisionBadge } from './DecisionBadge';
import { reasonsText, scoreText, markTextLabel } from './labels';
import { TitleWithMatch } from './TitleWithMatch';
import type { SortKey } from './filter-state';

export interface HitColumn {
  key: string;
  label: string;
  /** a CSS grid track */
  width: string;
  sort?: SortKey;
  className?: string;
  render: (row: HitRow) => ReactNode;
  /** the full text for the tooltip of a cut-off cell */
  title?: (row: HitRow) => string;
}

const score: HitColumn = {
  key: 'score', label: '分数', width: '46px', sort: 'score', className: 'mono',
  render: (r) => <span className={r.score >= 0.85 ? 'score-high' : undefined}>{scoreText(r.score)}</span>,
};
const mark: HitColumn = {
  key: 'mark', label: '近似名录商标', width: 'minmax(130px, 1fr)', sort: 'mark',
  render: (r) => (
    <span className="mark-cell">
      <span className="mark-name">{r.markName}</span>
      <CategoryTag category={r.markCategory} />
      {r.marksHit && r.marksHit.length > 1 ? (
        <span className="more-marks" data-testid="more-marks">
          等 {r.marksHit.length} 个
        </span>
      ) : null}
    </span>
  ),
  title: (r) =>
    r.marksHit && r.marksHit.length > 1
      ? `命中 ${r.marksHit.length} 个名录商标（结论对全部适用）：${r.marksHit.map((m) => `${m.markId} ${m.markName}`).join('、')}`
      : r.matchedMark && r.matchedMark !== r.markName ? `${r.markName}（匹配：${r.matchedMark}）` : r.markName,
};
const reasons: HitColumn = {
  key: 'reasons', label: '理由', width: 'minmax(70px, 1fr)', className: 'muted',
  render: (r) => reasonsText(r.reasons), title: (r) => reasonsText(r.reasons),
};
const decision: HitColumn = {
  key: 'decision', label: '结论', width: '96px',
  render: (r) => <DecisionBadge decision={r.decision} dismissReason={r.dismissReason} />,
  title: (r) => r.decisionNote,
};

const FILING_COLUMNS: HitColumn[] = [
  score,
  { key: 'appno', label: '申请号', width: '80px', className: 'mono', render: (r) => r.filing?.applicationNumber },
  { key: 'text', label: '申请商标', width: 'minmax(80px, 0.8fr)', className: 'cell-name', render: (r) => markTextLabel(r.filing?.markText ?? r.matchedText), title: (r) => r.filing?.markText ?? '' },
  { key: 'class', label: '类别号', width: '56px', sort: 'niceClass', className: 'mono', render: (r) => r.filing?.niceClass },
  { key: 'applicant', label: '申请人', width: 'minmax(90px, 1.1fr)', sort: 'applicant', render: (r) => r.filing?.applicant, title: (r) => r.filing?.applicant ?? '' },
  { key: 'agency', label: '代理机构', width: 'minmax(80px, 1fr)', render: (r) => r.filing?.agency || <span className="muted">—</span>, title: (r) => r.filing?.agency ?? '' },
  { key: 'issue', label: '公告期号', width: '80px', sort: 'publishedOn', render: (r) => r.filing?.gazetteIssue, title: (r) => `公告日期：${r.filing?.publishedOn ?? ''}` },
  { key: 'deadline', label: '异议截止', width: '108px', sort: 'deadline', render: (r) => <CountdownText daysLeft={r.filing?.daysLeft} date={r.filing?.oppositionDeadline} /> },
  mark,
  reasons,
  decision,
];

const LISTING_COLUMNS: HitColumn[] = [
  score,
  { key: 'platform', label: '平台', width: '76px', render: (r) => r.listing?.platform },
  { key: 'shop', label: '店铺', width: 'minmax(90px, 0.7fr)', render: (r) => r.listing?.shop, title: (r) => r.listing?.shop ?? '' },
  { key: 'title', label: '商品标题', width: 'minmax(180px, 2fr)', render: (r) => <TitleWithMatch title={r.listing?.title ?? ''} matched={r.matchedText} />, title: (r) => r.listing?.title ?? '' },
  { key: 'location', label: '所在地', width: 'minmax(90px, 0.7fr)', render: (r) => r.listing?.sellerLocation, title: (r) => r.listing?.sellerLocation ?? '' },
  mark,
  reasons,
  decision,
  { key: 'url', label: '链接', width: '52px', render: (r) => (r.listing?.url ? <ExternalLink url={r.listing.url} label="打开" /> : null), title: (r) => r.listing?.url ?? '' },
];

/** Shown in the detail beside the table, so left out of the table where the screen is narrow. */
const IN_DETAIL = new Set(['agency', 'reasons', 'location', 'issue']);

/** `compact`: without the columns the detail panel repeats, so the table fits beside it on a 1366 px screen. */
export function columnsFor(source: BatchKind, compact = false): HitColumn[] {
  const columns = source === 'filing' ? FILING_COLUMNS : LISTING_COLUMNS;
  return compact ? columns.filter((c) => !IN_DETAIL.has(c.key)) : columns;
}

/** The grid template: a checkbox column, then the columns' tracks. */
export function gridTemplate(columns: readonly HitColumn[]): string {
  return ['30px', ...columns.map((c) => c.width)].join(' ');
}
