// Comparing a query's eight orientations with one stored logo (kept as it is, orientation 0).
// Why the query turns and the index does not: the registry is the small, long-lived side, and one entry per logo
// keeps the index an eighth of the size; the query's eight orientations cost eight look-ups of one hash each, and the
// orientation that matched says how the copy was made (mirrored, turned).
import { hamming, ORIENTATIONS, type LogoHashes } from './hash';

export interface LogoDistance {
  /** the query orientation that came closest (0 as it is, 1 mirrored left-right, …; see LogoHashes) */
  orientation: number;
  /** perceptual-hash distance 0–64 in that orientation */
  phash: number;
  /** difference-hash distance 0–64 in that orientation */
  dhash: number;
}

/** Stored logos: [hi, lo] of phash and dhash at 2i, and the thumbnail (THUMB_SIDE² bytes) at i · THUMB_SIDE². */
export interface StoredHashes {
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  /** log2(width / height) of each logo's content box; without it shapes are not compared */
  aspect?: Float64Array;
  /**
   * Sub-regions of the stored logos (their crops, shared/engine/logo/regions.ts) in the same layout, each with the
   * index of the logo it belongs to: a query near a variant is near its owner.
   */
  variants?: { owner: Uint32Array; phash: Uint32Array; dhash: Uint32Array; thumb: Uint8Array; aspect?: Float64Array };
}

/** The orientation of the query minimising phash + dhash distance to the stored logo at index i. */
export function logoDistance(query: LogoHashes, stored: Pick<StoredHashes, 'phash' | 'dhash'>, i: number): LogoDistance {
  let best: LogoDistance = { orientation: 0, phash: 65, dhash: 65 };
  for (let v = 0; v < ORIENTATIONS; v++) {
    const p = hamming(query.phash, v * 2, stored.phash, i * 2);
    const d = hamming(query.dhash, v * 2, stored.dhash, i * 2);
    if (p + d < best.phash + best.dhash) best = { orientation: v, phash: p, dhash: d };
  }
  return best;
}
