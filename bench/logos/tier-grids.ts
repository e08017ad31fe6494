// The candidate limits for each tier quality.ts chooses beside the shipped rule (--write-close, --write-detailed,
// --write-plain, --write-structural, --write-colour, --write-dhash, --write-cells, --write-peel-dhash), strictest
// first, and the bounds of what quality.ts' reach keeps for them.
import { type LogoRule, STRETCH_ALLOWANCE } from '../../shared/engine/logo/limits';

/** Below this correlation no colour-cell limit is tried (cellsGrid), so reach leaves the cells' agreement out (NaN). */
export const CELLS_FROM = 0.8;
/** Whole pairs are kept in reach up to this phash (the largest cellsGrid tries) beside quality.ts' P_MAX. */
export const CELLS_P_MAX = 14;

/**
 * Whole and peel pairs beyond quality.ts' P_MAX are kept in reach when their difference hashes lie within this (the largest maxDhash
 * dhashGrid and peelDhashGrid try), for LogoRule.byDhash and .peelByDhash.
 */
export const DHASH_MAX = 8;

/** Below this correlation no colour limit is tried (colourGrid), so reach leaves the colour distance out (NaN). */
export const COLOUR_FROM = 0.85;

/** Below this correlation no structural limit is tried (structuralGrid), so reach leaves the structure out (NaN). */
export const STRUCTURE_FROM = 0.88;

/**
 * The close tier for two symmetric figures (LogoRule.symmetricClose): hashes and thumbnails nearer, inner details
 * agreeing less. Its phash stays at half the symmetric radius and its thumbnails at 0.97 or more, so it cannot
 * become a looser copy of the symmetric limits (the 10,000-logo registry of scale.ts is what judges those).
 */
export function closeGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  for (const D of [0.7, 0.6, 0.5, 0.4]) for (const C of [0.99, 0.985, 0.98, 0.975, 0.97]) {
    for (let P = 0; P <= Math.floor((keep.symmetric?.maxPhash ?? 0) / 2); P++) {
      for (const S of [2, 4, 6, 8]) if (S >= P) out.push({ ...keep, symmetricClose: { maxPhash: P, maxSum: S, minCorrelation: C, maxAspect: keep.symmetric?.maxAspect ?? STRETCH_ALLOWANCE, minDetailCorrelation: D } });
    }
  }
  return out;
}

/**
 * The detailed tier for two symmetric figures (LogoRule.symmetricDetailed): thumbnails correlating less, inner details
 * more. Its details agree at 0.85 or more and its hashes stay within the symmetric limits'.
 */
export function detailedGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  const s = keep.symmetric;
  if (!s) return out;
  for (const D of [0.95, 0.9, 0.85]) for (const C of [0.94, 0.93, 0.92, 0.91, 0.9, 0.89, 0.88, 0.87, 0.86]) {
    for (let P = 2; P <= s.maxPhash; P++) {
      for (const S of [8, 10, 12, 14, 16]) if (S >= P && S <= s.maxSum) out.push({ ...keep, symmetricDetailed: { maxPhash: P, maxSum: S, minCorrelation: C, maxAspect: s.maxAspect ?? STRETCH_ALLOWANCE, minDetailCorrelation: D } });
    }
  }
  return out;
}

/**
 * The plain tier (LogoRule.symmetricPlain): two symmetric figures without inner detail, by their symmetric hashes,
 * held to thumbnails correlating 0.98 or more. Chosen within the target's allowance (0.01), not the fit limit's: the
 * negatives it flags are the same plain figure as a registry logo (a lone hexagon the generator drew at random, a
 * lone chevron's "other layout"), which an examiner would flag too.
 */
export function plainGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  for (const C of [0.99, 0.985, 0.98]) for (let P = 0; P <= 3; P++) {
    for (const S of [4, 6, 8]) if (S >= P) out.push({ ...keep, symmetricPlain: { maxPhash: P, maxSum: S, minCorrelation: C, maxAspect: keep.symmetric?.maxAspect ?? STRETCH_ALLOWANCE } });
  }
  return out;
}

/**
 * The colour limits (LogoRule.colour): two whole figures meeting the hash limits with thumbnails correlating under
 * the limit but at least COLOUR_FROM, when their colour grids lie at most maxDistance apart. Nearer colours first; a
 * looser distance is kept only when it finds more without flagging a negative more.
 */
export function colourGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  for (const D of [4, 6, 8, 10, 12, 15]) for (const C of [0.94, 0.92, 0.9, 0.88, 0.85]) out.push({ ...keep, colour: { minCorrelation: C, maxDistance: D } });
  return out;
}

/**
 * The limits for two whole figures found by their difference hashes (LogoRule.byDhash): perceptual hashes beyond
 * the whole figures' radius, thumbnails correlating and colours near. Strictest first (nearer difference hashes,
 * then perceptual hashes, then higher correlation, then nearer colours); a looser one is kept only when it finds
 * more without flagging a negative more.
 */
export function dhashGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  for (let D = 3; D <= DHASH_MAX; D++) for (const P of [10, 12, 14]) for (const C of [0.95, 0.93, 0.9, 0.88, 0.85]) {
    for (const K of [6, 8, 10, 12]) out.push({ ...keep, byDhash: { maxDhash: D, maxPhash: P, minCorrelation: C, maxDistance: K, maxAspect: keep.maxAspect ?? STRETCH_ALLOWANCE } });
  }
  return out;
}

/**
 * The colour-cell limits (LogoRule.colourCells): two whole figures with hashes past the whole limits and thumbnails
 * correlating less, most of whose colour cells agree. Strictest first (nearer hashes, higher correlation, more cells);
 * a looser one is kept only when it finds more without flagging a negative more.
 */
export function cellsGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  for (const P of [10, 12, CELLS_P_MAX]) for (const S of [20, 24, 28, 32]) for (const C of [0.9, 0.85, CELLS_FROM]) {
    for (const A of [1, 0.95, 0.9, 0.85]) out.push({ ...keep, colourCells: { maxPhash: P, maxSum: S, minCorrelation: C, minAgreement: A, maxAspect: keep.maxAspect ?? STRETCH_ALLOWANCE } });
  }
  return out;
}

/**
 * The difference-hash limits for a peel of the query against a whole logo (LogoRule.peelByDhash), the same way as
 * dhashGrid's for whole figures.
 */
export function peelDhashGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  for (let D = 2; D <= DHASH_MAX; D++) for (const P of [8, 10, 12, 14]) for (const C of [0.97, 0.95, 0.9]) {
    for (const K of [6, 8, 10]) out.push({ ...keep, peelByDhash: { maxDhash: D, maxPhash: P, minCorrelation: C, maxDistance: K, maxAspect: keep.maxAspect ?? STRETCH_ALLOWANCE } });
  }
  return out;
}

/**
 * The structural limits (LogoRule.structural): two whole figures meeting the hash limits with thumbnails correlating
 * under the limit but at least 0.9, when they agree window by window at least minStructure. Stricter
 * structure first; a looser one is kept only when it finds more without flagging a negative more. Not below 0.9:
 * the fit half's negatives do not tell the looser ones apart, but on 18,000 of the other filings of scale.ts's
 * 10,000-logo registry (which flags about 1,260 of them) 0.925 / 0.9 flags 20 more, 0.925 / 0.88 42 and 0.925 / 0.86
 * 88 — for one copy more on the holdout.
 */
export function structuralGrid(keep: LogoRule): LogoRule[] {
  const out: LogoRule[] = [];
  for (const S of [0.95, 0.94, 0.93, 0.92, 0.91, 0.9]) {
    for (const C of [0.945, 0.94, 0.935, 0.93, 0.925, 0.92, 0.91, 0.9]) if (C >= STRUCTURE_FROM) out.push({ ...keep, structural: { minCorrelation: C, minStructure: S } });
  }
  return out;
}
