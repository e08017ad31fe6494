// The limits a LogoRule sets on each kind of pair (shared/engine/logo/logo-index.ts compares by them; rule.ts holds
// the shipped one, chosen by bench/logos/quality.ts). Types and the two lookups over them; no matching here.
import type { PartsLimits } from './parts-match';

/** Which parts matched: the whole query and the whole logo, the whole query and a crop of the logo, or a peel of the query and the whole logo. */
/** 'crop' covers every registry-side variant: the crops, the soft copy and the grey copy (electron/logos/features.ts). */
/** 'symmetric': two symmetric whole figures, found by their symmetric hashes. */
/** 'parts': parts of the query and of the logo alike and arranged alike (parts.ts). */
export type LogoMatchVia = 'whole' | 'crop' | 'peel' | 'symmetric' | 'parts';

/** Limits on one pair of hashed figures in its best orientation. */
export interface LogoThresholds {
  maxPhash: number;
  maxSum: number;
  minCorrelation: number;
  /** the most the two boxes' log2(width / height) may differ in that orientation (when both sides know it) */
  maxAspect?: number;
}

/**
 * When a query is near a stored logo: in some orientation its perceptual hash is at most maxPhash bits away, both
 * hashes together at most maxSum, and the thumbnails correlate at least minCorrelation. `partial` holds the limits
 * for a part against a whole (the query against a crop of the logo, a peel of the query against the logo); without
 * it only whole figures are compared. Chosen on the fit half of the generated logo set (bench/logos/quality.ts).
 */
export interface LogoRule extends LogoThresholds {
  partial?: LogoThresholds;
  /** the limits for a peel of the query against a whole logo, when they differ from `partial` */
  peel?: LogoThresholds;
  /** the limits for two symmetric figures compared by their symmetric hashes (without them, they are not) */
  symmetric?: SymmetricLimits;
  /**
   * A second set of limits for two symmetric figures: hashes and thumbnails nearer than `symmetric` allows, inner
   * details agreeing less (a character of the name changed, a recolour that merged two of its colours: the figure is
   * the same, the detail is what changed). A pair meets either.
   */
  symmetricClose?: SymmetricLimits;
  /**
   * A third: thumbnails agreeing less than `symmetric` asks, inner details agreeing more (a scan's blur and grain or
   * a crop lower the thumbnails' correlation, while the elements inside the figure stay where they were).
   */
  symmetricDetailed?: SymmetricLimits;
  /**
   * The limits for two symmetric figures neither of which carries inner detail (a lone hexagon, a chevron, a disc
   * over a bar in one colour), by their symmetric hashes: their plain hashes' bits for the terms symmetry leaves at 0
   * are a JPEG's, a scan's or a resampling's noise, so a copy lands a dozen bits away. Without detail to tell two
   * such figures apart, what meets these limits is the same plain figure — in its colours (PLAIN_MAX_COLOUR_DISTANCE)
   * when both are in colour: the same outline in another colour is another firm's shape.
   */
  symmetricPlain?: LogoThresholds;
  /** the limits for matching by parts (parts-match.ts; without them, parts are not compared) */
  parts?: PartsLimits;
  /**
   * A second chance for two whole figures whose hashes meet the rule's limits while their thumbnails correlate under
   * them: thumbnails still correlating at least minCorrelation, and agreeing window by window (structure.ts) at least
   * minStructure — a scan's grain or a changed stroke lowers the one while most windows keep agreeing. Not for crops
   * and peels: at the 10,000-logo registry of scale.ts they brought most of what it flagged among unrelated filings
   * for few copies more (logo/MEASUREMENTS.md).
   */
  structural?: StructuralLimits;
  /**
   * Another second chance for two whole figures under the correlation limit: thumbnails still correlating at least
   * minCorrelation, and their colours lying where the logo's do (colour.ts), at most maxDistance apart. The hashes
   * read ink and so leave colour out; a copy keeps its colours, the figures that come as near in shape mostly do not.
   */
  colour?: ColourLimits;
  /**
   * A second way in for two whole figures, by their difference hashes: a near-symmetric or faint figure's perceptual
   * hash turns on DCT terms near zero, whose signs a re-scaling or a JPEG flips, so a copy can land past the whole
   * figures' radius while its difference hash (the signs of neighbouring pixels' differences) stays near. Such a
   * pair is taken when the thumbnails correlate and the colours lie where the logo's do (colour.ts): the near
   * negatives — the same elements in another layout — fail those two. The perceptual hashes are held to maxPhash
   * against a plain logo (symmetric without inner detail, pairs.ts Entries.plain): a lone hexagon turned or resized
   * — another layout, which the logo set counts as another mark — keeps its difference hash, thumbnail and colour,
   * and the perceptual limit keeps most of those out; against any other logo to BY_DHASH_PHASH.
   */
  byDhash?: DhashLimits;
  /**
   * A last chance for two whole figures whose hashes lie past the whole limits and whose thumbnails correlate less:
   * most of their colour cells agreeing (colour.ts colourAgreement). A changed character of the name or a changed
   * minor figure moves the hashes, the thumbnails and the mean colour distance, but costs only the cells it covers;
   * another design or layout disagrees over most of them.
   */
  colourCells?: CellLimits;
  /**
   * The difference-hash way in for a peel of the query against a whole logo (the query without an element added
   * beside the figure): the peel's perceptual hash drifts as a whole figure's does, and its colours — the element
   * read as background — are compared as the whole's.
   */
  peelByDhash?: DhashLimits;
}

/** Limits on two whole figures that their colours must also meet (LogoRule.byDhash, .colourCells). */
export interface ColourTierLimits {
  maxPhash: number;
  maxDhash?: number;
  maxSum?: number;
  minCorrelation: number;
  /** colour.ts colourDistance, 0–255 */
  maxDistance?: number;
  /** colour.ts colourAgreement, 0–1 */
  minAgreement?: number;
  maxAspect?: number;
}

export interface DhashLimits extends ColourTierLimits {
  maxDhash: number;
  maxDistance: number;
}

export interface CellLimits extends ColourTierLimits {
  maxSum: number;
  minAgreement: number;
}

export interface ColourLimits {
  minCorrelation: number;
  maxDistance: number;
}

export interface StructuralLimits {
  minCorrelation: number;
  minStructure: number;
}

/**
 * Two symmetric figures: phash counts the symmetric hashes' distance, and both must carry inner detail (detail.ts)
 * whose thumbnails correlate at least minDetailCorrelation.
 */
export interface SymmetricLimits extends LogoThresholds {
  minDetailCorrelation: number;
}

/**
 * A tier's limits held also to those for two plain figures (LogoRule.symmetricPlain): the stricter of each. Two
 * figures whose inner detail is the ground a ring encloses (detail.ts enclosesGround) agree in that detail whatever
 * else differs, so the detail tells them apart no better than two plain figures' absent detail does.
 */
export function heldAsPlain<T extends LogoThresholds>(limits: T, plain: LogoThresholds | undefined): T {
  if (!plain) return limits;
  const maxAspect = limits.maxAspect === undefined ? plain.maxAspect : plain.maxAspect === undefined ? limits.maxAspect : Math.min(limits.maxAspect, plain.maxAspect);
  return { ...limits, maxPhash: Math.min(limits.maxPhash, plain.maxPhash), maxSum: Math.min(limits.maxSum, plain.maxSum),
    minCorrelation: Math.max(limits.minCorrelation, plain.minCorrelation), ...(maxAspect === undefined ? {} : { maxAspect }) };
}

/** The limits two symmetric figures may meet, looser first (none: the rule does not compare them). */
export function symmetricTiers(rule: LogoRule): SymmetricLimits[] {
  return [rule.symmetric, rule.symmetricClose, rule.symmetricDetailed].filter((l): l is SymmetricLimits => l !== undefined);
}

/**
 * The most two boxes' shapes (log2 of width / height) may differ in any rule: a copy stretched to 1.5 times its
 * width or height (a gazette's or a listing's picture resized into a fixed box, a squatter's squeezed copy) is
 * still the mark. The hash square stretches every box to a square, so such a copy keeps its hashes and thumbnail;
 * only this limit on the boxes' shapes told it apart. The generated set draws no stretched copy, so on it the
 * tightest limit tried always won (0.15, 1.11 times), and a copy stretched 1.15 times was found 16 times in 100
 * (bench/logos/wrappers.ts); quality.ts tries no limit under this one and `--write-stretch` raised the shipped
 * rule's to it (logo/MEASUREMENTS.md, "Stretched copies, measured").
 */
export const STRETCH_ALLOWANCE = 0.6;

/** The rule with every limit on box shapes (its own, each tier's, the parts') at least STRETCH_ALLOWANCE. */
export function allowStretch(rule: LogoRule): LogoRule {
  const widen = <T extends { maxAspect?: number }>(limits: T): T =>
    limits.maxAspect === undefined ? limits : { ...limits, maxAspect: Math.max(limits.maxAspect, STRETCH_ALLOWANCE) };
  const entries = Object.entries(widen(rule)).map(([key, value]: [string, unknown]) =>
    [key, value && typeof value === 'object' ? widen(value as { maxAspect?: number }) : value]);
  // each tier keeps its own type: widen only raises a maxAspect it has
  return Object.fromEntries(entries) as unknown as LogoRule;
}

/**
 * The limits a peel of a query without colour is held to against a logo's grey copy (its black-and-white print): a
 * gazette printing in black and white a copy of a colour logo with an element or a line of text added. Phash ≤ 4
 * as a colour peel's, phash + dhash ≤ 10 and thumbnails ≥ 0.97: a print's peel lies 1–4 bits from the grey copy
 * where its JPEG's levels move the terms near the median. Where the print is a plain shape — the
 * logo a plain figure, or its print symmetric (pairs.ts greyPeelLimits) — GREY_PEEL_STRICT instead: printed in gray
 * a figure loses what its colours told apart (an inner element of the figure's own gray vanishes, and a disc with a
 * bar inside prints as a disc), and the peel of another firm's logo with the same shape and another name meets it as
 * closely. On the three fit halves of the set with its filings in grey (`bench-logos-explain.cjs --grey-filings`,
 * logo/MEASUREMENTS.md "Peels of a print against a grey copy that keeps its layout"): 6 copies more for 1 negative; held
 * alike to every grey copy, 23 copies more for 24 negatives, most another design with the same name. Not part of the
 * generated rule (shared/engine/logo/rule.ts), which is chosen on the set in colour.
 */
export const GREY_PEEL: LogoThresholds = { maxPhash: 4, maxSum: 10, minCorrelation: 0.97, maxAspect: STRETCH_ALLOWANCE };
/**
 * GREY_PEEL where the print is a plain shape: the loosest of a small grid (phash ≤ 4 / sum ≤ 12 / thumbnails ≥ 0.95,
 * 0.97, 0.98, phash ≤ 2 / sum ≤ 8 or 6, and this) that flagged no fit negative more when every grey copy was held to
 * it (tenth session; the looser met the same text or the same figures in another design, fit negatives 0.0106 →
 * 0.0118–0.0158).
 */
export const GREY_PEEL_STRICT: LogoThresholds = { maxPhash: 0, maxSum: 4, minCorrelation: 0.97, maxAspect: STRETCH_ALLOWANCE };

/**
 * The perceptual limit of the difference-hash way in (LogoRule.byDhash) against a logo that is no plain figure: a
 * changed minor element or an added one that touches the figure moved a copy's perceptual hash 16–18 bits while its
 * difference hash, thumbnail and colours stayed. At any distance, 3 of 9,000 unrelated filings more were flagged at
 * the 10,000-logo registry against 1 at 18, for the same copies found (logo/MEASUREMENTS.md, "The difference-hash way in
 * past the perceptual radius").
 */
export const BY_DHASH_PHASH = 18;

/**
 * A query drawn as line art, filled in (fill.ts), against a whole logo with parts or its solid copy: the filled
 * outline is the figure fattened by half its stroke, and a heavier stroke (6 of the 256 pixels) put copies at
 * thumbnails 0.90–0.95 and phash 4–14 from their logos (scratch over the wrapped copies' probe, bench/logos/wrappers.ts
 * "outline"), where 3 pixels put most at 0.95–0.98. Set by that probe, not chosen on the fit half, whose copies and
 * negatives hold no line drawing (its figures were the same with and without these pairs): logo/MEASUREMENTS.md, "Logos
 * redrawn as line art, measured". Not part of the generated rule (shared/engine/logo/rule.ts).
 */
export const FILLED_WHOLE: LogoThresholds = { maxPhash: 10, maxSum: 24, minCorrelation: 0.92, maxAspect: STRETCH_ALLOWANCE };

/**
 * A peel of the query nearly identical to a whole logo — thumbnails correlating ≥ 0.99, difference hashes within 2
 * bits, colours within 4 — is taken whatever its perceptual hash up to a quarter of its bits: the figure left when an
 * element set beside it is taken off is the logo's own, but a figure near symmetric (a chevron with its elements
 * either side, a hexagon) has DCT terms near zero whose signs the peel's other crop and resampling flip (a seed-7
 * copy: phash 10, dhash 0, thumbnails 0.999, colours 0.2 apart — past LogoRule.peelByDhash's phash ≤ 8). Met through
 * the peels' difference-hash way in, so a rule without LogoRule.peelByDhash has none. Set by these reasons, not chosen
 * on the fit half (whose copies hold no such pair): logo/MEASUREMENTS.md, "Nearly identical peels, measured". Not part of the
 * generated rule (shared/engine/logo/rule.ts).
 */
export const IDENTICAL_PEEL: DhashLimits = { maxDhash: 2, maxPhash: 16, minCorrelation: 0.99, maxDistance: 4, maxAspect: STRETCH_ALLOWANCE };

/**
 * The farthest apart (colour.ts colourDistance, 0–255) the colours of two plain symmetric figures in colour may lie
 * for LogoRule.symmetricPlain to take them. Two plain figures — a lone hexagon, a chevron, a disc, with no inner
 * detail — meet by their outline alone, and a plain shape in another colour is another firm's hexagon, not a copy
 * (a simple geometric shape is no mark by its outline; what it has is its colour). A degraded copy in the logo's
 * colours lies within 6–14 (a scan's tinted paper, a JPEG); 30 leaves room for more. Chosen on the fit halves of the
 * default set and seed 7 among 20, 30 and 45 (20 and 30 alike there; the wider margin kept): default fit negatives
 * 27 → 23 of 2,539, recolour copies 99 → 97 of 102 (a plain figure recoloured: still ≥ 0.95); seed 7's fit 32 → 28,
 * every copy kept (logo/MEASUREMENTS.md, "Plain figures in other colours, measured"). Not part of the generated rule.
 */
export const PLAIN_MAX_COLOUR_DISTANCE = 30;

/** The limits a kind of pair is held to, or undefined when the rule does not compare it. */
export function limitsOf(rule: LogoRule, via: LogoMatchVia): LogoThresholds | undefined {
  if (via === 'symmetric') return rule.symmetric;
  if (via === 'parts') return rule.parts;
  return via === 'whole' ? rule : via === 'peel' ? (rule.peel ?? rule.partial) : rule.partial;
}

/**
 * How alike a stored part must be to the query's part where the parts' arrangement puts it, when no pair of hashes
 * placed it, to count toward LogoRule.parts' minShare (parts.ts partsAgree, HiddenParts). A changed or added element
 * that overlaps the logo's main figure cuts another piece out of it than the logo's own elements did: its hashes
 * move 14–20 bits while its thumbnail still correlates 0.65–0.88 (seed 7's and the default fit half's 'changed'
 * copies), and the small elements that kept their hashes hold too little of the ink alone. Such a part does not count
 * toward minParts (the pairs found by hashes must still be that many), and it must lie where the arrangement of those
 * pairs puts it, at their scale. Set below the correlations seen, not chosen on a half: at 0.75, 0.6, 0.4 and 0.2
 * alike, the default fit half, seed 7 and 6,000 other filings against the 10,000-logo registry flag no negative
 * more (logo/MEASUREMENTS.md, "Parts hidden by a changed element").
 */
export const HIDDEN_PART_CORRELATION = 0.6;

/**
 * Two whole figures held together by one element left as it was (anchored.ts): a copy whose changed element
 * overlaps the main figure — a disc on a chevron become a cross, a leaf on a ring a square — moves the whole hashes
 * 4–10 bits and the thumbnails to 0.84–0.93, where the same elements in another layout or design also lie, and no
 * second part pairs by its hashes. Such a pair is taken when most colour cells agree and a part of the query — without
 * symmetry, or a minor symmetric one (anchored.ts SYMMETRIC_ANCHOR_SHARE) — pairs with one of the logo's under the
 * parts' limits (LogoRule.parts), in the whole figures' orientation and in its place in the figure (`tolerance` of
 * the longer side, as LogoRule.parts.tolerance is of the logo's).
 * Set on the fit halves of the default and the seed-7 set and on the 10,000-logo registry's unrelated drawings, not
 * by the generated rule (shared/engine/logo/rule.ts): logo/MEASUREMENTS.md, "An element left as it was, measured".
 */
export const ANCHORED_WHOLE: CellLimits & { tolerance: number } = {
  maxPhash: 8, maxSum: 24, minCorrelation: 0.84, minAgreement: 0.75, maxAspect: STRETCH_ALLOWANCE, tolerance: 0.1,
};
