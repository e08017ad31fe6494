// 到期提醒: filings with open hits whose opposition period ends within 30 days (and those already past it),
// the nearest first; each opens the review queue on that filing.
import { CategoryTag } from '../../components/CategoryTag';
import { CountdownText } from '../review/CountdownText';
import { countDeadlines, type DeadlineCounts, type DeadlineGroup } from './deadline-groups';
import { useUpcoming } from './useUpcoming';
import '../review/review.css';
import './deadlines.css';

const WITHIN_DAYS = 30;

function openInReview(params: string) {
  window.location.hash = `#/review?decision=all&${params}`;
}

function countText(counts: DeadlineCounts): string {
  const parts = [`14 天内届满 ${counts.soon} 件`, `15–30 天内届满 ${counts.later} 件`];
  if (counts.overdue > 0) parts.unshift(`已过期 ${counts.overdue} 件`);
  return parts.join(' · ');
}

function GroupRow({ group }: { group: DeadlineGroup }) {
  const f = group.filing;
  const tone = f.daysLeft !== null && f.daysLeft < 0 ? ' overdue' : f.daysLeft !== null && f.daysLeft <= 14 ? ' soon' : '';
  return (
    <tr className={`deadline-row${tone}`}>
      <td><CountdownText daysLeft={f.daysLeft} /></td>
      <td className="mono">{f.oppositionDeadline}</td>
      <td className="mono">{f.applicationNumber}</td>
      <td className="cell-name">{f.markText}</td>
      <td className="mono">{f.niceClass}</td>
      <td>{f.applicant}</td>
      <td>{f.gazetteIssue}</td>
      <td>
        <span className="deadline-marks">
          {group.marks.map((m) => (
            <span key={m.markId} className="mark-cell">{m.markName}<CategoryTag category={m.category} /></span>
          ))}
        </span>
      </td>
      <td><button type="button" className="link" onClick={() => openInReview(`text=${encodeURIComponent(f.applicationNumber)}`)}>审查</button></td>
    </tr>
  );
}

export function DeadlinesPage() {
  const { groups, error } = useUpcoming(WITHIN_DAYS);
  const counts = groups ? countDeadlines(groups) : null;
  return (
    <div className="page deadlines-page">
      <div className="page-head">
        <h1>到期提醒</h1>
        <div className="count">
          {counts ? countText(counts) : error ? '' : '正在读取…'}
        </div>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => openInReview('deadline=within14')}>审查 14 天内届满的</button>
        <button type="button" onClick={() => openInReview('deadline=overdue')}>查看已过期的</button>
      </div>
      <p className="muted small lead">异议期为初审公告日期起三个月。下列申请尚有未作结论的命中；已过期的只能另行请求宣告无效。</p>
      {error ? <div className="form-banner" role="alert">无法读取到期提醒：{error}</div> : null}
      {groups && groups.length === 0 ? <p className="muted">30 天内没有届满的异议期。</p> : null}
      {groups && groups.length > 0 ? (
        <div className="batch-table-wrap deadline-table-wrap">
          <table className="plain-table deadline-table" aria-label="到期提醒">
            <thead>
              <tr><th>倒计时</th><th>异议截止</th><th>申请号</th><th>申请商标</th><th>类别号</th><th>申请人</th><th>公告期号</th><th>近似名录商标</th><th>操作</th></tr>
            </thead>
            <tbody>
              {groups.map((g) => <GroupRow key={g.filing.id} group={g} />)}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
