// The applicants or agencies with the most hits, each linking to its profile.
import type { ProfileRow } from '../../../../shared/contract/screening';
import { FlagTags } from '../profiles/FlagTags';
import { formatCount } from '../profiles/format';
import { profileHref, profilesListHref } from '../profiles/links';
import type { ProfileKind } from '../profiles/profile-types';

interface TopProfilesProps {
  kind: ProfileKind;
  title: string;
  rows: readonly ProfileRow[];
}

export function TopProfiles({ kind, title, rows }: TopProfilesProps) {
  return (
    <section className="card table-card" aria-label={title}>
      <div className="section-head">
        <h2>{title}</h2>
        <a href={profilesListHref(kind)} className="small">
          查看全部
        </a>
      </div>
      {rows.length === 0 ? (
        <div className="grid-empty">暂无命中</div>
      ) : (
        <table className="plain-table top-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>名称</th>
              <th className="num">申请量</th>
              <th className="num">命中数</th>
              <th className="num">涉及名录商标</th>
              <th>恶意特征</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.name}>
                <td className="num mono muted">{i + 1}</td>
                <td className="top-name" title={row.name}>
                  <a href={profileHref(kind, row.name)}>{row.name}</a>
                </td>
                <td className="num mono">{formatCount(row.filings)}</td>
                <td className="num mono strong">{formatCount(row.hits)}</td>
                <td className="num mono">{formatCount(row.distinctMarksHit)}</td>
                <td>
                  <FlagTags flags={row.flags} max={1} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
