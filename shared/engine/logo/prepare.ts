// From decoded gray pixels to the normalised square the hashes read: the logo cropped to its content, stretched to
// full contrast, dark on light, and resampled to HASH_SIDE × HASH_SIDE. Pure (the decoding is electron/logos/).
// Every step is symmetric under mirroring and quarter turns, so the hash of a turned image is the turned hash.

import { INK_WASM } from './ink-wasm';
import { resampleArea, resampleChannels } from './resample';
import { wasmKernel } from './wasm-kernel';

interface InkExports {
  inkImage(
    data: number, width: number, height: number, channels: number, bg: number, distance: number, border: number, levels: number, out: number,
    inkFloor: number, inkFull: number, colourEdge: number, colourEdgeFull: number, borderLevel: number,
  ): void;
  contentMask(data: number, w: number, h: number, background: number, difference: number, speckArea: number, across: number, runs: number, mask: number): void;
  maskCounts(mask: number, skip: number, skipping: boolean, width: number, x0: number, columns: number, rows: number, rowCounts: number, columnCounts: number): void;
}

/**
 * The passes of inkImage, contentMask and maskBox over every pixel, which each decoded logo meets first, in WebAssembly
 * (assembly/ink.ts) with the arithmetic of the JavaScript they replaced; the thresholds stay here and are passed in.
 */
const inkKernel = wasmKernel<InkExports>(INK_WASM);

/** A decoded 8-bit gray image, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Side of the square the hashes are computed from (the DCT reads its 8 × 8 lowest frequencies). */
export const HASH_SIDE = 32;

/** A pixel is content when it differs from the background by more than this (of 255). */
const CONTENT_DIFFERENCE = 24;
/**
 * A row or column belongs to the logo only when this share of it (at least 4 pixels: a speck spreads to 3 in the
 * 3 × 3 mean) is content, so that scan specks and a JPEG's ringing do not widen the crop.
 */
const CONTENT_SHARE = 0.03;
/**
 * A content blob of at most this many pixels (8-connected, in the decoded image ≤ DECODE_SIDE²) is a speck, not
 * content: a scan's specks and a JPEG's stray blocks come to 1–18 pixels in the generated set's scans, the smallest
 * element of its 1,000 registry logos to 27. Specks enough in one row would otherwise widen the box by a fifth.
 */
const SPECK_AREA = 16;
/** Below this spread of gray levels the crop is not stretched. */
const MIN_CONTRAST = 16;

export interface Prepared {
  /** HASH_SIDE² gray levels 0–255, background light. */
  pixels: Float64Array;
  /** The content box in the decoded image [x0, y0, x1, y1). */
  box: [number, number, number, number];
}

/**
 * The shape of a box as log2(width / height): the hash square stretches every box to a square, so a bar and a
 * square, a wide layout and a tall one, would look alike without it. A quarter turn negates it.
 */
export function aspectOf(box: readonly [number, number, number, number]): number {
  // in 1/32 steps, as the images table keeps it (electron/logos/stored-features.ts)
  // + 0 turns a rounded −0 into 0, as the stored byte reads back
  return Math.round(Math.log2(Math.max(1, box[2] - box[0]) / Math.max(1, box[3] - box[1])) * 32) / 32 + 0;
}

/** The gray level of the background: the median of the border pixels. */
export function backgroundLevel(img: GrayImage): number {
  return borderMedian(img.data, img.width, img.height, 1, 0);
}

/** borderMedian's counts, cleared at each call: it runs for every square a logo is hashed from. */
const borderCounts = new Uint32Array(256);

/**
 * The median of channel `channel` (of `channels` a pixel) of the border pixels of the w × h pixels in `data` (top
 * and bottom rows, then the sides' inner pixels), each value read as a byte.
 */
function borderMedian(data: ArrayLike<number>, w: number, h: number, channels: number, channel: number): number {
  const counts = borderCounts.fill(0);
  const bottom = (h - 1) * w;
  for (let x = 0; x < w; x++) {
    counts[data[x * channels + channel]! & 255]!++;
    if (h > 1) counts[data[(bottom + x) * channels + channel]! & 255]!++;
  }
  for (let y = 1; y < h - 1; y++) {
    counts[data[y * w * channels + channel]! & 255]!++;
    if (w > 1) counts[data[(y * w + w - 1) * channels + channel]! & 255]!++;
  }
  const n = (h > 1 ? 2 * w : w) + Math.max(0, h - 2) * (w > 1 ? 2 : 1);
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen * 2 >= n) return v;
  }
  return 255;
}

/**
 * The box of rows and columns that carry content, or null for a blank image. A pixel is content when the mean of its
 * 3 × 3 neighbourhood differs from the background: the mean takes scan grain down to a third.
 */
export function contentBox(img: GrayImage, background: number): [number, number, number, number] | null {
  return maskBox(contentMask(img, background), img.width, [0, 0, img.width, img.height]);
}

/**
 * 1 for each pixel whose 3 × 3 mean differs from the background (a gray level, as backgroundLevel gives it) by more
 * than CONTENT_DIFFERENCE, but for specks (blobs of SPECK_AREA pixels or fewer).
 */
export function contentMask(img: GrayImage, background: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const k = inkKernel();
  // the row sums as u16; a run of set pixels takes 16 bytes, and a row holds at most ⌈w / 2⌉ of them
  const { at, heap } = k.reserve([n, n * 2, Math.ceil(w / 2) * h * 16, n]);
  const [src, across, runs, mask] = at as [number, number, number, number];
  heap.set(data.subarray(0, n), src);
  k.exports.contentMask(src, w, h, background, CONTENT_DIFFERENCE, SPECK_AREA, across, runs, mask);
  return heap.slice(mask, mask + n);
}

/**
 * The box of the rows and columns of `within` where at least CONTENT_SHARE of the mask (and 4 pixels) is set,
 * counting only the mask inside `within` and not in `skip`; null when there are none.
 */
export function maskBox(
  mask: Uint8Array, width: number, within: readonly [number, number, number, number], skip?: Uint8Array,
): [number, number, number, number] | null {
  const [x0, y0, x1, y1] = within;
  const k = inkKernel();
  const lines = mask.subarray(y0 * width, y1 * width);
  const { at, heap } = k.reserve([lines.length, skip ? lines.length : 0, 4 * (y1 - y0), 4 * (x1 - x0)]);
  const [maskAt, skipAt, rowsAt, colsAt] = at as [number, number, number, number];
  heap.set(lines, maskAt);
  if (skip) heap.set(skip.subarray(y0 * width, y1 * width), skipAt);
  k.exports.maskCounts(maskAt, skipAt, skip !== undefined, width, x0, x1 - x0, y1 - y0, rowsAt, colsAt);
  const rows = new Uint32Array(heap.buffer, rowsAt, y1 - y0);
  const cols = new Uint32Array(heap.buffer, colsAt, x1 - x0);
  const span = (counts: Uint32Array, across: number): [number, number] | null => {
    const need = Math.max(4, Math.round(across * CONTENT_SHARE));
    let first = -1;
    let last = -1;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i]! >= need) {
        if (first < 0) first = i;
        last = i;
      }
    }
    return first < 0 ? null : [first, last + 1];
  };
  const ys = span(rows, x1 - x0);
  const xs = span(cols, y1 - y0);
  return ys && xs ? [x0 + xs[0], y0 + ys[0], x0 + xs[1], y0 + ys[1]] : null;
}

/** An ink level counts as none below this colour distance from the background (scan grain, JPEG ringing). */
export const INK_FLOOR = 24;
/** and as full ink from this distance on: every colour a logo is drawn in stands this far off its ground. */
const INK_FULL = 96;

/**
 * Neighbouring full-ink pixels this far apart in colour lie on a border between two differently coloured parts,
 * drawn from nothing at COLOUR_EDGE to BORDER_LEVEL at COLOUR_EDGE_FULL: half light, so that the figure's outline
 * (which a scan's blur or a JPEG leaves alone) weighs more than its inner borders (which they soften).
 */
const COLOUR_EDGE = 40;
const COLOUR_EDGE_FULL = 120;
const BORDER_LEVEL = 128;

/**
 * The ink of a decoded colour image as a gray image, dark on light: each pixel's largest channel difference from
 * the background colour (the median of the border, per channel), from INK_FLOOR (white) to INK_FULL (black), with
 * the borders between differently coloured parts drawn light. A recolour that keeps the shapes keeps this image (a
 * pale yellow on white is as much ink as navy, light on dark as much as dark on light), so the hashes read shapes
 * rather than gray levels; the borders keep a figure drawn inside another in another colour from vanishing into it.
 * A border pixel is one with such a neighbour on any of its four sides, so mirrors and quarter turns keep them.
 */
export function inkImage(data: Uint8Array, width: number, height: number, channels: number): GrayImage {
  const n = width * height;
  const k = inkKernel();
  // border is at least 48 bytes: the SIMD pass keeps the background repeated there before it is cleared
  const { at, heap } = k.reserve([n * channels, channels, n, Math.max(n, 48), 256, n]);
  const [src, bg, distance, border, levels, out] = at as [number, number, number, number, number, number];
  heap.set(data.subarray(0, n * channels), src);
  heap.set(borderMedians(data, width, height, channels), bg);
  k.exports.inkImage(src, width, height, channels, bg, distance, border, levels, out, INK_FLOOR, INK_FULL, COLOUR_EDGE, COLOUR_EDGE_FULL, BORDER_LEVEL);
  return { width, height, data: heap.slice(out, out + n) };
}

/** backgroundLevel of each channel of interleaved pixels, reading only the border (no copy of each plane). */
export function borderMedians(data: ArrayLike<number>, width: number, height: number, channels: number): number[] {
  return Array.from({ length: channels }, (_, c) => borderMedian(data, width, height, channels, c));
}

/**
 * The box of img, resampled to HASH_SIDE² and stretched (1st–99th percentile) to 0–255, dark on light when the
 * background is dark. Pixels with erase[i] set are read as background (an element taken out of the figure).
 */
export function prepareBox(img: GrayImage, box: [number, number, number, number], erase?: Uint8Array): Prepared {
  const background = backgroundLevel(img);
  // the erased pixels read as the background in the resample's own copy of the box's rows
  const pixels = erase ? resampleChannels(img.data, img.width, box, HASH_SIDE, HASH_SIDE, 1, { erase, fill: [background] })[0]! : resampleArea(img.data, img.width, box, HASH_SIDE, HASH_SIDE);
  stretch(pixels, background < 128);
  return { pixels, box };
}

/**
 * The k-th smallest of values (0-based), as sorting would place it, by selection (Hoare's, the middle value as
 * pivot) on the array, which it reorders: a tenth of a sort's cost for the two percentiles each square needs.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Beyond this many values from an end, nearEnds leaves the selection to kthSmallest. */
const NEAR_END = 64;

/**
 * The k-th smallest (0-based) of values and the j-th, k near the bottom and j near the top: the values sorting
 * would place there, as kthSmallest gives them. Each is the last of a short sorted list of the k + 1 smallest (the
 * n − j largest) kept in one pass, which passes over most values with one comparison each; kthSmallest's selection
 * reorders the whole array twice. Exported for its test.
 */
export function nearEnds(values: Float64Array, k: number, j: number): [number, number] {
  const n = values.length;
  const lowCount = k + 1;
  const highCount = n - j;
  if (lowCount > NEAR_END || highCount > NEAR_END || lowCount > n || highCount > n) {
    const work = new Float64Array(values);
    const lo = kthSmallest(work, k);
    return [lo, kthSmallest(work, j)];
  }
  // ascending, and descending: a value enters where it belongs and pushes the list's last out
  const low = new Float64Array(lowCount).fill(Infinity);
  const high = new Float64Array(highCount).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < low[lowCount - 1]!) {
      let at = lowCount - 1;
      while (at > 0 && low[at - 1]! > v) {
        low[at] = low[at - 1]!;
        at--;
      }
      low[at] = v;
    }
    if (v > high[highCount - 1]!) {
      let at = highCount - 1;
      while (at > 0 && high[at - 1]! < v) {
        high[at] = high[at - 1]!;
        at--;
      }
      high[at] = v;
    }
  }
  return [low[lowCount - 1]!, high[highCount - 1]!];
}

/** Stretches the 1st–99th percentile of the square to 0–255 in place, inverted when asked. */
function stretch(pixels: Float64Array, invert: boolean): void {
  const [lo, hi] = nearEnds(pixels, Math.floor(pixels.length * 0.01), Math.ceil(pixels.length * 0.99) - 1);
  // an even patch (a logo that is one filled shape) keeps its levels rather than amplifying noise
  const k = hi - lo < MIN_CONTRAST ? 1 : 255 / (hi - lo);
  const base = hi - lo < MIN_CONTRAST ? 0 : lo;
  for (let i = 0; i < pixels.length; i++) {
    const v = Math.min(255, Math.max(0, (pixels[i]! - base) * k));
    pixels[i] = invert ? 255 - v : v;
  }
}

/**
 * Crop to content, resample to HASH_SIDE², stretch the 1st–99th percentile to 0–255 and turn light-on-dark logos
 * dark-on-light (a recolour that swaps figure and ground is still the same figure). Null when nothing differs
 * from the background.
 */
export function prepareGray(img: GrayImage): Prepared | null {
  const background = backgroundLevel(img);
  const box = contentBox(img, background);
  if (!box) return null;
  const pixels = resampleArea(img.data, img.width, box, HASH_SIDE, HASH_SIDE);
  stretch(pixels, background < 128);
  return { pixels, box };
}
