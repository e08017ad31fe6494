// The numbers of one applicant or agency as a row of figures.
import type { ProfileRow } from '../../../../shared/contract/screening';
import { formatCount, formatDay } from './format';

export function ProfileStats({ profile }: { profile: ProfileRow }) {
  const figures: [string, string][] = [
    ['申请量', formatCount(profile.filings)],
    ['类别数', formatCount(profile.classes)],
    ['命中数', formatCount(profile.hits)],
    ['涉及名录商标数', formatCount(profile.distinctMarksHit)],
    ['涉及权利人数', formatCount(profile.distinctOwnersHit)],
    ['公共资源命中', formatCount(profile.publicResourceHits)],
    ['首次申请日期', formatDay(profile.firstDate)],
    ['最近申请日期', formatDay(profile.lastDate)],
  ];
  return (
    <dl className="stat-row">
      {figures.map(([label, value]) => (
        <div key={label} className="stat">
          <dt>{label}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
