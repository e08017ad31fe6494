// Two whole figures held together by one element left as it was (limits.ts ANCHORED_WHOLE): when a copy changes an
// element that overlaps the main figure, the figure's blob and colour regions are cut otherwise and no second part
// pairs by its hashes, so matching by parts (parts.ts) needs two pairs in vain; the whole figures still lie near and
// most of their colour cells agree, as the same elements laid out otherwise may too. What tells the copy is an
// element of the logo found unchanged in its place: one part pair under the parts' limits, in the orientation the
// whole figures met in, at the same place and size within the figure — and an element without symmetry, or a minor
// one: a ring, a disc, a star, a diamond or a bar drawn as the figure is what unrelated marks most share, and beside
// a name of their own it lies in its place as often as a copy's does (logo/MEASUREMENTS.md, "An element left as it was,
// measured"). Pure.
import { ASYMMETRIC, hamming, THUMB_SIDE, thumbCorrelation } from './hash';
import type { StoredParts } from './match';
import { turned } from './arrangement';
import { type Box, unionBox } from './regions';
import { partRadius, type PartsLimits, type QueryPart } from './parts-match';

/** Where a part lies in its figure: its centre's offset from the parts' joint box's centre and its size, both over that box's longer side. */
interface Place {
  dx: number;
  dy: number;
  size: number;
}

function placeIn(box: Box, joint: Box): Place {
  const side = Math.max(joint[2] - joint[0], joint[3] - joint[1], 1);
  return {
    dx: ((box[0] + box[2]) / 2 - (joint[0] + joint[2]) / 2) / side,
    dy: ((box[1] + box[3]) / 2 - (joint[1] + joint[3]) / 2) / side,
    size: Math.sqrt(Math.max(1, box[2] - box[0]) * Math.max(1, box[3] - box[1])) / side,
  };
}

/**
 * A symmetric part anchors only when it holds at most this share of the logo's ink (a minor element): as the figure
 * itself (a ring with a name) it anchored 9 of the 10,000-logo registry's 9,000 unrelated drawings more; up to 0.6
 * none, at 0.8 four (logo/MEASUREMENTS.md, "An element left as it was, measured").
 */
const SYMMETRIC_ANCHOR_SHARE = 0.3;

/**
 * Whether one of the query's parts pairs with a part of stored logo `logo` — without symmetry, or a minor one
 * (SYMMETRIC_ANCHOR_SHARE) — under the parts' pair
 * limits in orientation v, lying where that part lies in the logo (within `tolerance` of the figure's longer side,
 * its size within 2^limits.maxScale).
 */
export function anchoredInPlace(query: readonly QueryPart[], stored: StoredParts, logo: number, v: number, limits: PartsLimits, tolerance: number): boolean {
  const from = stored.first[logo]!;
  const to = stored.first[logo + 1]!;
  if (to === from || query.length === 0) return false;
  const storedJoint = unionBox(stored.places.slice(from, to).map((p) => p.box));
  const queryJoint = unionBox(query.map((q) => q.box));
  const T = THUMB_SIDE * THUMB_SIDE;
  for (let k = from; k < to; k++) {
    const s = placeIn(stored.places[k]!.box, storedJoint);
    const [ex, ey] = turned(s.dx, s.dy, v);
    for (const q of query) {
      if (q.informative < ASYMMETRIC && stored.places[k]!.share > SYMMETRIC_ANCHOR_SHARE) continue;
      if (limits.maxAspect !== undefined && Math.abs((v & 4 ? -q.aspect : q.aspect) - stored.aspect[k]!) > limits.maxAspect) continue;
      const p = hamming(q.phash, v * 2, stored.phash, k * 2);
      if (p > partRadius(q, limits)) continue;
      if (p + hamming(q.dhash, v * 2, stored.dhash, k * 2) > limits.maxSum) continue;
      const at = placeIn(q.box, queryJoint);
      if (Math.hypot(at.dx - ex, at.dy - ey) > tolerance || Math.abs(Math.log2(at.size / s.size)) > limits.maxScale) continue;
      if (thumbCorrelation(q.thumb, v, stored.thumb, k * T) < limits.minCorrelation) continue;
      return true;
    }
  }
  return false;
}
