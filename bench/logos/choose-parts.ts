// Choosing the limits for matching by parts (shared/engine/logo/parts-match.ts) on the fit half: beside the rule
// chosen for every other kind of pair, each candidate's finds are added to that rule's, through the index as the
// app searches. A pair of parts is not one of quality.ts' reach tuples: whether a logo is met by parts depends on
// all its pairs together (their arrangement), so the limits are tried whole.
import type { LogoIndex, LogoQuery } from '../../shared/engine/logo/logo-index';
import { type LogoRule, STRETCH_ALLOWANCE } from '../../shared/engine/logo/limits';
import type { PartsLimits } from '../../shared/engine/logo/parts-match';
import type { Row } from './dataset';
import { credit, FIT_FP_LIMIT, type RuleFigures, tally } from './tally';

/**
 * Tried strictest first, and a looser one is kept only when it finds more: the fit half's 2,500 negatives do not
 * tell most of them apart, while the 90,000 other filings at the registry size of scale.ts would. The phash radius
 * stops at 8: at 10 (phash + dhash ≤ 25, placed within 0.04) the fit half found one changed copy more and the
 * holdout 0.001 more, but at the 10,000-logo registry the parts' search took 193 s instead of 98 s for the 100,000
 * filings and flagged 5,978 of the 90,000 other filings instead of 5,913, for the same copies found.
 */
const P_STEPS = [6, 8];
const C_STEPS = [0.9, 0.85, 0.8];
const SHARE_STEPS = [0.7, 0.6, 0.5];
const TOLERANCE_STEPS = [0.04, 0.06];
/**
 * Not chosen: two parts at least (one is the whole figure's business), box shapes within 2^STRETCH_ALLOWANCE (a
 * stretched copy's parts are stretched with it) and scales within 2^0.25.
 */
const FIXED = { maxAspect: STRETCH_ALLOWANCE, maxScale: 0.25, minParts: 2 } as const;
/** Only the parts compared. */
const partsOnly = (parts: PartsLimits): LogoRule => ({ maxPhash: -1, maxSum: -1, minCorrelation: 2, parts });

/**
 * The parts limits that add the most credit to `base` on these rows within the fit limit on negatives (or, when base
 * alone flags more, without flagging more than it), and their figures; without any that add credit, base's own
 * figures and no parts.
 */
export function chooseParts(rows: readonly Row[], queries: ReadonlyArray<LogoQuery | undefined>, markIds: readonly string[], index: LogoIndex, base: LogoRule): RuleFigures {
  const found = (rule: LogoRule) => queries.map((q) => new Set(q ? index.search(q, rule).map((m) => markIds[m.index]!) : []));
  const baseFound = found({ ...base, parts: undefined });
  const hitBy = (extra: Array<Set<string>>) => (row: Row, i: number) => {
    const hits = [baseFound[i]!, extra[i]!];
    return hits.some((h) => (row.expect ? h.has(row.expect) : h.size > 0));
  };
  const none = queries.map(() => new Set<string>());
  let best = tally(rows, { ...base, parts: undefined }, hitBy(none));
  let bestCredit = credit(best);
  // a base that already flags more than the fit limit (the plain symmetric tier is chosen within the 0.01)
  // leaves the parts no negative more
  const allowance = Math.max(FIT_FP_LIMIT, best.flagged);
  for (const maxPhash of P_STEPS) {
    for (const minCorrelation of C_STEPS) {
      for (const minShare of SHARE_STEPS) {
        for (const tolerance of TOLERANCE_STEPS) {
          const parts: PartsLimits = { maxPhash, maxSum: Math.round(maxPhash * 2.5), minCorrelation, tolerance, minShare, ...FIXED };
          const f = tally(rows, { ...base, parts }, hitBy(found(partsOnly(parts))));
          if (f.flagged > allowance || credit(f) <= bestCredit + 1e-9) continue;
          best = f;
          bestCredit = credit(f);
        }
      }
    }
  }
  return best;
}
