// Searching stored logos with a query's eight orientations: the Hamming index over the perceptual hashes finds the
// candidates, then both hashes decide. scanLogos gives the same answer by comparing with every logo.
import { hamming, ORIENTATIONS, THUMB_SIDE, thumbCorrelation, type LogoHashes } from './hash';
import { HammingIndex } from './hamming-index';
import type { StoredHashes } from './match';

/**
 * When a query is near a stored logo: in some orientation its perceptual hash is at most maxPhash bits away, both
 * hashes together at most maxSum, and the thumbnails correlate at least minCorrelation. Chosen on the fit half of
 * the generated logo set (bench/logos/quality.ts).
 */
export interface LogoRule {
  maxPhash: number;
  maxSum: number;
  minCorrelation: number;
}

/** A query: its hashes in all eight orientations and its thumbnail as it is. */
export interface LogoQuery extends LogoHashes {
  thumb: Uint8Array;
}

export interface LogoMatch {
  /** index of the stored logo */
  index: number;
  orientation: number;
  phash: number;
  dhash: number;
  /** thumbnail correlation in that orientation */
  correlation: number;
  /** 0–1, higher nearer: the correlation, floored at 0 */
  score: number;
}

/** The best orientation of the query that meets the rule for stored logo i, or null. */
export function matchLogo(query: LogoQuery, stored: StoredHashes, i: number, rule: LogoRule): LogoMatch | null {
  let best: LogoMatch | null = null;
  for (let v = 0; v < ORIENTATIONS; v++) {
    const p = hamming(query.phash, v * 2, stored.phash, i * 2);
    if (p > rule.maxPhash) continue;
    const d = hamming(query.dhash, v * 2, stored.dhash, i * 2);
    if (p + d > rule.maxSum) continue;
    const c = thumbCorrelation(query.thumb, v, stored.thumb, i * THUMB_SIDE * THUMB_SIDE);
    if (c < rule.minCorrelation || (best && c <= best.correlation)) continue;
    best = { index: i, orientation: v, phash: p, dhash: d, correlation: c, score: Math.max(0, c) };
  }
  return best;
}

const byScore = (a: LogoMatch, b: LogoMatch) => b.score - a.score || a.index - b.index;

export class LogoIndex {
  private readonly index: HammingIndex;
  private readonly candidates: number[] = [];
  private readonly seen: Uint8Array;

  constructor(readonly stored: StoredHashes) {
    this.index = new HammingIndex(stored.phash);
    this.seen = new Uint8Array(this.index.size);
  }

  get size(): number {
    return this.index.size;
  }

  /** Every stored logo the query is near under the rule, nearest first. */
  search(query: LogoQuery, rule: LogoRule): LogoMatch[] {
    const candidates = this.candidates;
    candidates.length = 0;
    const collect = (i: number) => {
      if (this.seen[i]) return;
      this.seen[i] = 1;
      candidates.push(i);
    };
    for (let v = 0; v < ORIENTATIONS; v++) this.index.search(query.phash[v * 2]!, query.phash[v * 2 + 1]!, rule.maxPhash, collect);
    const out: LogoMatch[] = [];
    for (const i of candidates) {
      this.seen[i] = 0;
      const m = matchLogo(query, this.stored, i, rule);
      if (m) out.push(m);
    }
    return out.sort(byScore);
  }
}

/** Every stored logo the query is near, by comparing with each one (the reference for tests and the benchmark). */
export function scanLogos(stored: StoredHashes, query: LogoQuery, rule: LogoRule): LogoMatch[] {
  const out: LogoMatch[] = [];
  for (let i = 0, n = stored.phash.length >>> 1; i < n; i++) {
    const m = matchLogo(query, stored, i, rule);
    if (m) out.push(m);
  }
  return out.sort(byScore);
}
