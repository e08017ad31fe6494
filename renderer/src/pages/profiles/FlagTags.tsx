// The bad-faith flags of an applicant or agency as Chinese tags; hovering a tag explains the rule.
import type { BadFaithFlag } from '../../../../shared/contract/screening';
import { FLAG_INFO, flagTooltip, sortFlags } from './flags';

interface FlagTagsProps {
  flags: readonly BadFaithFlag[];
  /** thresholds as the backend states them, when it does */
  rules?: Partial<Record<BadFaithFlag, string>>;
  /** at most this many tags; the rest fold into a "+N" tag whose tooltip explains them */
  max?: number;
  /** shown when there is no flag; nothing by default */
  emptyText?: string;
}

export function FlagTags({ flags, rules, max, emptyText }: FlagTagsProps) {
  const all = sortFlags(flags);
  if (all.length === 0) return emptyText ? <span className="muted">{emptyText}</span> : null;
  const fits = max !== undefined ? Math.min(Math.max(max, 0), all.length) : all.length;
  const shown = all.slice(0, fits);
  const folded = all.slice(fits);
  return (
    <span className="flag-tags" title={all.map((f) => FLAG_INFO[f].label).join('、')}>
      {shown.map((flag) => (
        <span key={flag} className={`tag flag-tag flag-${flag}`} title={flagTooltip(flag, rules?.[flag])} data-flag={flag}>
          {FLAG_INFO[flag].label}
        </span>
      ))}
      {folded.length > 0 ? (
        <span
          className="tag flag-more"
          title={folded.map((flag) => flagTooltip(flag, rules?.[flag])).join('\n\n')}
          aria-label={`另有：${folded.map((f) => FLAG_INFO[f].label).join('、')}`}
        >
          +{folded.length}
        </span>
      ) : null}
    </span>
  );
}
