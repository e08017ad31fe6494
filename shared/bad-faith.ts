// The bad-faith patterns of the examination guideline (art. 4) that an applicant's or agency's numbers can show.
// Plain thresholds, shared by the backend that sets the flags and the UI that explains them, so a reviewer can
// say in a letter why a profile was flagged.
import type { BadFaithFlag } from './contract/screening';

export const BAD_FAITH_THRESHOLDS = {
  'many-owners': 2,
  'public-resources': 2,
  'bulk-filing': 50,
  'repeat-owner': 3,
  'many-classes': 10,
} as const satisfies Record<BadFaithFlag, number>;

export const BAD_FAITH_LABELS: Record<BadFaithFlag, string> = {
  'many-owners': `抢注多个不同权利人的商标（≥${BAD_FAITH_THRESHOLDS['many-owners']} 个权利人）`,
  'public-resources': `批量申请公共资源名称（≥${BAD_FAITH_THRESHOLDS['public-resources']} 件）`,
  'bulk-filing': `申请量远超正常经营需要（≥${BAD_FAITH_THRESHOLDS['bulk-filing']} 件）`,
  'repeat-owner': `反复抢注同一权利人的商标（≥${BAD_FAITH_THRESHOLDS['repeat-owner']} 件）`,
  'many-classes': `跨类别大量申请（≥${BAD_FAITH_THRESHOLDS['many-classes']} 个类别）`,
};
