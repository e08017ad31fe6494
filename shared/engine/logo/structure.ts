// Structural similarity (SSIM) of two thumbnails, window by window: a second opinion on a pair whose thumbnails
// correlate a little under the rule's limit. A scan's grain, a JPEG's blocks or a changed stroke lower the one
// correlation over the whole square, yet most windows of a copy still agree in brightness, contrast and pattern;
// another logo laid out alike (a figure above a short name) correlates as well overall while its windows over the
// figure and the name differ. Pure.
import { pairSums, pairSumsBuffer, THUMB_SIDE } from './hash';

/** Side of a window and the step between windows (half-overlapping). */
const WINDOW = 8;
const STEP = 4;
/** The usual SSIM constants for 8-bit pixels (Wang et al. 2004): they keep flat windows from dividing by nothing. */
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

/**
 * Mean SSIM of thumbnail q in orientation v (as thumbCorrelation reads it, hash.ts) with the thumbnail s at sAt,
 * over 8 × 8 windows a step of 4 apart: 1 for the same thumbnail, lower as they differ.
 */
export function thumbStructure(q: Uint8Array, v: number, s: Uint8Array, sAt = 0): number {
  const m = WINDOW * WINDOW;
  let total = 0;
  let windows = 0;
  for (let y0 = 0; y0 + WINDOW <= THUMB_SIDE; y0 += STEP) {
    for (let x0 = 0; x0 + WINDOW <= THUMB_SIDE; x0 += STEP) {
      const sums = pairSums(q, v, s, sAt, x0, y0, WINDOW, windowSums);
      const mq = sums[0]! / m;
      const ms = sums[1]! / m;
      const vq = sums[2]! / m - mq * mq;
      const vs = sums[3]! / m - ms * ms;
      const cov = sums[4]! / m - mq * ms;
      total += ((2 * mq * ms + C1) * (2 * cov + C2)) / ((mq * mq + ms * ms + C1) * (vq + vs + C2));
      windows++;
    }
  }
  return total / windows;
}

/** One window's sums, reused: one pair is compared at a time. */
const windowSums = pairSumsBuffer();
