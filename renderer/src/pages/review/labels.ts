// Chinese labels of the review queue: decisions, dismissal reasons, alignment relations and reasons.
import { REASON_LABELS, type AlignedRelation, type HitReason } from '../../../../shared/domain';
import type { Decision } from '../../../../shared/contract/screening';

export const DECISION_LABELS: Record<Decision, string> = {
  undecided: '待定',
  confirmed: '已确认',
  dismissed: '已排除',
};

export const DISMISS_REASONS = ['不近似', '权利人自有', '其他'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export type Relation = AlignedRelation;

export const RELATION_LABELS: Record<Relation, string> = {
  same: '相同',
  homophone: '同音/近音',
  shape: '形近',
  variant: '繁简/异体',
  numeral: '数字替换',
  changed: '改动',
  inserted: '多出',
  missing: '缺少',
  latin: '外文',
};

/** Order of the legend under an aligned pair. */
export const LEGEND_RELATIONS: readonly Relation[] = ['same', 'homophone', 'shape', 'variant', 'numeral', 'changed', 'inserted', 'missing', 'latin'];

export function reasonLabel(reason: HitReason): string {
  return REASON_LABELS[reason];
}

export function reasonsText(reasons: readonly HitReason[]): string {
  return reasons.map(reasonLabel).join('、');
}

export { scoreText } from '../../components/format';

export function decisionText(decision: Decision, dismissReason: string): string {
  if (decision === 'dismissed' && dismissReason) return `排除·${dismissReason}`;
  return DECISION_LABELS[decision];
}

/** A filing's mark as the queue shows it: a device mark without a name (it came with its image) says so. */
export function markTextLabel(text: string): string {
  return text.trim() === '' ? '（图形商标）' : text;
}
