// How a logo's parts lie in a query (parts.ts cuts them, parts-match.ts pairs them by their hashes): pairs of parts
// agree when one orientation, one scale and one placement carry the stored parts onto the query's — the arrangement
// is what tells a copy from a filing that uses the same elements laid out otherwise — and the stored parts no pair
// placed are looked for where the arrangement puts them, hidden in part or grown by an element added against them.
// Pure.
import { THUMB_SIDE } from './hash';
import type { PartPlace } from './parts';
import type { Box } from './regions';

/** One stored part (by its place among its logo's parts) meeting one query part in one orientation. */
export interface PartPair {
  stored: number;
  query: number;
  orientation: number;
  phash: number;
  dhash: number;
  correlation: number;
}

/**
 * Stored parts that no pair of hashes placed, looked for where an arrangement puts them (partsAgree): a query part
 * there at the same scale whose thumbnail correlates at least minCorrelation (correlation(stored, query, orientation))
 * counts toward the share, not toward minParts.
 */
export interface HiddenParts {
  minCorrelation: number;
  correlation: (stored: number, query: number, orientation: number) => number;
  /**
   * The correlation of stored part `stored` with the cells of query part `query`'s thumbnail that `cells` covers
   * (x0, y0, x1, y1 in thumbnail cells, fractions allowed) in that orientation: a part grown by an element added so
   * that it touches it (placeHidden). Without it, no grown part is looked for.
   */
  within?: (stored: number, query: number, orientation: number, cells: Box) => number;
  /**
   * Whether query part `query` is an element without symmetry (its perceptual hash all 64 bits, and not an even
   * patch such as a bar, whose bits say nothing). A shrunk part is looked for
   * only under an arrangement that holds such a pair (shrunkWithin); without it, none is.
   */
  asymmetric?: (query: number) => boolean;
}

/**
 * A hidden part may have grown: an element added so that it touches the part joins its region, and the query's
 * part holds the stored one where the arrangement puts it plus the element. Looked for in a query part whose box
 * holds the carried box (within the arrangement's reach on each side) and spans at most this many times its area,
 * the carried box's cells of its thumbnail correlating at least GROWN_PART_CORRELATION with the stored part.
 */
const GROWN_MAX_AREA = 3;
const GROWN_PART_CORRELATION = 0.8;
/** The carried box must cover at least this many cells of the grown part's thumbnail each way (a sliver says nothing). */
const GROWN_MIN_CELLS = 8;

/** How strictly the arrangement must agree. */
export interface PartsArrangement {
  /** the farthest a part's centre may lie from where the anchor pair puts it, as a share of the stored figure's side */
  tolerance: number;
  /** log2 of the largest ratio between two pairs' scales */
  maxScale: number;
  /** at least this many of the stored logo's parts must agree, */
  minParts: number;
  /** holding at least this share of its ink */
  minShare: number;
}

export interface PartsAgreement {
  /** the query's orientation that carries the stored parts onto it */
  orientation: number;
  /** the share of the stored logo's ink in the parts that agree */
  share: number;
  /** the agreeing pairs' thumbnail correlations, weighted by their stored shares */
  correlation: number;
  parts: number;
  /** the anchor pair's distances */
  phash: number;
  dhash: number;
}

/**
 * Where the query's orientation v puts an offset (dx, dy) of the stored figure, as hash.ts orient turns the query:
 * orientation bit 4 transposes, bit 1 mirrors across, bit 2 down.
 */
export function turned(dx: number, dy: number, v: number): [number, number] {
  let a = v & 4 ? dy : dx;
  let b = v & 4 ? dx : dy;
  if (v & 1) a = -a;
  if (v & 2) b = -b;
  return [a, b];
}

const centre = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const boxArea = (b: Box) => Math.max(1, b[2] - b[0]) * Math.max(1, b[3] - b[1]);

/**
 * Where an anchor pair carries the stored figure onto the query: its orientation, its scale (the square root of the
 * boxes' areas' ratio), the two centres, and how far from where it is carried a part may lie.
 */
interface Frame {
  v: number;
  scale: number;
  from: [number, number];
  to: [number, number];
  reach: number;
}

/** Whether the query's box lies where the frame carries the stored box, at the frame's scale. */
function liesWhere(frame: Frame, storedBox: Box, queryBox: Box, maxScale: number): boolean {
  if (Math.abs(Math.log2(Math.sqrt(boxArea(queryBox) / boxArea(storedBox)) / frame.scale)) > maxScale) return false;
  const [cx, cy] = centre(storedBox);
  const [dx, dy] = turned(cx - frame.from[0], cy - frame.from[1], frame.v);
  const [px, py] = centre(queryBox);
  return Math.hypot(frame.to[0] + frame.scale * dx - px, frame.to[1] + frame.scale * dy - py) <= frame.reach;
}

/**
 * A part hidden in part may also have shrunk: an element drawn over its side takes that side off its box, and its
 * centre moves with it, further than the arrangement's tolerance (seed 13's changed copies: a ring whose arc became
 * a crescent over its side, its box 0.82 of the stored one and its centre 4.9 px off where 3.8 were allowed). Such
 * a query part counts where it lies inside the box the frame carries the stored one to (within the frame's reach
 * on each side) and covers at least this share of its area; its thumbnail must still correlate (HiddenParts). At
 * 0.3 the fit halves of three draws of the logo set found the same (logo/MEASUREMENTS.md, "A part shrunk by an element
 * over its side"). Looser in place than a part hidden at its size, it is looked for only when one of the pairs that
 * carry it is an element without symmetry (HiddenParts.asymmetric): a ring and the ground it encloses, paired as two
 * parts, carried a disc onto a hexagon of another firm's (seed 7's holdout), and rings are what marks most share.
 */
const SHRUNK_MIN_AREA = 0.5;

/** Whether the query's box lies inside where the frame carries the stored box and covers at least SHRUNK_MIN_AREA of it. */
function shrunkWithin(frame: Frame, storedBox: Box, queryBox: Box): boolean {
  const e = carried(frame, storedBox);
  const q = queryBox;
  if (q[0] < e[0] - frame.reach || q[1] < e[1] - frame.reach || q[2] > e[2] + frame.reach || q[3] > e[3] + frame.reach) return false;
  return boxArea(q) >= SHRUNK_MIN_AREA * boxArea(e);
}

/** The share and the correlation-weighted share of the parts placed so far under one anchor. */
interface Placed {
  usedStored: Set<number>;
  usedQuery: Set<number>;
  share: number;
  weighted: number;
}

/**
 * The stored parts no pair placed, each looked for where the frame carries it (HiddenParts): a part partly hidden by
 * a changed or added element that overlaps it has other hashes, but lies there at the same scale (or inside where it
 * is carried, shrunk: shrunkWithin), its drawing still alike. Each found is added to `placed`.
 */
function placeHidden(frame: Frame, stored: readonly PartPlace[], query: readonly PartPlace[], maxScale: number, hidden: HiddenParts, placed: Placed): void {
  const shrunk = hidden.asymmetric !== undefined && [...placed.usedQuery].some(hidden.asymmetric);
  for (let k = 0; k < stored.length; k++) {
    if (placed.usedStored.has(k)) continue;
    let bestQuery = -1;
    let bestCorrelation = hidden.minCorrelation;
    for (let b = 0; b < query.length; b++) {
      if (placed.usedQuery.has(b)) continue;
      if (!liesWhere(frame, stored[k]!.box, query[b]!.box, maxScale) && !(shrunk && shrunkWithin(frame, stored[k]!.box, query[b]!.box))) continue;
      const c = hidden.correlation(k, b, frame.v);
      if (c >= bestCorrelation) {
        bestCorrelation = c;
        bestQuery = b;
      }
    }
    if (bestQuery < 0 && hidden.within) [bestQuery, bestCorrelation] = grownPart(frame, stored[k]!.box, k, query, hidden, placed);
    if (bestQuery < 0) continue;
    placed.usedStored.add(k);
    placed.usedQuery.add(bestQuery);
    placed.share += stored[k]!.share;
    placed.weighted += stored[k]!.share * bestCorrelation;
  }
}

/** The stored box as the frame carries it into the query: its centre carried, its sides scaled (and swapped by a transposing orientation). */
function carried(frame: Frame, box: Box): Box {
  const [cx, cy] = centre(box);
  const [dx, dy] = turned(cx - frame.from[0], cy - frame.from[1], frame.v);
  const x = frame.to[0] + frame.scale * dx;
  const y = frame.to[1] + frame.scale * dy;
  const w = (frame.scale * (frame.v & 4 ? box[3] - box[1] : box[2] - box[0])) / 2;
  const h = (frame.scale * (frame.v & 4 ? box[2] - box[0] : box[3] - box[1])) / 2;
  return [x - w, y - h, x + w, y + h];
}

/**
 * A query part not yet used that holds stored part k grown (HiddenParts.within, GROWN_MAX_AREA), with the best
 * correlation of at least GROWN_PART_CORRELATION: [query part, correlation], or [−1, 0].
 */
function grownPart(frame: Frame, box: Box, k: number, query: readonly PartPlace[], hidden: HiddenParts, placed: Placed): [number, number] {
  const e = carried(frame, box);
  const area = Math.max(1, (e[2] - e[0]) * (e[3] - e[1]));
  let best: [number, number] = [-1, 0];
  for (let b = 0; b < query.length; b++) {
    const q = query[b]!.box;
    if (placed.usedQuery.has(b) || boxArea(q) > GROWN_MAX_AREA * area) continue;
    if (q[0] > e[0] + frame.reach || q[1] > e[1] + frame.reach || q[2] < e[2] - frame.reach || q[3] < e[3] - frame.reach) continue;
    const sx = THUMB_SIDE / Math.max(1, q[2] - q[0]);
    const sy = THUMB_SIDE / Math.max(1, q[3] - q[1]);
    const cells: Box = [Math.max(0, (e[0] - q[0]) * sx), Math.max(0, (e[1] - q[1]) * sy), Math.min(THUMB_SIDE, (e[2] - q[0]) * sx), Math.min(THUMB_SIDE, (e[3] - q[1]) * sy)];
    if (cells[2] - cells[0] < GROWN_MIN_CELLS || cells[3] - cells[1] < GROWN_MIN_CELLS) continue;
    const c = hidden.within!(k, b, frame.v, cells);
    if (c >= Math.max(GROWN_PART_CORRELATION, best[1])) best = [b, c];
  }
  return best;
}

/**
 * The best arrangement of the stored logo's parts found in the query, or null when none meets `limits`. Each pair
 * in turn is the anchor: its orientation, its scale (the square root of the boxes' areas' ratio) and its centres
 * carry every other stored part to a place in the query, and a pair in the same orientation whose query part lies
 * there (and at the same scale) agrees. Each stored and each query part is used once. With `hidden`, an arrangement
 * of at least minParts pairs that holds too little of the ink is made up by the parts hidden in part that lie where
 * it carries them (placeHidden). The answer does not depend on the order of `pairs`.
 */
export function partsAgree(
  pairs: readonly PartPair[], stored: readonly PartPlace[], query: readonly PartPlace[], limits: PartsArrangement,
  hidden?: HiddenParts,
): PartsAgreement | null {
  const sorted = [...pairs].sort((a, b) => a.stored - b.stored || a.query - b.query || a.orientation - b.orientation);
  if (new Set(sorted.map((p) => p.stored)).size < limits.minParts) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of stored) {
    x0 = Math.min(x0, p.box[0]);
    y0 = Math.min(y0, p.box[1]);
    x1 = Math.max(x1, p.box[2]);
    y1 = Math.max(y1, p.box[3]);
  }
  const side = Math.max(x1 - x0, y1 - y0, 1);
  let best: PartsAgreement | null = null;
  for (const anchor of sorted) {
    const scale = Math.sqrt(boxArea(query[anchor.query]!.box) / boxArea(stored[anchor.stored]!.box));
    const frame: Frame = { v: anchor.orientation, scale, from: centre(stored[anchor.stored]!.box), to: centre(query[anchor.query]!.box), reach: limits.tolerance * scale * side };
    const share = stored[anchor.stored]!.share;
    const placed: Placed = { usedStored: new Set([anchor.stored]), usedQuery: new Set([anchor.query]), share, weighted: share * anchor.correlation };
    for (const p of sorted) {
      if (p.orientation !== frame.v || placed.usedStored.has(p.stored) || placed.usedQuery.has(p.query)) continue;
      if (!liesWhere(frame, stored[p.stored]!.box, query[p.query]!.box, limits.maxScale)) continue;
      placed.usedStored.add(p.stored);
      placed.usedQuery.add(p.query);
      placed.share += stored[p.stored]!.share;
      placed.weighted += stored[p.stored]!.share * p.correlation;
    }
    if (placed.usedStored.size < limits.minParts) continue;
    if (placed.share < limits.minShare && hidden) placeHidden(frame, stored, query, limits.maxScale, hidden, placed);
    if (placed.share < limits.minShare) continue;
    const correlation = placed.weighted / placed.share;
    // the larger share wins, then the higher correlation; the sorted order breaks exact ties the same way every time
    if (!best || placed.share > best.share + 1e-12 || (Math.abs(placed.share - best.share) <= 1e-12 && correlation > best.correlation + 1e-12)) {
      best = { orientation: frame.v, share: placed.share, correlation, parts: placed.usedStored.size, phash: anchor.phash, dhash: anchor.dhash };
    }
  }
  return best;
}
