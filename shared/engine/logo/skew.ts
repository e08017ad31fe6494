// A copy turned by a few degrees — a gazette page scanned askew, a listing's photo taken at a slant, a squatter's
// tilt — is none of the eight orientations the hashes cover: turned 3° a logo was found 76 times in 100, turned 5°
// 12 times (logo/MEASUREMENTS.md, "Tilted copies"). Most marks are drawn square to the page (a name's baseline, a bar, a
// border), so a query whose ink lines up with the rows and columns better at another angle is turned back by it.
// Angles are in degrees, positive clockwise on screen (y down).
import type { GrayImage } from './prepare';
import { SKEW_WASM } from './skew-wasm';
import { wasmKernel } from './wasm-kernel';

/**
 * The largest tilt looked for, either way. Over the whole quarter turn (±45°) copies turned 20–41° were found too, but
 * every other layout of a lone figure turned back onto it: twice the negatives flagged (logo/MEASUREMENTS.md, "Tilted
 * copies"); a scan or a photo is rarely tilted further.
 */
export const MAX_SKEW = 15;
/** A tilt smaller than this is left: the hashes meet a copy turned 1° (98 of 100) and an estimate is good to about 1°. */
export const MIN_SKEW = 1.5;
/**
 * How much sharper the ink's profiles must be at the tilt found than square to the image: a disc or a star lines up
 * no better at any angle, and turning it by a chance angle would only search the same figure twice.
 */
export const MIN_GAIN = 1.08;

/** Changes of ink from a pixel to the next smaller than this (0–255, across and down together) are no step. */
const STEP_FLOOR = 16;
/**
 * The search's steps: every 3° over ±MAX_SKEW, then at 1° and at 0.25° round the best so far (as many tilted copies
 * found on the probe as every 2°, then 0.5° and 0.25°, in fewer evaluations).
 */
const STEPS = [3, 1, 0.25];

/**
 * The tilt of a figure, or 0 when its ink lines up at no angle within ±MAX_SKEW clearly better (MIN_GAIN) than square
 * to the image, or the angle is under MIN_SKEW. The measure is the sharpness of the ink's projections on rows and on
 * columns (the sum of squared steps between neighbouring bins), largest when a baseline, a bar's sides or a border run
 * along a row or a column.
 */
export function skewOf(img: GrayImage, box: readonly [number, number, number, number]): number {
  const { count, sharpness } = inkProfiles(img, box);
  if (count < 16) return 0;
  const square = sharpness(0);
  let best = 0;
  let bestSharpness = square;
  for (let a = -MAX_SKEW - 1; a <= MAX_SKEW + 1; a += STEPS[0]!) {
    const s = sharpness(a);
    if (s > bestSharpness) [best, bestSharpness] = [a, s];
  }
  for (let k = 1; k < STEPS.length; k++) {
    const centre = best;
    const span = STEPS[k - 1]! - STEPS[k]!;
    for (let a = centre - span; a <= centre + span + 1e-9; a += STEPS[k]!) {
      if (a === centre) continue;
      const s = sharpness(a);
      if (s > bestSharpness) [best, bestSharpness] = [a, s];
    }
  }
  return Math.abs(best) >= MIN_SKEW && bestSharpness >= square * MIN_GAIN ? best : 0;
}

interface SkewExports {
  inkSteps(data: number, width: number, height: number, x0: number, y0: number, x1: number, y1: number, cx: number, cy: number, floor: number, steps: number): number;
  sharpness(steps: number, count: number, c: number, s: number, reach: number, rows: number, cols: number, bins: number): number;
  turnBack(data: number, width: number, height: number, c: number, s: number, outW: number, outH: number, bg: number, out: number): void;
}

/**
 * The two loops over the ink and the turn back in WebAssembly (assembly/skew.ts) with the arithmetic of the
 * JavaScript they replaced: a profile is evaluated some twenty times a figure, over every step of its ink.
 */
const kernel = wasmKernel<SkewExports>(SKEW_WASM);
/** The turn back in an instance of its own: inkProfiles' steps stay in the other's memory for as long as it is held. */
const turnKernel = wasmKernel<SkewExports>(SKEW_WASM);

/**
 * The ink's steps — where it changes from a pixel to the next across or down by at least STEP_FLOOR, at the
 * midpoints, centred on the box; a profile's steps come from these alone (a row's ink minus the row above's is the
 * sum of the steps down along it), and they are a fraction of the inked pixels — laid out in the kernel's memory, and
 * the sharpness of their row and column profiles with the ink turned back by an angle (a function of it): the sum of
 * the profiles' squared steps, each step the sum of the ink's steps along the turned row (column) across it.
 * `count` is how many steps there are. The steps live in the kernel's memory: `sharpness` answers for this box until
 * inkProfiles is called again in the same thread.
 */
export function inkProfiles(img: GrayImage, box: readonly [number, number, number, number]): { count: number; sharpness: (degrees: number) => number } {
  const cap = (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
  const reach = Math.ceil(Math.hypot(box[2] - box[0], box[3] - box[1]) / 2) + 4;
  const bins = 2 * reach + 2;
  const k = kernel();
  const { at, heap } = k.reserve([img.data.length, 32 * cap, 8 * bins, 8 * bins]);
  const [data, steps, rows, cols] = at as [number, number, number, number];
  heap.set(img.data, data);
  const count = k.exports.inkSteps(data, img.width, img.height, box[0], box[1], box[2], box[3], (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, STEP_FLOOR, steps);
  return {
    count,
    sharpness: (degrees) => {
      const t = (degrees * Math.PI) / 180;
      return k.exports.sharpness(steps, count, Math.cos(t), Math.sin(t), reach, rows, cols, bins);
    },
  };
}

/**
 * 3-channel pixels turned by −degrees about their centre (bilinear), on a canvas large enough to hold every corner,
 * the uncovered ground filled with the background colour: a tilted figure turned back square.
 */
export function turnBack(data: Uint8Array, width: number, height: number, degrees: number, background: readonly number[]): { width: number; height: number; data: Uint8Array } {
  const t = (degrees * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const outW = Math.ceil(Math.abs(width * c) + Math.abs(height * s));
  const outH = Math.ceil(Math.abs(width * s) + Math.abs(height * c));
  const k = turnKernel();
  const { at, heap } = k.reserve([width * height * 3, 3 * 8, outW * outH * 3]);
  const [src, bg, out] = at as [number, number, number];
  heap.set(data.subarray(0, width * height * 3), src);
  new Float64Array(heap.buffer, bg, 3).set(background.slice(0, 3));
  k.exports.turnBack(src, width, height, c, s, outW, outH, bg, out);
  return { width: outW, height: outH, data: heap.slice(out, out + outW * outH * 3) };
}
