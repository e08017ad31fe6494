// Opposition deadlines falling due: overdue rows in red, those within 14 days in amber; each links to its hit.
import type { HitRow } from '../../../../shared/contract/screening';
import { CategoryTag } from '../../components/CategoryTag';
import { formatDay } from '../profiles/format';
import { countdown } from '../review/countdown';
import { CountdownText } from '../review/CountdownText';
import { DecisionBadge } from '../review/DecisionBadge';
import { profileHref, reviewHrefForHit } from '../profiles/links';

/** `rows`: what can still be opposed within 14 days, nearest first; `overdue`: filings with undecided hits past their deadline. */
export function DueSoonTable({ rows, overdue }: { rows: readonly HitRow[]; overdue: number }) {
  return (
    <section className="card table-card" aria-label="即将到期的异议期限">
      <div className="section-head">
        <h2>即将到期的异议期限（{rows.length}）</h2>
        <span className="muted small">14 天内届满、仍可提出异议的，截止日期最近的在前</span>
        {overdue > 0 ? (
          <a className="small due-overdue-link" href="#/deadlines">另有 {overdue} 件申请已过异议期</a>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <div className="grid-empty">近期没有到期的异议期限</div>
      ) : (
        <div className="table-scroll due-scroll">
          <table className="plain-table due-table">
            <thead>
              <tr>
                <th>异议截止</th>
                <th>剩余</th>
                <th>申请号</th>
                <th>申请商标</th>
                <th className="num">类别</th>
                <th>名录商标</th>
                <th>申请人</th>
                <th>处理状态</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((hit) => {
                const filing = hit.filing;
                const tone = countdown(filing?.daysLeft).tone;
                return (
                  <tr key={hit.hitId} className={`due-${tone}`}>
                    <td className="mono nowrap">{formatDay(filing?.oppositionDeadline ?? '')}</td>
                    <td className="nowrap">
                      <CountdownText daysLeft={filing?.daysLeft} />
                    </td>
                    <td className="mono">{filing?.applicationNumber ?? '—'}</td>
                    <td className="strong">{filing?.markText ?? hit.matchedText}</td>
                    <td className="num mono">{filing?.niceClass ?? '—'}</td>
                    <td>
                      <span className="pf-mark-cell">
                        {hit.markName}
                        <CategoryTag category={hit.markCategory} />
                      </span>
                    </td>
                    <td>{filing ? <a href={profileHref('applicant', filing.applicant)}>{filing.applicant}</a> : '—'}</td>
                    <td>
                      <DecisionBadge decision={hit.decision} dismissReason={hit.dismissReason} />
                    </td>
                    <td>
                      <a href={reviewHrefForHit(hit)}>审查</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
