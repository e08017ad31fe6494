// The bad-faith patterns of docs/domain.md ("Signs of bad faith at the level of the applicant"), as the backend flags
// them on a profile: a short Chinese label for the tag and a sentence that explains the rule in the tooltip.
import { BAD_FAITH_THRESHOLDS } from '../../../../shared/bad-faith';
import type { BadFaithFlag, ProfileRow } from '../../../../shared/contract/screening';

export interface FlagInfo {
  label: string;
  /** what the rule looks at, in words; the threshold itself is the backend's */
  rule: string;
  /** the legal basis, for the clerk who writes the letter */
  basis: string;
}

export const FLAG_INFO: Record<BadFaithFlag, FlagInfo> = {
  'many-owners': {
    label: '抢注多个权利人的商标',
    rule: '命中的名录商标分属多个不同权利人：系统性复制他人已有一定影响的商标。',
    basis: '商标法第四条、第三十二条',
  },
  'public-resources': {
    label: '批量申请公共资源名称',
    rule: '多件申请命中地名、山川河流、景区等公共资源名称。',
    basis: '商标法第四条、第十条第二款',
  },
  'bulk-filing': {
    label: '申请量远超正常需要',
    rule: '申请件数远超一般经营者的正常需要。',
    basis: '商标法第四条（不以使用为目的的恶意申请）',
  },
  'repeat-owner': {
    label: '反复抢注同一权利人商标',
    rule: '多次申请与同一权利人的名录商标近似的商标。',
    basis: '商标法第四条、第三十二条',
  },
  'many-classes': {
    label: '跨类大量申请',
    rule: '申请覆盖的国际分类远多于其经营范围通常所需。',
    basis: '商标法第四条',
  },
};

/** The thresholds the backend applies, from the one shared source (shared/bad-faith.ts). */
export const FLAG_THRESHOLDS: Record<BadFaithFlag, string> = {
  'many-owners': `命中的名录商标分属 ≥${BAD_FAITH_THRESHOLDS['many-owners']} 个不同权利人`,
  'public-resources': `命中公共资源名称 ≥${BAD_FAITH_THRESHOLDS['public-resources']} 件`,
  'bulk-filing': `申请量 ≥${BAD_FAITH_THRESHOLDS['bulk-filing']} 件`,
  'repeat-owner': `命中同一权利人的名录商标 ≥${BAD_FAITH_THRESHOLDS['repeat-owner']} 件`,
  'many-classes': `申请覆盖 ≥${BAD_FAITH_THRESHOLDS['many-classes']} 个国际分类`,
};

/** Flags in a fixed order, so the tags of different rows line up the same way. */
export const FLAG_ORDER: readonly BadFaithFlag[] = ['many-owners', 'repeat-owner', 'public-resources', 'bulk-filing', 'many-classes'];

export function sortFlags(flags: readonly BadFaithFlag[]): BadFaithFlag[] {
  return FLAG_ORDER.filter((f) => flags.includes(f));
}

/** The tooltip of a flag: the rule, its threshold, the legal basis, and that dismissed hits do not count. */
export function flagTooltip(flag: BadFaithFlag, threshold: string = FLAG_THRESHOLDS[flag]): string {
  const info = FLAG_INFO[flag];
  const lines = [`${info.label}：${info.rule}`];
  if (threshold) lines.push(`判定标准：${threshold}`);
  lines.push(`依据：${info.basis}`);
  if (flag !== 'bulk-filing' && flag !== 'many-classes') lines.push('已排除的命中不计入。');
  return lines.join('\n');
}

/** What this applicant's or agency's own numbers say for a flag, e.g. "本申请人：涉及 19 个权利人"; null when the
 *  profile does not carry the number (how many hits fall on one owner is only in the backend). */
export function flagEvidence(flag: BadFaithFlag, profile: Omit<ProfileRow, 'flags' | 'name'>): string | null {
  switch (flag) {
    case 'many-owners':
      return `涉及 ${profile.distinctOwnersHit} 个权利人的 ${profile.distinctMarksHit} 件名录商标`;
    case 'public-resources':
      return `命中公共资源名称 ${profile.publicResourceHits} 件`;
    case 'bulk-filing':
      return `共申请 ${profile.filings} 件`;
    case 'many-classes':
      return `覆盖 ${profile.classes} 个国际分类`;
    case 'repeat-owner':
      return null;
  }
}
