// Ink images drawn pixel by pixel for the logo tests: what prepare.ts inkImage gives, without decoding anything.
import type { GrayImage } from '../../../../shared/engine/logo/prepare';

/** A white square of `side` pixels with the given pixels set black (ink dark on light, as the ink image is). */
export function drawnInk(set: (x: number, y: number) => boolean, side = 120): GrayImage {
  const data = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) if (set(x, y)) data[y * side + x] = 0;
  return { width: side, height: side, data };
}
