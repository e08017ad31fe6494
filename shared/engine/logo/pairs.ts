// What a query's part meets among the stored entries and under which limits (pairKind, matchPair): the whole query,
// its peels, a filled line drawing, a symmetric figure, each against the logos and their variants laid out as one
// run of entries (entriesOf). logo-index.ts finds the candidates; this decides each pair.
import { detailAgrees, enclosesGround } from './detail';
import { hamming, ORIENTATIONS, THUMB_SIDE, thumbCorrelation, type LogoHashes } from './hash';
import type { StoredHashes, StoredParts } from './match';
import { thumbStructure } from './structure';
import { COLOUR_BYTES, colourAgreement, colourDistance, isChromatic } from './colour';
import { ANCHORED_WHOLE, BY_DHASH_PHASH, type ColourLimits, type ColourTierLimits, FILLED_WHOLE, GREY_PEEL, GREY_PEEL_STRICT, heldAsPlain, IDENTICAL_PEEL, limitsOf, PLAIN_MAX_COLOUR_DISTANCE, type LogoMatchVia, type LogoRule, type LogoThresholds, type StructuralLimits, symmetricTiers } from './limits';
import type { PartsLimits, QueryPart } from './parts-match';
import { anchoredInPlace } from './anchored';
import { comparedAsWhole, FILLED, MET_BY_ANY, MET_COARSE, MET_GREY, MET_LINE_SOLID, MET_SOLID } from './variant-kinds';
import { detailedOf, enclosingOf, type Entries, symmetricEntry, symmetricThumb } from './entries';

/** A query: its hashes in all eight orientations and its thumbnail as it is. */
export interface LogoQuery extends Part {
  /**
   * Sub-regions of the query (its peels: the figure without an added element), each compared with whole logos; and
   * the figure inside a frame drawn round it (kind UNFRAMED), the query turned back square when it is tilted
   * (kind TURNED), a figure on a ground in a picture (kind GROUNDED) and a query drawn with a drop shadow as it came
   * (kind SHADOWED; the query is hashed without the shadow), compared as the whole query is.
   */
  variants?: ReadonlyArray<Part & { kind?: string }>;
  /** a symmetric query's symmetric hash (all orientations) and inner detail (as it is) */
  symmetric?: { phash: Uint32Array; detail: Uint8Array } | undefined;
  /** the query's parts (parts.ts), none when it is one part */
  parts?: readonly QueryPart[] | undefined;
}

/** One hashed figure of a query: hashes in all orientations, thumbnail as it is, and log2(width / height) of its box. */
interface Part extends LogoHashes {
  thumb: Uint8Array;
  aspect?: number;
  /** the figure's colour grid as it is (colour.ts): the whole query's and its peels' */
  colour?: Uint8Array | undefined;
}

export interface LogoMatch {
  /** index of the stored logo */
  index: number;
  orientation: number;
  phash: number;
  dhash: number;
  /** thumbnail correlation in that orientation */
  correlation: number;
  /** 0–1, higher nearer: the correlation, floored at 0 (for parts, times the share of the logo they cover) */
  score: number;
  via: LogoMatchVia;
}

/** A symmetric pair's other sides: the query's symmetric features and the stored symmetric entry k. */
interface SymmetricPair {
  query: NonNullable<LogoQuery['symmetric']>;
  stored: NonNullable<StoredHashes['symmetric']>;
  k: number;
  /** undefined for two figures without inner detail (symmetricPlain), which have none to compare */
  minDetailCorrelation: number | undefined;
}

/** A whole pair's colour grids for the colour second chance: the query's, and the stored grids with the logo's offset. */
interface ColourPair {
  limits: ColourLimits;
  query: Uint8Array;
  stored: Uint8Array;
  at: number;
}

/** Whether each stored logo's colour grid carries colour (colour.ts isChromatic), worked out once per stored set. */
const chromaticCache = new WeakMap<Uint8Array, Uint8Array>();

function chromaticOf(grids: Uint8Array): Uint8Array {
  let flags = chromaticCache.get(grids);
  if (!flags) chromaticCache.set(grids, (flags = Uint8Array.from({ length: grids.length / COLOUR_BYTES }, (_, i) => (isChromatic(grids, i * COLOUR_BYTES) ? 1 : 0))));
  return flags;
}

/** Whether a query's grid carries colour, worked out once per grid (a query meets many candidates). */
const queryChromatic = new WeakMap<Uint8Array, boolean>();

function chromaticQuery(grid: Uint8Array): boolean {
  let known = queryChromatic.get(grid);
  if (known === undefined) queryChromatic.set(grid, (known = isChromatic(grid)));
  return known;
}

/**
 * Whether part q and whole entry e can be compared by their colours: both have grids and both carry colour (a
 * black-and-white pair is left to the ink's own limits).
 */
function colourComparable(q: Part, es: Pick<Entries, 'colour'>, e: number): boolean {
  return q.colour !== undefined && es.colour !== undefined && chromaticOf(es.colour)[e] === 1 && chromaticQuery(q.colour);
}

/** The colour second chance for entry e of es met by part q under the rule, when it applies (whole figures with grids in colour). */
function colourPairOf(q: Part, es: Pick<Entries, 'colour'>, e: number, rule: LogoRule): ColourPair | undefined {
  return rule.colour && colourComparable(q, es, e) ? { limits: rule.colour, query: q.colour!, stored: es.colour!, at: e * COLOUR_BYTES } : undefined;
}

/**
 * The best orientation of query part q that meets the rule for stored entry e, or null. For a symmetric pair the
 * perceptual hashes compared are the symmetric ones and the inner details must agree; with `structural` or
 * `colour`, thumbnails under the rule's correlation may still meet those limits.
 */
function matchEntry(
  q: Part, es: Pick<Entries, 'phash' | 'dhash' | 'thumb'> & { aspect?: Float64Array | undefined }, e: number, rule: LogoThresholds, via: LogoMatchVia, owner: number,
  { symmetric, structural, colour, correlations }: {
    symmetric?: SymmetricPair; structural?: StructuralLimits | undefined; colour?: ColourPair | undefined;
    /** each orientation's thumbnail correlation of this pair once computed (NaN before), shared by the tiers that compare it */
    correlations?: Float64Array;
  } = {},
): LogoMatch | null {
  let best: LogoMatch | null = null;
  const shapes = rule.maxAspect !== undefined && q.aspect !== undefined && es.aspect !== undefined;
  const [qPhash, sPhash, sAt] = symmetric ? [symmetric.query.phash, symmetric.stored.phash, symmetric.k] : [q.phash, es.phash, e];
  const T = THUMB_SIDE * THUMB_SIDE;
  for (let v = 0; v < ORIENTATIONS; v++) {
    // a turn by a quarter (the transposing orientations) swaps width and height
    if (shapes && Math.abs((v & 4 ? -q.aspect! : q.aspect!) - es.aspect![e]!) > rule.maxAspect!) continue;
    const p = hamming(qPhash, v * 2, sPhash, sAt * 2);
    if (p > rule.maxPhash) continue;
    const d = hamming(q.dhash, v * 2, es.dhash, e * 2);
    if (p + d > rule.maxSum) continue;
    const known = correlations?.[v];
    const c = known !== undefined && !Number.isNaN(known) ? known : thumbCorrelation(q.thumb, v, es.thumb, e * T);
    if (correlations) correlations[v] = c;
    if (best && c <= best.correlation) continue;
    if (c < rule.minCorrelation && !(structural && c >= structural.minCorrelation && thumbStructure(q.thumb, v, es.thumb, e * T) >= structural.minStructure) &&
      !(colour && c >= colour.limits.minCorrelation && colourDistance(colour.query, v, colour.stored, colour.at) <= colour.limits.maxDistance)) continue;
    if (symmetric?.minDetailCorrelation !== undefined && !detailAgrees(symmetric.query.detail, v, symmetric.stored.detail, symmetric.k * T, symmetric.minDetailCorrelation)) continue;
    best = { index: owner, orientation: v, phash: p, dhash: d, correlation: c, score: Math.max(0, c), via };
  }
  return best;
}

/** Whether a symmetric query's detail is ground it encloses, read once a query (it meets many symmetric entries). */
const queryEnclosing = new WeakMap<Uint8Array, boolean>();

function queryEncloses(query: LogoQuery): boolean {
  const detail = query.symmetric!.detail;
  let known = queryEnclosing.get(detail);
  if (known === undefined) queryEnclosing.set(detail, (known = enclosesGround(detail, 0, query.thumb, 0)));
  return known;
}

/** matchSymmetric's scratch: the pair's correlation in each orientation (a search is synchronous, one pair at a time). */
const tierCorrelations = new Float64Array(ORIENTATIONS);

/**
 * The match of a symmetric query (`detailed`: whether it carries inner detail) with stored symmetric entry k (its logo as a whole), or null: two figures with inner
 * detail under any of the detail tiers, two without it under the plain limits, one of each never. A symmetric print
 * (a logo in colour printed in black and white) is compared with the logo's grey copy, and only with a query without
 * colour; a symmetric crop with that crop, under the tiers but the detailed one.
 */
export function matchSymmetric(
  query: LogoQuery, detailed: boolean, es: Entries, stored: NonNullable<StoredHashes['symmetric']>, k: number, rule: LogoRule,
): LogoMatch | null {
  if (!query.symmetric || detailed !== (detailedOf(stored)[k] === 1)) return null;
  if (stored.print?.[k] === 1 && !meetsGrey(query)) return null;
  const owner = stored.owner[k]!;
  const variant = stored.variant?.[k] ?? -1;
  const e = symmetricEntry(stored, k, es);
  const pair = { query: query.symmetric, stored, k };
  if (!detailed) {
    const m = rule.symmetricPlain ? matchEntry(query, es, e, rule.symmetricPlain, 'symmetric', owner, { symmetric: { ...pair, minDetailCorrelation: undefined } }) : null;
    // two plain figures in colour are held to their colours too (PLAIN_MAX_COLOUR_DISTANCE)
    if (m && colourComparable(query, es, e) && colourDistance(query.colour!, m.orientation, es.colour!, e * COLOUR_BYTES) > PLAIN_MAX_COLOUR_DISTANCE) return null;
    return m;
  }
  // a crop is not held to the detailed tier: its looser thumbnails (a scan's blur) on top of a cut flagged two of
  // the fit half's unrelated filings and found nothing more there
  const crop = variant >= 0 && stored.print?.[k] !== 1;
  // nor two figures either of whose detail is the ground a ring or frame encloses, which every ring shares: another
  // firm's ring with another name correlates 0.88–0.95; such a pair is held to the plain figures' limits as well
  // (logo/MEASUREMENTS.md, "Enclosed ground is not inner detail")
  const ringed = enclosingOf(stored, es)[k] === 1 || queryEncloses(query);
  let best: LogoMatch | null = null;
  // the tiers read the same pair's thumbnails in the orientations their hashes allow: each is correlated once
  tierCorrelations.fill(NaN);
  for (const tier of symmetricTiers(rule)) {
    if ((crop || ringed) && tier === rule.symmetricDetailed) continue;
    const limits = ringed ? heldAsPlain(tier, rule.symmetricPlain) : tier;
    const m = matchEntry(query, es, e, limits, 'symmetric', owner, { symmetric: { ...pair, minDetailCorrelation: limits.minDetailCorrelation }, correlations: tierCorrelations });
    if (m && (!best || m.correlation > best.correlation)) best = m;
  }
  return best;
}

/** The best orientation of the whole query that meets the rule for stored logo i (as a whole), or null. */
export function matchLogo(query: LogoQuery, stored: StoredHashes, i: number, rule: LogoRule): LogoMatch | null {
  return matchEntry(query, stored, i, rule, 'whole', i, { structural: rule.structural, colour: colourPairOf(query, stored, i, rule) });
}

const byScore = (a: LogoMatch, b: LogoMatch) => b.score - a.score || a.index - b.index;

/** Keeps the best match per logo (a whole match before a partial one at the same score). */
export function bestPerLogo(found: LogoMatch[]): LogoMatch[] {
  const best = new Map<number, LogoMatch>();
  for (const m of found) {
    const known = best.get(m.index);
    if (!known || m.score > known.score || (m.score === known.score && m.via === 'whole' && known.via !== 'whole')) best.set(m.index, m);
  }
  return [...best.values()].sort(byScore);
}

/**
 * What a query part is to the pairs it makes: the whole query (or the whole seen otherwise) — 'drawn' when the query
 * is line art itself (it has a filled variant) —, a peel, a filled line drawing.
 */
type PartRole = 'whole' | 'drawn' | 'peel' | 'filled';

/**
 * The query's parts: the whole query, the figure inside a frame drawn round it and the query turned back square
 * (variants of kind 'unframed', 'turned' and 'grounded', compared as a whole query is), a line drawing filled in
 * (kind FILLED), and its peels when the rule compares them (pairKind: what each meets).
 */
export function partsOf(query: LogoQuery, rule: LogoRule): Array<{ part: Part; role: PartRole }> {
  const variants = query.variants ?? [];
  const filled = variants.filter((v) => v.kind === FILLED).map((part) => ({ part, role: 'filled' as const }));
  const whole = filled.length ? 'drawn' as const : 'whole' as const;
  const asWhole = variants.filter((v) => comparedAsWhole(v.kind)).map((part) => ({ part, role: whole }));
  const peels = limitsOf(rule, 'peel') ? variants.filter((v) => v.kind !== FILLED && !comparedAsWhole(v.kind)).map((part) => ({ part, role: 'peel' as const })) : [];
  return [{ part: query, role: whole }, ...asWhole, ...filled, ...peels];
}

/**
 * Whether query part q meets the logos' grey copies: a part without colour (a gazette printed in black and white) —
 * a part in colour is compared with the logos' colours.
 */
export const meetsGrey = (q: Part): boolean => q.colour !== undefined && !chromaticQuery(q.colour);

/**
 * The kind of pair query part q (a peel, a filled line drawing or the whole query) and entry e make, or null when they
 * are not compared: a peel meets whole logos, their coarse copies and grey copies, the whole query every entry but the solid and coarse copies, a
 * filled line drawing only whole logos with parts and their solid copies, as a whole figure (fill.ts); and only a part without colour a grey
 * copy or its crops (the whole query held to a crop's limits, a peel to GREY_PEEL and never to a crop: on the set
 * with its filings in grey, peels against the print's crops flagged 4 fit negatives more for 1 copy).
 */
function pairKind(q: Part, role: PartRole, es: Entries, e: number): LogoMatchVia | null {
  const met = es.met?.[e] ?? MET_BY_ANY;
  const withParts = es.withParts?.[es.owner[e]!] === 1;
  if (role === 'filled') return (e < es.logos || met === MET_SOLID || met === MET_LINE_SOLID) && withParts ? 'whole' : null;
  if (met === MET_LINE_SOLID) return role === 'whole' && withParts ? 'whole' : null;
  if (met === MET_SOLID) return null;
  if (met === MET_COARSE) return role === 'peel' ? 'peel' : null;
  if (met !== MET_BY_ANY) return meetsGrey(q) ? (role !== 'peel' ? 'crop' : met === MET_GREY ? 'peel' : null) : null;
  return role === 'peel' ? (e < es.logos ? 'peel' : null) : e < es.logos ? 'whole' : 'crop';
}

/** The whole query's parts beside the stored logos' parts, for two whole figures held together by one element (anchored.ts). */
export interface Anchors {
  parts: readonly QueryPart[];
  stored: StoredParts;
  limits: PartsLimits;
}

/**
 * The anchors of the whole query (query itself, not a variant) when the rule matches by parts, both sides have parts
 * and the whole figures are compared as far as ANCHORED_WHOLE reaches (the radius logo-index.ts searches whole
 * logos at: the rule's, or the colour cells' for a query in colour), so that the index and the scan agree.
 */
export function anchorsOf(query: LogoQuery, part: Part, stored: StoredHashes, rule: LogoRule): Anchors | undefined {
  const reach = Math.max(rule.maxPhash, part.colour && rule.colourCells ? rule.colourCells.maxPhash : -1);
  if (part !== query || !rule.parts || !query.parts?.length || !stored.parts?.owner.length || reach < ANCHORED_WHOLE.maxPhash) return undefined;
  return { parts: query.parts, stored: stored.parts, limits: rule.parts };
}

/**
 * The match of a query part with entry e under the limits of that kind of pair, or null. `anchors`: the whole query's
 * parts, which may hold two whole figures together that no other tier takes (ANCHORED_WHOLE).
 */
export function matchPair(part: Part, role: PartRole, es: Entries, e: number, rule: LogoRule, anchors?: Anchors): LogoMatch | null {
  const via = pairKind(part, role, es, e);
  if (!via) return null;
  const met = es.met?.[e] ?? MET_BY_ANY;
  const limits = role === 'filled' || met === MET_LINE_SOLID ? FILLED_WHOLE : role === 'peel' && met === MET_GREY ? greyPeelLimits(es, e) : limitsOf(rule, via);
  if (!limits) return null;
  const whole = via === 'whole';
  const found = matchEntry(part, es, e, limits, via, es.owner[e]!, { structural: whole ? rule.structural : undefined, colour: whole ? colourPairOf(part, es, e, rule) : undefined });
  if (found && met === MET_COARSE) return inOtherColours(part, es, found, rule) ? null : found;
  if (found) return found;
  if (via === 'peel') return rule.peelByDhash ? matchByColours(part, es, e, rule.peelByDhash, 'peel') ?? matchByColours(part, es, e, IDENTICAL_PEEL, 'peel') : null;
  if (!whole) return null;
  return (rule.byDhash ? matchByColours(part, es, e, rule.byDhash, 'whole', true) : null) ?? (rule.colourCells ? matchByColours(part, es, e, rule.colourCells, 'whole') : null) ??
    (anchors && e < es.logos ? matchAnchored(part, es, e, anchors) : null);
}

/**
 * The limits a peel without colour is held to against grey copy e: GREY_PEEL, or GREY_PEEL_STRICT where the print is
 * a plain shape — the logo a plain figure, or its print symmetric (an inner element of the figure's own gray gone).
 */
function greyPeelLimits(es: Entries, e: number): LogoThresholds {
  return es.plain[es.owner[e]!] === 1 || symmetricThumb(es, e) ? GREY_PEEL_STRICT : GREY_PEEL;
}

/** Two whole figures near by their hashes, thumbnails and colour cells, with one of the logo's parts unchanged in its place (anchored.ts). */
function matchAnchored(part: Part, es: Entries, e: number, anchors: Anchors): LogoMatch | null {
  // a logo without parts has nothing to anchor: its whole pair is not compared again
  if (es.withParts?.[e] !== 1) return null;
  const m = matchByColours(part, es, e, ANCHORED_WHOLE, 'whole');
  return m && anchoredInPlace(anchors.parts, anchors.stored, m.index, m.orientation, anchors.limits, ANCHORED_WHOLE.tolerance) ? m : null;
}

/**
 * Whether a peel that met a logo's coarse copy lies in other colours than the logo's, or cannot be told by them: at
 * the coarse decoding a small element inside the figure fades (a hexagon with a short bar on it is a hexagon there),
 * and a lone hexagon with a name set under it peels to the hexagon alone, as a copy of the logo with a name added
 * does; the colours tell the copy from another firm's hexagon. The peel is the whole figure there, held as two whole
 * figures found by their difference hashes are (LogoRule.byDhash; without it, a coarse copy meets no peel): the
 * logo's grid is read from its figure decoded again, finer than the peel's.
 */
function inOtherColours(peel: Part, es: Entries, m: LogoMatch, rule: LogoRule): boolean {
  const limit = rule.byDhash?.maxDistance;
  return limit === undefined || !colourComparable(peel, es, m.index) || colourDistance(peel.colour!, m.orientation, es.colour!, m.index * COLOUR_BYTES) > limit;
}

/**
 * The best orientation in which part q (the whole query or a peel of it) meets whole entry e under limits that the
 * colours must also meet (LogoRule.byDhash, .colourCells, .peelByDhash), or null; never without both grids in colour.
 * With `farPhash` (LogoRule.byDhash) the perceptual hashes are held to limits.maxPhash only against a plain figure
 * (Entries.plain), against any other to BY_DHASH_PHASH: see limits.ts.
 */
function matchByColours(q: Part, es: Entries, e: number, limits: ColourTierLimits, via: 'whole' | 'peel', farPhash = false): LogoMatch | null {
  if (!colourComparable(q, es, e)) return null;
  const shapes = limits.maxAspect !== undefined && q.aspect !== undefined && es.aspect !== undefined;
  let best: LogoMatch | null = null;
  for (let v = 0; v < ORIENTATIONS; v++) {
    if (shapes && Math.abs((v & 4 ? -q.aspect! : q.aspect!) - es.aspect![e]!) > limits.maxAspect!) continue;
    const d = hamming(q.dhash, v * 2, es.dhash, e * 2);
    if (limits.maxDhash !== undefined && d > limits.maxDhash) continue;
    const p = hamming(q.phash, v * 2, es.phash, e * 2);
    if ((p > limits.maxPhash && !(farPhash && es.plain[e] === 0 && p <= BY_DHASH_PHASH)) || (limits.maxSum !== undefined && p + d > limits.maxSum)) continue;
    const c = thumbCorrelation(q.thumb, v, es.thumb, e * THUMB_SIDE * THUMB_SIDE);
    if (c < limits.minCorrelation || (best && c <= best.correlation)) continue;
    if (limits.maxDistance !== undefined && colourDistance(q.colour!, v, es.colour!, e * COLOUR_BYTES) > limits.maxDistance) continue;
    if (limits.minAgreement !== undefined && colourAgreement(q.colour!, v, es.colour!, e * COLOUR_BYTES) < limits.minAgreement) continue;
    best = { index: es.owner[e]!, orientation: v, phash: p, dhash: d, correlation: c, score: Math.max(0, c), via };
  }
  return best;
}
