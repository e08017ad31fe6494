// The headline figures above the charts.
import type { Dashboard } from '../../../../shared/contract/screening';
import { DECISION_LABEL } from '../profiles/decision';
import { formatCount, formatShare } from '../profiles/format';

export function TotalsRow({ totals }: { totals: Dashboard['totals'] }) {
  const figures: { label: string; value: string; note?: string; tone?: 'danger' | 'warn' }[] = [
    { label: '初审公告申请', value: formatCount(totals.filings) },
    { label: '电商商品链接', value: formatCount(totals.listings) },
    { label: '命中名录', value: formatCount(totals.hits) },
    { label: DECISION_LABEL.undecided, value: formatCount(totals.undecided), note: formatShare(totals.undecided, totals.hits) },
    { label: DECISION_LABEL.confirmed, value: formatCount(totals.confirmed), note: formatShare(totals.confirmed, totals.hits) },
    { label: DECISION_LABEL.dismissed, value: formatCount(totals.dismissed), note: formatShare(totals.dismissed, totals.hits) },
    { label: '异议期已过（件）', value: formatCount(totals.overdue), tone: totals.overdue > 0 ? 'danger' : undefined },
    { label: '14 天内到期（件）', value: formatCount(totals.dueWithin14), tone: totals.dueWithin14 > 0 ? 'warn' : undefined },
  ];
  return (
    <dl className="stat-row">
      {figures.map((f) => (
        <div key={f.label} className={`stat${f.tone ? ` stat-${f.tone}` : ''}`}>
          <dt>{f.label}</dt>
          <dd className="mono">
            {f.value}
            {f.note && f.note !== '—' ? <span className="stat-note">{f.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
