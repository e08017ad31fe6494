// What was done in the report period: hits found, decisions made (as they stand now) and letters issued.
import type { Dashboard } from '../../../../shared/contract/screening';
import { formatCount } from '../profiles/format';

export function PeriodFigures({ period }: { period: Dashboard['period'] }) {
  const figures = [
    { label: '新发现命中', value: period.hitsFound },
    { label: '确认为疑似抢注', value: period.confirmed },
    { label: '排除', value: period.dismissed },
    { label: '发出函件', value: period.lettersIssued },
  ];
  return (
    <section className="card period-card" aria-label="本期工作量">
      <h2>
        本期工作量 <span className="muted small">{period.from} 至 {period.to}</span>
      </h2>
      <dl className="stat-row">
        {figures.map((f) => (
          <div key={f.label} className="stat">
            <dt>{f.label}</dt>
            <dd className="mono">{formatCount(f.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">结论按作出的日期计入；之后改过的，按最后一次结论计。</p>
    </section>
  );
}
