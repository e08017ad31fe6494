// What a rule finds on a set of labelled filings, and how the rule choosers (quality.ts, choose-parts.ts) weigh it.
import type { LogoRule } from '../../shared/engine/logo/limits';
import { IMITATION_KINDS, NEGATIVE_KINDS, type Row } from './dataset';

/**
 * The fit half's limit on all negatives flagged, under the target of 0.01 to leave room for the holdout. Not per
 * kind: the unrelated ones are 500 a half, where one flag more is 0.002 and a per-kind limit chooses by chance.
 */
export const FIT_FP_LIMIT = 0.005;
/** The recall each kind must reach. */
export const TARGET = 0.95;

export interface RuleFigures {
  rule: LogoRule;
  recall: Record<string, number>;
  falseFlag: Record<string, number>;
  /** all negatives flagged */
  flagged: number;
}

/** The share of each kind found (an imitation: its mark among the hits; a negative: any hit), by hit(row, i). */
export function tally(rows: readonly Row[], rule: LogoRule, hit: (row: Row, i: number) => boolean): RuleFigures {
  const n = new Map<string, number>();
  const good = new Map<string, number>();
  rows.forEach((row, i) => {
    n.set(row.kind, (n.get(row.kind) ?? 0) + 1);
    if (hit(row, i)) good.set(row.kind, (good.get(row.kind) ?? 0) + 1);
  });
  const share = (k: string) => (good.get(k) ?? 0) / (n.get(k) ?? 1);
  const negatives = NEGATIVE_KINDS.reduce((a, k) => a + (n.get(k) ?? 0), 0);
  return {
    rule,
    recall: Object.fromEntries(IMITATION_KINDS.map((k) => [k, share(k)])),
    falseFlag: Object.fromEntries(NEGATIVE_KINDS.map((k) => [k, share(k)])),
    flagged: NEGATIVE_KINDS.reduce((a, k) => a + (good.get(k) ?? 0), 0) / Math.max(1, negatives),
  };
}

/** Recall credited up to the target per kind first (every kind must reach it), the mean beyond it breaking ties. */
export function credit(f: RuleFigures): number {
  return Object.values(f.recall).reduce((a, b) => a + Math.min(b, TARGET) + 0.01 * b, 0) / IMITATION_KINDS.length;
}
