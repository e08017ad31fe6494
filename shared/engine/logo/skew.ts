// A copy turned by a few degrees — a gazette page scanned askew, a listing's photo taken at a slant, a squatter's
// tilt — is none of the eight orientations the hashes cover: turned 3° a logo was found 76 times in 100, turned 5°
// 12 times (logo/MEASUREMENTS.md, "Tilted copies"). Most marks are drawn square to the page (a name's baseline, a bar, a
// border), so a query whose ink lines up with the rows and columns better at another angle is turned back by it.
// Angles are in degrees, positive clockwise on screen (y down).
import type { GrayImage } from './prepare';

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
  const ink = inkSteps(img, box);
  if (ink.count < 16) return 0;
  const sharpness = profileSharpness(ink, box);
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

/** The ink's steps to the next pixel across (dx) and down (dy) where it changes, at the midpoints, centred on the box. */
interface InkSteps {
  x: Float64Array;
  y: Float64Array;
  dx: Float64Array;
  dy: Float64Array;
  count: number;
}

let scratch: InkSteps = { x: new Float64Array(0), y: new Float64Array(0), dx: new Float64Array(0), dy: new Float64Array(0), count: 0 };

/**
 * Where the ink changes from a pixel to the next across or down by at least STEP_FLOOR: a profile's steps come from
 * these alone (a row's ink minus the row above's is the sum of the steps down along it), and they are a fraction of
 * the inked pixels.
 */
function inkSteps(img: GrayImage, box: readonly [number, number, number, number]): InkSteps {
  const cap = (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
  // one set of arrays for every call, grown when a box needs more: allocating four arrays the box's size a call cost
  // as much as the search over angles
  if (scratch.x.length < cap) scratch = { x: new Float64Array(cap), y: new Float64Array(cap), dx: new Float64Array(cap), dy: new Float64Array(cap), count: 0 };
  const out = scratch;
  out.count = 0;
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const { width, height, data } = img;
  // one pixel beyond the box each way, where the ink ends
  for (let y = Math.max(0, box[1] - 1); y < Math.min(height - 1, box[3]); y++) {
    for (let x = Math.max(0, box[0] - 1); x < Math.min(width - 1, box[2]); x++) {
      const i = y * width + x;
      // ink is 255 − level: a step in ink is minus the step in level
      const dx = data[i]! - data[i + 1]!;
      const dy = data[i]! - data[i + width]!;
      if (Math.abs(dx) + Math.abs(dy) < STEP_FLOOR) continue;
      out.x[out.count] = x + 0.5 - cx;
      out.y[out.count] = y + 0.5 - cy;
      out.dx[out.count] = dx / 255;
      out.dy[out.count++] = dy / 255;
    }
  }
  return out;
}

/**
 * The sharpness of the ink's row and column profiles with the ink turned back by the angle (a function of it): the
 * sum of their squared steps, each step the sum of the ink's steps along the turned row (column) across it.
 */
function profileSharpness(ink: InkSteps, box: readonly [number, number, number, number]): (degrees: number) => number {
  const reach = Math.ceil(Math.hypot(box[2] - box[0], box[3] - box[1]) / 2) + 4;
  const rows = new Float64Array(2 * reach + 2);
  const cols = new Float64Array(2 * reach + 2);
  return (degrees) => {
    const t = (degrees * Math.PI) / 180;
    const c = Math.cos(t);
    const s = Math.sin(t);
    rows.fill(0);
    cols.fill(0);
    for (let k = 0; k < ink.count; k++) {
      const x = ink.x[k]!;
      const y = ink.y[k]!;
      const dx = ink.dx[k]!;
      const dy = ink.dy[k]!;
      // the step across a turned row is the ink's change along the turned column direction, and so on
      spread(rows, reach + y * c - x * s, dy * c - dx * s);
      spread(cols, reach + x * c + y * s, dx * c + dy * s);
    }
    let e = 0;
    for (let i = 0; i < rows.length; i++) e += rows[i]! * rows[i]! + cols[i]! * cols[i]!;
    return e;
  };
}

function spread(profile: Float64Array, at: number, w: number): void {
  const i = Math.floor(at);
  const f = at - i;
  profile[i] = profile[i]! + w * (1 - f);
  profile[i + 1] = profile[i + 1]! + w * f;
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
  const out = new Uint8Array(outW * outH * 3);
  const icx = (width - 1) / 2;
  const icy = (height - 1) / 2;
  const ocx = (outW - 1) / 2;
  const ocy = (outH - 1) / 2;
  const at = (x: number, y: number, ch: number) => (x < 0 || y < 0 || x >= width || y >= height ? background[ch]! : data[(y * width + x) * 3 + ch]!);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      // the output pixel turned forward by the angle lands where the tilted figure drew it
      const dx = ox - ocx;
      const dy = oy - ocy;
      const sx = icx + dx * c - dy * s;
      const sy = icy + dx * s + dy * c;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (oy * outW + ox) * 3;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        // inside: the four neighbours read directly (most pixels; the bounds-checked read below is for the rim)
        const p = (y0 * width + x0) * 3;
        const q = p + width * 3;
        for (let ch = 0; ch < 3; ch++) {
          const top = data[p + ch]! * (1 - fx) + data[p + 3 + ch]! * fx;
          const bottom = data[q + ch]! * (1 - fx) + data[q + 3 + ch]! * fx;
          out[o + ch] = Math.round(top * (1 - fy) + bottom * fy);
        }
        continue;
      }
      for (let ch = 0; ch < 3; ch++) {
        const top = at(x0, y0, ch) * (1 - fx) + at(x0 + 1, y0, ch) * fx;
        const bottom = at(x0, y0 + 1, ch) * (1 - fx) + at(x0 + 1, y0 + 1, ch) * fx;
        out[o + ch] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { width: outW, height: outH, data: out };
}
