// Searching stored logos with a query's eight orientations: the Hamming index over the perceptual hashes finds the
// candidates, then both hashes decide. scanLogos gives the same answer by comparing with every logo.
import { detailAgrees, hasDetail } from './detail';
import { hamming, ORIENTATIONS, THUMB_SIDE, thumbCorrelation, type LogoHashes } from './hash';
import { HammingIndex } from './hamming-index';
import type { StoredHashes } from './match';
import { type PartsLimits, PartsSearch, type QueryPart, scanParts } from './parts-match';
import { thumbStructure } from './structure';
import { COLOUR_BYTES, colourAgreement, colourDistance, isChromatic } from './colour';
import { type ColourLimits, type ColourTierLimits, GREY_PEEL, IDENTICAL_PEEL, limitsOf, PLAIN_MAX_COLOUR_DISTANCE, type LogoMatchVia, type LogoRule, type LogoThresholds, type StructuralLimits, symmetricTiers } from './limits';
import { comparedAsWhole } from './variant-kinds';

/** A query: its hashes in all eight orientations and its thumbnail as it is. */
export interface LogoQuery extends Part {
  /**
   * Sub-regions of the query (its peels: the figure without an added element), each compared with whole logos; and
   * the figure inside a frame drawn round it (kind UNFRAMED), the query turned back square when it is tilted
   * (kind TURNED) and a figure on a ground in a picture (kind GROUNDED), compared as the whole query is.
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

/** Stored entries: the logos, then their variants, in flat arrays, with the logo each entry belongs to. */
interface Entries {
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  aspect: Float64Array | undefined;
  owner: Uint32Array;
  /** entries below this index are whole logos */
  logos: number;
  /** the whole logos' colour grids (StoredHashes.colour) */
  colour?: Uint8Array | undefined;
  /** 1 for each entry that is a logo's grey copy, 2 for a crop of it (StoredHashes.variants.grey, offset by the logos) */
  grey?: Uint8Array | undefined;
}

/** The entries of each stored set, made once: they copy every thumbnail, and scanLogos is called per query. */
const entriesCache = new WeakMap<StoredHashes, Entries>();

function entriesOf(stored: StoredHashes): Entries {
  let es = entriesCache.get(stored);
  if (!es) entriesCache.set(stored, (es = makeEntries(stored)));
  return es;
}

function makeEntries(stored: StoredHashes): Entries {
  const logos = stored.phash.length >>> 1;
  const v = stored.variants;
  if (!v || v.owner.length === 0) return { ...stored, aspect: stored.aspect, owner: Uint32Array.from({ length: logos }, (_, i) => i), logos };
  const thumb = joined(stored.thumb, v.thumb, Uint8Array);
  const owner = new Uint32Array(logos + v.owner.length);
  for (let i = 0; i < logos; i++) owner[i] = i;
  owner.set(v.owner, logos);
  let aspect: Float64Array | undefined;
  if (stored.aspect && v.aspect) {
    aspect = new Float64Array(logos + v.owner.length);
    aspect.set(stored.aspect);
    aspect.set(v.aspect, logos);
  }
  let grey: Uint8Array | undefined;
  if (v.grey) {
    grey = new Uint8Array(logos + v.owner.length);
    grey.set(v.grey, logos);
  }
  return { phash: joined(stored.phash, v.phash, Uint32Array), dhash: joined(stored.dhash, v.dhash, Uint32Array), thumb, aspect, owner, logos, colour: stored.colour, grey };
}

/**
 * a followed by b as one array: a view of their buffer when b lies right after a in it (match.ts storedHashesOf lays
 * a registry out so), else a copy.
 */
function joined<A extends Uint8Array | Uint32Array>(a: A, b: A, make: { new (length: number): A; new (buffer: ArrayBufferLike, offset: number, length: number): A }): A {
  if (a.buffer === b.buffer && a.byteOffset + a.byteLength === b.byteOffset) return new make(a.buffer, a.byteOffset, a.length + b.length);
  const out = new make(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
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
  { symmetric, structural, colour }: { symmetric?: SymmetricPair; structural?: StructuralLimits | undefined; colour?: ColourPair | undefined } = {},
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
    const c = thumbCorrelation(q.thumb, v, es.thumb, e * T);
    if (best && c <= best.correlation) continue;
    if (c < rule.minCorrelation && !(structural && c >= structural.minCorrelation && thumbStructure(q.thumb, v, es.thumb, e * T) >= structural.minStructure) &&
      !(colour && c >= colour.limits.minCorrelation && colourDistance(colour.query, v, colour.stored, colour.at) <= colour.limits.maxDistance)) continue;
    if (symmetric?.minDetailCorrelation !== undefined && !detailAgrees(symmetric.query.detail, v, symmetric.stored.detail, symmetric.k * T, symmetric.minDetailCorrelation)) continue;
    best = { index: owner, orientation: v, phash: p, dhash: d, correlation: c, score: Math.max(0, c), via };
  }
  return best;
}

/** Whether each stored symmetric entry carries inner detail, read once a stored set (its search and its scan ask often). */
const detailCache = new WeakMap<NonNullable<StoredHashes['symmetric']>, Uint8Array>();

function detailedOf(stored: NonNullable<StoredHashes['symmetric']>): Uint8Array {
  let flags = detailCache.get(stored);
  if (!flags) {
    const T = THUMB_SIDE * THUMB_SIDE;
    detailCache.set(stored, (flags = Uint8Array.from(stored.owner, (_, k) => (hasDetail(stored.detail, k * T) ? 1 : 0))));
  }
  return flags;
}

/**
 * The match of a symmetric query (`detailed`: whether it carries inner detail) with stored symmetric entry k (its logo as a whole), or null: two figures with inner
 * detail under any of the detail tiers, two without it under the plain limits, one of each never. A symmetric print
 * (a logo in colour printed in black and white) is compared with the logo's grey copy, and only with a query without
 * colour; a symmetric crop with that crop, under the tiers but the detailed one.
 */
function matchSymmetric(
  query: LogoQuery, detailed: boolean, es: Entries, stored: NonNullable<StoredHashes['symmetric']>, k: number, rule: LogoRule,
): LogoMatch | null {
  if (!query.symmetric || detailed !== (detailedOf(stored)[k] === 1)) return null;
  if (stored.print?.[k] === 1 && !meetsGrey(query)) return null;
  const owner = stored.owner[k]!;
  const variant = stored.variant?.[k] ?? -1;
  const e = variant >= 0 ? es.logos + variant : owner;
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
  let best: LogoMatch | null = null;
  for (const limits of symmetricTiers(rule)) {
    if (crop && limits === rule.symmetricDetailed) continue;
    const m = matchEntry(query, es, e, limits, 'symmetric', owner, { symmetric: { ...pair, minDetailCorrelation: limits.minDetailCorrelation } });
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
function bestPerLogo(found: LogoMatch[]): LogoMatch[] {
  const best = new Map<number, LogoMatch>();
  for (const m of found) {
    const known = best.get(m.index);
    if (!known || m.score > known.score || (m.score === known.score && m.via === 'whole' && known.via !== 'whole')) best.set(m.index, m);
  }
  return [...best.values()].sort(byScore);
}

/**
 * The query's parts: the whole query, the figure inside a frame drawn round it and the query turned back square
 * (variants of kind 'unframed', 'turned' and 'grounded', compared as a whole query is), and its peels when the rule compares them (pairKind: what each meets).
 */
function partsOf(query: LogoQuery, rule: LogoRule): Array<{ part: Part; peel: boolean }> {
  const variants = query.variants ?? [];
  const asWhole = variants.filter((v) => comparedAsWhole(v.kind)).map((part) => ({ part, peel: false }));
  const peels = limitsOf(rule, 'peel') ? variants.filter((v) => !comparedAsWhole(v.kind)).map((part) => ({ part, peel: true })) : [];
  return [{ part: query, peel: false }, ...asWhole, ...peels];
}

/**
 * Whether query part q meets the logos' grey copies: a part without colour (a gazette printed in black and white) —
 * a part in colour is compared with the logos' colours.
 */
const meetsGrey = (q: Part): boolean => q.colour !== undefined && !chromaticQuery(q.colour);

/**
 * The kind of pair query part q (a peel or the whole query) and entry e make, or null when they are not compared: a
 * peel meets whole logos and grey copies, the whole query every entry, and only a part without colour a grey copy
 * or its crops (the whole query held to a crop's limits, a peel to GREY_PEEL and never to a crop: on the set with
 * its filings in grey, peels against the print's crops flagged 4 fit negatives more for 1 copy).
 */
function pairKind(q: Part, peel: boolean, es: Entries, e: number): LogoMatchVia | null {
  const print = es.grey?.[e] ?? 0;
  if (print > 0) return meetsGrey(q) ? (!peel ? 'crop' : print === 1 ? 'peel' : null) : null;
  return peel ? (e < es.logos ? 'peel' : null) : e < es.logos ? 'whole' : 'crop';
}

/** The match of a query part with entry e under the limits of that kind of pair, or null. */
function matchPair(part: Part, peel: boolean, es: Entries, e: number, rule: LogoRule): LogoMatch | null {
  const via = pairKind(part, peel, es, e);
  const limits = peel && es.grey?.[e] === 1 ? GREY_PEEL : via ? limitsOf(rule, via) : undefined;
  if (!via || !limits) return null;
  const whole = via === 'whole';
  const found = matchEntry(part, es, e, limits, via, es.owner[e]!, { structural: whole ? rule.structural : undefined, colour: whole ? colourPairOf(part, es, e, rule) : undefined });
  if (found) return found;
  if (via === 'peel') return rule.peelByDhash ? matchByColours(part, es, e, rule.peelByDhash, 'peel') ?? matchByColours(part, es, e, IDENTICAL_PEEL, 'peel') : null;
  if (!whole) return null;
  return (rule.byDhash ? matchByColours(part, es, e, rule.byDhash, 'whole') : null) ?? (rule.colourCells ? matchByColours(part, es, e, rule.colourCells, 'whole') : null);
}

/**
 * The best orientation in which part q (the whole query or a peel of it) meets whole entry e under limits that the
 * colours must also meet (LogoRule.byDhash, .colourCells, .peelByDhash), or null; never without both grids in colour.
 */
function matchByColours(q: Part, es: Entries, e: number, limits: ColourTierLimits, via: 'whole' | 'peel'): LogoMatch | null {
  if (!colourComparable(q, es, e)) return null;
  const shapes = limits.maxAspect !== undefined && q.aspect !== undefined && es.aspect !== undefined;
  let best: LogoMatch | null = null;
  for (let v = 0; v < ORIENTATIONS; v++) {
    if (shapes && Math.abs((v & 4 ? -q.aspect! : q.aspect!) - es.aspect![e]!) > limits.maxAspect!) continue;
    const d = hamming(q.dhash, v * 2, es.dhash, e * 2);
    if (limits.maxDhash !== undefined && d > limits.maxDhash) continue;
    const p = hamming(q.phash, v * 2, es.phash, e * 2);
    if (p > limits.maxPhash || (limits.maxSum !== undefined && p + d > limits.maxSum)) continue;
    const c = thumbCorrelation(q.thumb, v, es.thumb, e * THUMB_SIDE * THUMB_SIDE);
    if (c < limits.minCorrelation || (best && c <= best.correlation)) continue;
    if (limits.maxDistance !== undefined && colourDistance(q.colour!, v, es.colour!, e * COLOUR_BYTES) > limits.maxDistance) continue;
    if (limits.minAgreement !== undefined && colourAgreement(q.colour!, v, es.colour!, e * COLOUR_BYTES) < limits.minAgreement) continue;
    best = { index: es.owner[e]!, orientation: v, phash: p, dhash: d, correlation: c, score: Math.max(0, c), via };
  }
  return best;
}

export class LogoIndex {
  /** the whole logos, and their crops (ids offset by the number of logos): each searched at its own radius */
  private readonly whole: HammingIndex;
  /** the whole logos by their difference hashes (LogoRule.byDhash), when they carry colour grids */
  private readonly wholeByDhash: HammingIndex | null;
  /** the logos' crops and soft copies, and the variant each is */
  private readonly crops: HammingIndex | null;
  private readonly cropEntries: Uint32Array;
  /** the logos' grey copies and their crops (met by parts without colour), and the variant each is */
  private readonly grey: HammingIndex | null;
  private readonly greyEntries: Uint32Array;
  /**
   * the symmetric logos with inner detail by their symmetric hashes, and the entry of stored.symmetric each is (one
   * without detail never meets the detail check, so it is not searched)
   */
  private readonly symmetric: HammingIndex | null;
  private readonly symmetricEntries: Uint32Array;
  /** the symmetric logos without inner detail by their symmetric hashes (symmetricPlain), and their entries */
  private readonly plain: HammingIndex | null;
  private readonly plainEntries: Uint32Array;
  private readonly parts: PartsSearch | null;
  /** the parts of the logos' prints (met by a query without colour) */
  private readonly printParts: PartsSearch | null;
  private readonly entries: Entries;
  private readonly candidates: number[] = [];
  private readonly seen: Uint8Array;

  constructor(readonly stored: StoredHashes) {
    this.entries = entriesOf(stored);
    this.whole = new HammingIndex(stored.phash);
    this.wholeByDhash = stored.colour ? new HammingIndex(stored.dhash) : null;
    const variants = stored.variants;
    const kinds = Uint32Array.from({ length: variants?.owner.length ?? 0 }, (_, k) => k);
    this.cropEntries = kinds.filter((k) => !variants!.grey?.[k]);
    this.greyEntries = kinds.filter((k) => (variants!.grey?.[k] ?? 0) > 0);
    const variantIndex = (entries: Uint32Array) => (entries.length
      ? new HammingIndex(Uint32Array.from({ length: 2 * entries.length }, (_, i) => variants!.phash[2 * entries[i >> 1]! + (i & 1)]!))
      : null);
    this.crops = variantIndex(this.cropEntries);
    this.grey = variantIndex(this.greyEntries);
    const sym = stored.symmetric;
    const all = Uint32Array.from({ length: sym?.owner.length ?? 0 }, (_, k) => k);
    const indexOf = (entries: Uint32Array) => (entries.length
      ? new HammingIndex(Uint32Array.from({ length: 2 * entries.length }, (_, i) => sym!.phash[2 * entries[i >> 1]! + (i & 1)]!))
      : null);
    const detailed = sym ? detailedOf(sym) : new Uint8Array(0);
    this.symmetricEntries = all.filter((k) => detailed[k] === 1);
    this.plainEntries = all.filter((k) => detailed[k] === 0);
    this.symmetric = indexOf(this.symmetricEntries);
    this.plain = indexOf(this.plainEntries);
    this.parts = stored.parts?.owner.length ? new PartsSearch(stored.parts) : null;
    this.printParts = stored.printParts?.owner.length ? new PartsSearch(stored.printParts) : null;
    this.seen = new Uint8Array(this.entries.owner.length);
  }

  /** The number of stored logos (variants not counted). */
  get size(): number {
    return this.entries.logos;
  }

  /** Every stored logo the query is near under the rule, nearest first (one match per logo). */
  search(query: LogoQuery, rule: LogoRule): LogoMatch[] {
    const es = this.entries;
    const out: LogoMatch[] = [];
    const candidates = this.candidates;
    for (const { part, peel } of partsOf(query, rule)) {
      candidates.length = 0;
      const collect = (e: number) => {
        if (this.seen[e]) return;
        this.seen[e] = 1;
        candidates.push(e);
      };
      const fromCrops = (k: number) => collect(es.logos + this.cropEntries[k]!);
      const fromGrey = (k: number) => collect(es.logos + this.greyEntries[k]!);
      // whole against whole at the rule's radius; a part against a whole at the partial radius
      // a whole query with colours also meets whole logos as far as the colour cells' limits reach
      const cells = !peel && rule.colourCells && part.colour && this.entries.colour ? rule.colourCells.maxPhash : 0;
      const radius = Math.max(peel ? limitsOf(rule, 'peel')!.maxPhash : rule.maxPhash, cells);
      const byDhashLimits = peel ? rule.peelByDhash : rule.byDhash;
      const byDhash = byDhashLimits && part.colour ? this.wholeByDhash : null;
      // a peel's difference-hash way in also reaches the nearly identical ones (IDENTICAL_PEEL)
      const dhashRadius = byDhashLimits ? Math.max(byDhashLimits.maxDhash, peel ? IDENTICAL_PEEL.maxDhash : 0) : 0;
      const grey = this.grey && meetsGrey(part) ? this.grey : null;
      for (let v = 0; v < ORIENTATIONS; v++) {
        const hi = part.phash[v * 2]!;
        const lo = part.phash[v * 2 + 1]!;
        this.whole.search(hi, lo, radius, collect);
        if (!peel && rule.partial && this.crops) this.crops.search(hi, lo, rule.partial.maxPhash, fromCrops);
        if (grey && (peel || rule.partial)) grey.search(hi, lo, peel ? GREY_PEEL.maxPhash : rule.partial!.maxPhash, fromGrey);
        if (byDhash) byDhash.search(part.dhash[v * 2]!, part.dhash[v * 2 + 1]!, dhashRadius, collect);
      }
      for (const e of candidates) {
        this.seen[e] = 0;
        const m = matchPair(part, peel, es, e, rule);
        if (m) out.push(m);
      }
    }
    // a query with inner detail meets the stored figures with it, one without it the plain ones
    if (query.symmetric) {
      const detailed = hasDetail(query.symmetric.detail);
      const tiers = detailed ? symmetricTiers(rule) : rule.symmetricPlain ? [rule.symmetricPlain] : [];
      const index = detailed ? this.symmetric : this.plain;
      const entries = detailed ? this.symmetricEntries : this.plainEntries;
      if (tiers.length && index) {
        const stored = this.stored.symmetric!;
        const radius = Math.max(...tiers.map((t) => t.maxPhash));
        candidates.length = 0;
        for (let v = 0; v < ORIENTATIONS; v++) {
          index.search(query.symmetric.phash[v * 2]!, query.symmetric.phash[v * 2 + 1]!, radius, (i) => {
            if (this.seen[i]) return;
            this.seen[i] = 1;
            candidates.push(i);
          });
        }
        for (const i of candidates) {
          this.seen[i] = 0;
          const m = matchSymmetric(query, detailed, es, stored, entries[i]!, rule);
          if (m) out.push(m);
        }
      }
    }
    if (rule.parts && query.parts?.length) {
      matchParts(query.parts, meetsGrey(query), rule.parts, this.stored, (parts, limits, found) => this.parts?.search(parts, limits, found),
        (parts, limits, found) => this.printParts?.search(parts, limits, found), out);
    }
    return bestPerLogo(out);
  }
}

/** Every stored logo the query is near, by comparing with each entry (the reference for tests and the benchmark). */
export function scanLogos(stored: StoredHashes, query: LogoQuery, rule: LogoRule): LogoMatch[] {
  const es = entriesOf(stored);
  const out: LogoMatch[] = [];
  for (const { part, peel } of partsOf(query, rule)) {
    for (let e = 0; e < es.owner.length; e++) {
      const m = matchPair(part, peel, es, e, rule);
      if (m) out.push(m);
    }
  }
  const symmetric = stored.symmetric;
  const queryDetailed = query.symmetric !== undefined && hasDetail(query.symmetric.detail);
  for (let k = 0, n = symmetric?.owner.length ?? 0; k < n; k++) {
    const m = matchSymmetric(query, queryDetailed, es, symmetric!, k, rule);
    if (m) out.push(m);
  }
  if (rule.parts && query.parts?.length) {
    matchParts(query.parts, meetsGrey(query), rule.parts, stored, (parts, limits, found) => stored.parts && scanParts(stored.parts, parts, limits, found),
      (parts, limits, found) => stored.printParts && scanParts(stored.printParts, parts, limits, found), out);
  }
  return bestPerLogo(out);
}

type PartsFinder = (parts: readonly QueryPart[], limits: PartsLimits, out: LogoMatch[]) => void;

/**
 * The logos a query's parts meet: a query in colour meets the logos' parts; one without colour (`grey`: a gazette
 * printed in black and white) meets the parts of a colour logo's print instead of its colour parts — a print is cut
 * where its gray levels change, as the query is, and two colours of one gray are one part there — and the parts of a
 * logo without colour as they are.
 */
function matchParts(parts: readonly QueryPart[], grey: boolean, limits: PartsLimits, stored: StoredHashes, colourParts: PartsFinder, printParts: PartsFinder, out: LogoMatch[]): void {
  const printed = stored.printParts?.printed;
  if (!printed || !grey) {
    colourParts(parts, limits, out);
    return;
  }
  const found: LogoMatch[] = [];
  colourParts(parts, limits, found);
  for (const m of found) if (!printed[m.index]) out.push(m);
  printParts(parts, limits, out);
}
