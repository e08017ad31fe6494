// A query's parts against the stored logos' parts (parts.ts): pairs of parts within the hash limits, grouped by the
// logo they belong to, then held to the thumbnail limit and the arrangement. PartsSearch finds the pairs through a
// Hamming index over the stored parts; scanParts compares every pair and gives the same answer.
import { ASYMMETRIC, hamming, ORIENTATIONS, THUMB_SIDE, thumbCorrelation, type LogoHashes } from './hash';
import { HammingIndex } from './hamming-index';
import type { LogoMatch } from './logo-index';
import { HIDDEN_PART_CORRELATION, type LogoThresholds } from './limits';
import type { StoredParts } from './match';
import { partsAgree, type PartPair, type PartsArrangement } from './arrangement';
import type { PartPlace } from './parts';
import type { Box } from './regions';

/** The limits on each pair of parts, and on their arrangement. */
export interface PartsLimits extends LogoThresholds, PartsArrangement {}

/** A query's part: its hashes in all orientations, its thumbnail as it is, its box's shape, place and share. */
export interface QueryPart extends LogoHashes, PartPlace {
  thumb: Uint8Array;
  aspect: number;
  /** the bits of its perceptual hash that carry information: 64, or fewer for a symmetric hash (hash.ts) */
  informative: number;
}

/**
 * The phash radius for a query part: maxPhash for a plain hash, in proportion for a symmetric one. A disc's
 * symmetric hash has 48 of its 64 bits set by symmetry alike for every disc, square or cross: within 8 bits of it
 * lay 2,000 of a 10,000-logo registry's 33,000 parts (40 for a plain part), so its 16 other bits are held to 2.
 */
export const partRadius = (part: Pick<QueryPart, 'informative'>, limits: Pick<PartsLimits, 'maxPhash'>): number =>
  Math.round((limits.maxPhash * part.informative) / 64);

/**
 * A thumbnail whose levels spread less than this (standard deviation, of 255) is flat: a part that fills its box (a
 * bar, a square) stretches to an even patch, which correlates with nothing, so two flat parts are alike (their
 * boxes' shapes still have to agree) and a flat part is unlike any other.
 */
const FLAT_SPREAD = 12;

function spread(thumb: Uint8Array, at: number): number {
  const n = THUMB_SIDE * THUMB_SIDE;
  let sum = 0;
  let squares = 0;
  for (let i = at; i < at + n; i++) {
    sum += thumb[i]!;
    squares += thumb[i]! * thumb[i]!;
  }
  return Math.sqrt(Math.max(0, squares / n - (sum / n) ** 2));
}

/** Whether each stored part's thumbnail is flat, worked out once per set of stored parts. */
const flatCache = new WeakMap<StoredParts, Uint8Array>();

function storedFlat(stored: StoredParts): Uint8Array {
  let flat = flatCache.get(stored);
  if (!flat) {
    const T = THUMB_SIDE * THUMB_SIDE;
    flat = Uint8Array.from({ length: stored.owner.length }, (_, k) => (spread(stored.thumb, k * T) < FLAT_SPREAD ? 1 : 0));
    flatCache.set(stored, flat);
  }
  return flat;
}

/**
 * The working space of one search, sized to the stored parts and logos and reused from query to query: the pairs
 * of a query part with the stored parts are kept one record per stored part, with a mask of the orientations that
 * are within the hash limits (a symmetric part meets a disc in all eight), and counted per logo as they come, so
 * that only logos whose distinct parts could still meet the limits have their thumbnails compared.
 */
class Pairing {
  private readonly mask: Uint8Array;
  private readonly nearest: Uint16Array;
  private readonly partStamp: Uint32Array;
  private readonly ownerStamp: Uint32Array;
  private readonly ownerCount: Uint16Array;
  private readonly flat: Uint8Array;
  private stamp = 0;
  /** the stored parts the current query part met, touched[0 .. touchedCount) */
  private readonly touched: Uint32Array;
  private touchedCount = 0;
  private owners: number[] = [];
  /**
   * records[5 r .. 5 r + 5): stored part, query part, orientation mask, and the nearest orientation's phash and
   * dhash; kept in one growing typed array across queries (a query may meet thousands of parts)
   */
  private records = new Int32Array(5 * 1024);
  private recordCount = 0;

  constructor(private readonly stored: StoredParts) {
    const n = stored.owner.length;
    const logos = stored.first.length - 1;
    this.mask = new Uint8Array(n);
    this.nearest = new Uint16Array(2 * n);
    this.partStamp = new Uint32Array(n);
    this.ownerStamp = new Uint32Array(logos);
    this.ownerCount = new Uint16Array(logos);
    this.flat = storedFlat(stored);
    this.touched = new Uint32Array(n);
  }

  /** Starts a query. */
  begin(): void {
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    if (this.stamp === 1) {
      this.partStamp.fill(0);
      this.ownerStamp.fill(0);
    }
    this.owners = [];
    this.recordCount = 0;
  }

  /** Query part `part` against stored part k in orientation v: noted when within the shape and hash limits (phash within radius). */
  offer(part: QueryPart, k: number, v: number, limits: PartsLimits, radius: number): void {
    const stored = this.stored;
    if (limits.maxAspect !== undefined && Math.abs((v & 4 ? -part.aspect : part.aspect) - stored.aspect[k]!) > limits.maxAspect) return;
    const p = hamming(part.phash, v * 2, stored.phash, k * 2);
    if (p > radius) return;
    const d = hamming(part.dhash, v * 2, stored.dhash, k * 2);
    if (p + d > limits.maxSum) return;
    const first = this.mask[k] === 0;
    this.mask[k]! |= 1 << v;
    if (first) this.touched[this.touchedCount++] = k;
    const nearP = this.nearest[2 * k]!;
    const nearD = this.nearest[2 * k + 1]!;
    // the nearest by both distances, then by phash: the same whatever order the orientations come in
    if (first || p + d < nearP + nearD || (p + d === nearP + nearD && p < nearP)) {
      this.nearest[2 * k] = p;
      this.nearest[2 * k + 1] = d;
    }
  }

  /** Ends query part b: its pairs become records, counted per logo. */
  endPart(b: number): void {
    const stored = this.stored;
    if (5 * (this.recordCount + this.touchedCount) > this.records.length) {
      const grown = new Int32Array(Math.max(2 * this.records.length, 5 * (this.recordCount + this.touchedCount)));
      grown.set(this.records.subarray(0, 5 * this.recordCount));
      this.records = grown;
    }
    for (let t = 0; t < this.touchedCount; t++) {
      const k = this.touched[t]!;
      const at = 5 * this.recordCount++;
      this.records[at] = k;
      this.records[at + 1] = b;
      this.records[at + 2] = this.mask[k]!;
      this.records[at + 3] = this.nearest[2 * k]!;
      this.records[at + 4] = this.nearest[2 * k + 1]!;
      this.mask[k] = 0;
      if (this.partStamp[k] === this.stamp) continue;
      this.partStamp[k] = this.stamp;
      const owner = stored.owner[k]!;
      if (this.ownerStamp[owner] !== this.stamp) {
        this.ownerStamp[owner] = this.stamp;
        this.ownerCount[owner] = 0;
        this.owners.push(owner);
      }
      this.ownerCount[owner]!++;
    }
    this.touchedCount = 0;
  }

  /** Query part b's thumbnail against stored part k's in orientation v; a flat part is like a flat part only. */
  private correlate(query: readonly QueryPart[], queryFlat: readonly boolean[], b: number, k: number, v: number): number {
    const flat = queryFlat[b]! || this.flat[k] === 1;
    return flat ? (queryFlat[b]! && this.flat[k] === 1 ? 1 : 0) : thumbCorrelation(query[b]!.thumb, v, this.stored.thumb, k * THUMB_SIDE * THUMB_SIDE);
  }

  /**
   * The parts match of each logo whose distinct parts could meet minParts: the pairs' thumbnails are compared in
   * each orientation noted, and those that meet minCorrelation must agree in arrangement and, with the parts hidden
   * in part that the arrangement finds (HIDDEN_PART_CORRELATION), hold minShare of the logo's ink.
   */
  settle(query: readonly QueryPart[], limits: PartsLimits, out: LogoMatch[]): void {
    const stored = this.stored;
    // the share is not asked of the pairs yet: a part hidden in part by a changed element may make it up (partsAgree)
    const able = new Set(this.owners.filter((o) => this.ownerCount[o]! >= limits.minParts));
    if (able.size === 0) return;
    const queryFlat = query.map((q) => spread(q.thumb, 0) < FLAT_SPREAD);
    const pairsOf = new Map<number, PartPair[]>();
    const r = this.records;
    for (let i = 0; i < 5 * this.recordCount; i += 5) {
      const k = r[i]!;
      const owner = stored.owner[k]!;
      if (!able.has(owner)) continue;
      const b = r[i + 1]!;
      let list = pairsOf.get(owner);
      if (!list) pairsOf.set(owner, (list = []));
      for (let v = 0; v < ORIENTATIONS; v++) {
        if (!(r[i + 2]! & (1 << v))) continue;
        const correlation = this.correlate(query, queryFlat, b, k, v);
        if (correlation >= limits.minCorrelation) list.push({ stored: k, query: b, orientation: v, phash: r[i + 3]!, dhash: r[i + 4]!, correlation });
      }
    }
    for (const [owner, pairs] of pairsOf) {
      const from = stored.first[owner]!;
      if (new Set(pairs.map((p) => p.stored)).size < limits.minParts) continue;
      const local = pairs.map((p) => ({ ...p, stored: p.stored - from }));
      const hidden = {
        minCorrelation: HIDDEN_PART_CORRELATION,
        correlation: (s: number, b: number, v: number) => this.correlate(query, queryFlat, b, from + s, v),
        // a flat part is like a flat part only: a grown one is not looked for among flat parts
        within: (s: number, b: number, v: number, cells: Box) =>
          queryFlat[b]! || this.flat[from + s] === 1 ? 0 : thumbCorrelation(cellsOf(query[b]!.thumb, cells), v, stored.thumb, (from + s) * THUMB_SIDE * THUMB_SIDE),
        // a flat part (a bar) keeps all its bits only because its thumbnail is an even patch
        asymmetric: (b: number) => !queryFlat[b]! && query[b]!.informative === ASYMMETRIC,
      };
      const agreed = partsAgree(local, stored.places.slice(from, stored.first[owner + 1]!), query, limits, hidden);
      if (!agreed) continue;
      const { orientation, phash, dhash, correlation } = agreed;
      // a parts match counts what it covers: the stored ink that agreed, as well as how alike it is
      out.push({ index: owner, orientation, phash, dhash, correlation, score: Math.max(0, correlation) * Math.min(1, agreed.share), via: 'parts' });
    }
  }
}

/** The cells of a thumbnail that `cells` covers (fractions of cells allowed), resampled bilinearly to a whole thumbnail. */
export function cellsOf(thumb: Uint8Array, cells: Box): Uint8Array {
  const out = new Uint8Array(THUMB_SIDE * THUMB_SIDE);
  const sx = (cells[2] - cells[0]) / THUMB_SIDE;
  const sy = (cells[3] - cells[1]) / THUMB_SIDE;
  const at = (x: number, y: number) => thumb[Math.min(THUMB_SIDE - 1, Math.max(0, y)) * THUMB_SIDE + Math.min(THUMB_SIDE - 1, Math.max(0, x))]!;
  for (let y = 0; y < THUMB_SIDE; y++) {
    const fy = cells[1] + (y + 0.5) * sy - 0.5;
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < THUMB_SIDE; x++) {
      const fx = cells[0] + (x + 0.5) * sx - 0.5;
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const top = at(x0, y0) * (1 - tx) + at(x0 + 1, y0) * tx;
      const bottom = at(x0, y0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1) * tx;
      out[y * THUMB_SIDE + x] = Math.round(top * (1 - ty) + bottom * ty);
    }
  }
  return out;
}

/** Every stored logo the query's parts meet by parts, by comparing each pair (the reference for the index). */
export function scanParts(stored: StoredParts, query: readonly QueryPart[], limits: PartsLimits, out: LogoMatch[]): void {
  const pairing = new Pairing(stored);
  pairing.begin();
  query.forEach((part, b) => {
    const radius = partRadius(part, limits);
    for (let v = 0; v < ORIENTATIONS; v++) for (let k = 0; k < stored.owner.length; k++) pairing.offer(part, k, v, limits, radius);
    pairing.endPart(b);
  });
  pairing.settle(query, limits, out);
}

/**
 * Substrings of the parts' index: five (13 bits each), so that a radius up to 9 probes each table's key and its
 * one-bit neighbours only. defaultSubstrings would give four for the 30,000 parts of a 10,000-logo registry, and at
 * radius 8 each table would probe every key within two bits (137 instead of 14): the parts' search took 1.4 ms a
 * query against 0.1 ms for every other kind of pair together.
 */
const PART_SUBSTRINGS = 5;

/** The stored parts in a Hamming index: each query part's orientations look up the parts within maxPhash. */
export class PartsSearch {
  private readonly index: HammingIndex;
  private readonly pairing: Pairing;

  constructor(stored: StoredParts) {
    this.index = new HammingIndex(stored.phash, PART_SUBSTRINGS);
    this.pairing = new Pairing(stored);
  }

  search(query: readonly QueryPart[], limits: PartsLimits, out: LogoMatch[]): void {
    const pairing = this.pairing;
    pairing.begin();
    const found: number[] = [];
    query.forEach((part, b) => {
      // a symmetric part has the same hash in several orientations (a disc's four mirrorings): looked up once
      const radius = partRadius(part, limits);
      for (let v = 0; v < ORIENTATIONS; v++) {
        const hi = part.phash[v * 2]!;
        const lo = part.phash[v * 2 + 1]!;
        let first = 0;
        while (part.phash[first * 2] !== hi || part.phash[first * 2 + 1] !== lo) first++;
        if (first < v) continue;
        found.length = 0;
        this.index.search(hi, lo, radius, (k) => found.push(k));
        for (let w = v; w < ORIENTATIONS; w++) {
          if (part.phash[w * 2] !== hi || part.phash[w * 2 + 1] !== lo) continue;
          for (const k of found) pairing.offer(part, k, w, limits, radius);
        }
      }
      pairing.endPart(b);
    });
    pairing.settle(query, limits, out);
  }
}
