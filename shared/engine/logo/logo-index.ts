// Searching stored logos with a query's eight orientations: the Hamming index over the perceptual hashes finds the
// candidates, then both hashes decide (pairs.ts: what each part meets, under which limits). scanLogos gives the same
// answer by comparing with every logo.
import { hasDetail } from './detail';
import { ORIENTATIONS } from './hash';
import { HammingIndex } from './hamming-index';
import type { StoredHashes } from './match';
import { type PartsLimits, PartsSearch, type QueryPart, scanParts } from './parts-match';
import { FILLED_WHOLE, GREY_PEEL, IDENTICAL_PEEL, limitsOf, type LogoRule, symmetricTiers } from './limits';
import { MET_BY_ANY, MET_COARSE, MET_GREY, MET_GREY_CROP, MET_LINE_SOLID, MET_SOLID } from './variant-kinds';
import { anchorsOf, bestPerLogo, type LogoMatch, type LogoQuery, matchPair, matchSymmetric, meetsGrey, partsOf } from './pairs';
import { detailedOf, type Entries, entriesOf } from './entries';

export type { LogoMatch, LogoQuery } from './pairs';
export { matchLogo } from './pairs';

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
  /** the logos filled in (met by a query's filled line drawing), and the variant each is */
  private readonly solid: HammingIndex | null;
  private readonly solidEntries: Uint32Array;
  /** the small logos as the whole image's decoding shows them (met by a query's peels), and the variant each is */
  private readonly coarse: HammingIndex | null;
  private readonly coarseEntries: Uint32Array;
  /** the logos drawn as line art filled in (met also by a whole query that is no line art), and the variant each is */
  private readonly lineSolid: HammingIndex | null;
  private readonly lineSolidEntries: Uint32Array;
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
    const met = (k: number) => variants!.met?.[k] ?? MET_BY_ANY;
    this.cropEntries = kinds.filter((k) => met(k) === MET_BY_ANY);
    this.greyEntries = kinds.filter((k) => met(k) === MET_GREY || met(k) === MET_GREY_CROP);
    this.solidEntries = kinds.filter((k) => met(k) === MET_SOLID || met(k) === MET_LINE_SOLID);
    this.lineSolidEntries = kinds.filter((k) => met(k) === MET_LINE_SOLID);
    this.coarseEntries = kinds.filter((k) => met(k) === MET_COARSE);
    const variantIndex = (entries: Uint32Array) => (entries.length
      ? new HammingIndex(Uint32Array.from({ length: 2 * entries.length }, (_, i) => variants!.phash[2 * entries[i >> 1]! + (i & 1)]!))
      : null);
    this.crops = variantIndex(this.cropEntries);
    this.grey = variantIndex(this.greyEntries);
    this.solid = variantIndex(this.solidEntries);
    this.lineSolid = variantIndex(this.lineSolidEntries);
    this.coarse = variantIndex(this.coarseEntries);
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
    for (const { part, role } of partsOf(query, rule)) {
      const peel = role === 'peel';
      candidates.length = 0;
      const collect = (e: number) => {
        if (this.seen[e]) return;
        this.seen[e] = 1;
        candidates.push(e);
      };
      const fromCrops = (k: number) => collect(es.logos + this.cropEntries[k]!);
      const fromGrey = (k: number) => collect(es.logos + this.greyEntries[k]!);
      const fromSolid = (k: number) => collect(es.logos + this.solidEntries[k]!);
      const fromLineSolid = (k: number) => collect(es.logos + this.lineSolidEntries[k]!);
      const fromCoarse = (k: number) => collect(es.logos + this.coarseEntries[k]!);
      // whole against whole at the rule's radius; a part against a whole at the partial radius; a filled line drawing
      // against whole logos and solid copies at FILLED_WHOLE's radius (it has no colour grid: no colour tier reaches further)
      // a whole query with colours also meets whole logos as far as the colour cells' limits reach
      // (every colour tier compares two grids in colour: a query without colour, a gazette printed in black and white,
      // is met by none of them, and searching as far as they reach would only check more entries)
      const inColour = part.colour !== undefined && !meetsGrey(part);
      const cells = !peel && rule.colourCells && inColour && this.entries.colour ? rule.colourCells.maxPhash : 0;
      const radius = Math.max(peel ? limitsOf(rule, 'peel')!.maxPhash : role === 'filled' ? FILLED_WHOLE.maxPhash : rule.maxPhash, cells);
      const byDhashLimits = peel ? rule.peelByDhash : rule.byDhash;
      const byDhash = byDhashLimits && inColour ? this.wholeByDhash : null;
      // a peel's difference-hash way in also reaches the nearly identical ones (IDENTICAL_PEEL)
      const dhashRadius = byDhashLimits ? Math.max(byDhashLimits.maxDhash, peel ? IDENTICAL_PEEL.maxDhash : 0) : 0;
      const grey = this.grey && meetsGrey(part) ? this.grey : null;
      for (let v = 0; v < ORIENTATIONS; v++) {
        const hi = part.phash[v * 2]!;
        const lo = part.phash[v * 2 + 1]!;
        this.whole.search(hi, lo, radius, collect);
        if ((role === 'whole' || role === 'drawn') && rule.partial && this.crops) this.crops.search(hi, lo, rule.partial.maxPhash, fromCrops);
        if (role === 'filled' && this.solid) this.solid.search(hi, lo, FILLED_WHOLE.maxPhash, fromSolid);
        if (role === 'whole' && this.lineSolid) this.lineSolid.search(hi, lo, FILLED_WHOLE.maxPhash, fromLineSolid);
        if (peel && this.coarse) this.coarse.search(hi, lo, radius, fromCoarse);
        if (grey && (peel || rule.partial)) grey.search(hi, lo, peel ? GREY_PEEL.maxPhash : rule.partial!.maxPhash, fromGrey);
        if (byDhash) byDhash.search(part.dhash[v * 2]!, part.dhash[v * 2 + 1]!, dhashRadius, collect);
      }
      const anchors = anchorsOf(query, part, this.stored, rule);
      for (const e of candidates) {
        this.seen[e] = 0;
        const m = matchPair(part, role, es, e, rule, anchors);
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
  for (const { part, role } of partsOf(query, rule)) {
    const anchors = anchorsOf(query, part, stored, rule);
    for (let e = 0; e < es.owner.length; e++) {
      const m = matchPair(part, role, es, e, rule, anchors);
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
