// The hits of one applicant or agency: each filing, the protected mark it may imitate and its deadline, with a link
// to the hit in the review queue.
import type { HitRow } from '../../../../shared/contract/screening';
import { CategoryTag } from '../../components/CategoryTag';
import { CountdownText } from '../review/CountdownText';
import { DecisionBadge } from '../review/DecisionBadge';
import { scoreText } from '../../components/format';
import { formatDay } from './format';
import { reviewHrefForHit } from './links';
import type { ProfileKind } from './profile-types';

interface ProfileHitsProps {
  kind: ProfileKind;
  hits: readonly HitRow[];
}

function Deadline({ hit }: { hit: HitRow }) {
  const filing = hit.filing;
  if (!filing?.oppositionDeadline) return <span className="muted">—</span>;
  return (
    <span className="pf-deadline">
      <span className="mono">{formatDay(filing.oppositionDeadline)}</span>
      <CountdownText daysLeft={filing.daysLeft} />
    </span>
  );
}

export function ProfileHits({ kind, hits }: ProfileHitsProps) {
  if (hits.length === 0) return <div className="grid-empty">没有命中保护名录的申请</div>;
  const otherLabel = kind === 'applicant' ? '代理机构' : '申请人';
  return (
    <div className="table-scroll">
      <table className="plain-table hit-table" aria-label="命中记录">
        <thead>
          <tr>
            <th>申请号</th>
            <th>申请商标</th>
            <th className="num">类别</th>
            <th>疑似模仿的名录商标</th>
            <th className="num" title="分数：0 到 1，越高越可能是模仿">分数</th>
            <th>{otherLabel}</th>
            <th>初审公告</th>
            <th>异议截止</th>
            <th>处理状态</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr key={hit.hitId}>
              <td className="mono">{hit.filing?.applicationNumber ?? '—'}</td>
              <td className="strong">{hit.filing?.markText ?? hit.matchedText}</td>
              <td className="num mono">{hit.filing?.niceClass ?? '—'}</td>
              <td>
                <span className="pf-mark-cell">
                  {hit.markName}
                  <CategoryTag category={hit.markCategory} />
                </span>
              </td>
              <td className="num mono">{scoreText(hit.score)}</td>
              <td>{(kind === 'applicant' ? hit.filing?.agency : hit.filing?.applicant) || <span className="muted">—</span>}</td>
              <td className="nowrap">
                {hit.filing ? `${hit.filing.gazetteIssue} ${formatDay(hit.filing.publishedOn)}` : '—'}
              </td>
              <td>
                <Deadline hit={hit} />
              </td>
              <td>
                <DecisionBadge decision={hit.decision} dismissReason={hit.dismissReason} />
              </td>
              <td>
                <a href={reviewHrefForHit(hit)}>审查</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
