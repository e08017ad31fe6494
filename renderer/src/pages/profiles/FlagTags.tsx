// The bad-faith flags of an applicant or agency as Chinese tags; hovering a tag explains the rule.
import type { BadFaithFlag } from '../../../../shared/contract/screening';
import { FLAG_INFO, flagTooltip, sortFlags } from './flags';

interface FlagTagsProps {
  flags: readonly BadFaithFlag[];
  /** thresholds as the backend states them, when it does */
  rules?: Partial<Record<BadFaithFlag, string>>;
  /** shown when there is no flag; nothing by default */
  emptyText?: string;
}

export function FlagTags({ flags, rules, emptyText }: FlagTagsProps) {
  const shown = sortFlags(flags);
  if (shown.length === 0) return emptyText ? <span className="muted">{emptyText}</span> : null;
  return (
    <span className="flag-tags">
      {shown.map((flag) => (
        <span key={flag} className={`tag flag-tag flag-${flag}`} title={flagTooltip(flag, rules?.[flag])} data-flag={flag}>
          {FLAG_INFO[flag].label}
        </span>
      ))}
    </span>
  );
}
