// 到期提醒: filings with open hits that can still be opposed, the nearest deadline first (within 30 days); those
// whose opposition period is already over are a separate list (已过期, with its count), never on top. Each row
// opens the review queue on that filing.
import { useState } from 'react';
import { CategoryTag } from '../../components/CategoryTag';
import { CountdownText } from '../review/CountdownText';
import { countDeadlines, splitByDeadline, type DeadlineGroup } from './deadline-groups';
import { useUpcoming } from './useUpcoming';
import '../review/review.css';
import './deadlines.css';

const WITHIN_DAYS = 30;
type Section = 'actionable' | 'overdue';

function openInReview(params: string) {
  window.location.hash = `#/review?decision=all&${params}`;
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

function GroupTable({ groups, label }: { groups: readonly DeadlineGroup[]; label: string }) {
  return (
    <div className="batch-table-wrap deadline-table-wrap">
      <table className="plain-table deadline-table" aria-label={label}>
        <thead>
          <tr><th>倒计时</th><th>异议截止</th><th>申请号</th><th>申请商标</th><th>类别号</th><th>申请人</th><th>公告期号</th><th>近似名录商标</th><th>操作</th></tr>
        </thead>
        <tbody>
          {groups.map((g) => <GroupRow key={g.filing.id} group={g} />)}
        </tbody>
      </table>
    </div>
  );
}

export function DeadlinesPage() {
  const { groups, error } = useUpcoming(WITHIN_DAYS);
  const [section, setSection] = useState<Section>('actionable');
  const sections = groups ? splitByDeadline(groups) : null;
  const counts = groups ? countDeadlines(groups) : null;
  const shown = sections ? sections[section] : [];
  return (
    <div className="page deadlines-page">
      <div className="page-head">
        <h1>到期提醒</h1>
        <div className="count">
          {counts ? `14 天内届满 ${counts.soon} 件 · 15–30 天内届满 ${counts.later} 件` : error ? '' : '正在读取…'}
        </div>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => openInReview('deadline=within14')}>审查 14 天内届满的</button>
      </div>
      <div className="deadline-tabs" role="radiogroup" aria-label="到期提醒分组">
        {(['actionable', 'overdue'] as const).map((s) => (
          <label key={s} className={`drop-kind${section === s ? ' active' : ''}`}>
            <input type="radio" name="deadline-section" checked={section === s} onChange={() => setSection(s)} />
            {s === 'actionable' ? `可异议（${sections?.actionable.length ?? '…'}）` : `已过期（${sections?.overdue.length ?? '…'}）`}
          </label>
        ))}
      </div>
      <p className="muted small lead">
        {section === 'actionable'
          ? '异议期为初审公告日期起三个月，截止当天仍可提出异议。下列申请尚有未排除的命中，截止日期最近的在前。'
          : '下列申请的异议期已过，仍有待定的命中：不能再提出异议，只能在注册后请求宣告无效（商标法第四十四、四十五条）。最近过期的在前。'}
      </p>
      {error ? <div className="form-banner" role="alert">无法读取到期提醒：{error}</div> : null}
      {sections && shown.length === 0 ? (
        <p className="muted">{section === 'actionable' ? '30 天内没有届满的异议期。' : '没有已过异议期的待定命中。'}</p>
      ) : null}
      {sections && shown.length > 0 ? <GroupTable groups={shown} label={section === 'actionable' ? '可异议的申请' : '已过期的申请'} /> : null}
      {section === 'overdue' && shown.length > 0 ? (
        <button type="button" className="link deadline-review-overdue" onClick={() => openInReview('deadline=overdue')}>在审查队列中查看已过期的命中</button>
      ) : null}
    </div>
  );
}
