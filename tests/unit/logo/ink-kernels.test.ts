// The ink image and the content mask, in WebAssembly (assembly/ink.ts through shared/engine/logo/prepare.ts): the
// same bytes as the JavaScript the stored features were computed with, kept here as the reference, for colour and
// gray images of every shape, light and dark grounds, colour borders and specks at the speck limit.
import { describe, expect, it } from 'vitest';
import { backgroundLevel, borderMedians, contentMask, inkImage, maskBox } from '../../../shared/engine/logo/prepare';

/** The thresholds prepare.ts passes to the kernels (INK_FLOOR … BORDER_LEVEL, CONTENT_DIFFERENCE, SPECK_AREA). */
const INK_FLOOR = 24, INK_FULL = 96, COLOUR_EDGE = 40, COLOUR_EDGE_FULL = 120, BORDER_LEVEL = 128;
const CONTENT_DIFFERENCE = 24, SPECK_AREA = 16;

/** prepare.ts inkImage before the port. */
function referenceInk(data: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const n = width * height;
  const background = borderMedians(data, width, height, channels);
  const distance = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++) {
    let d = 0;
    for (let c = 0; c < channels; c++, p++) {
      const e = Math.abs(data[p]! - background[c]!);
      if (e > d) d = e;
    }
    distance[i] = d;
  }
  const border = new Uint8Array(n);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (distance[i]! < INK_FULL) continue;
      for (let side = 0; side < 2; side++) {
        if (side === 0 ? x + 1 >= width : y + 1 >= height) continue;
        const j = side === 0 ? i + 1 : i + width;
        if (distance[j]! < INK_FULL) continue;
        let d = 0;
        for (let c = 0; c < channels; c++) {
          const e = Math.abs(data[i * channels + c]! - data[j * channels + c]!);
          if (e > d) d = e;
        }
        if (d <= COLOUR_EDGE) continue;
        const level = Math.round(BORDER_LEVEL * Math.min(1, (d - COLOUR_EDGE) / (COLOUR_EDGE_FULL - COLOUR_EDGE)));
        if (level > border[i]!) border[i] = level;
        if (level > border[j]!) border[j] = level;
      }
    }
  }
  const out = new Uint8Array(n);
  const span = INK_FULL - INK_FLOOR;
  for (let i = 0; i < n; i++) {
    const d = distance[i]!;
    out[i] = d <= INK_FLOOR ? 255 : d >= INK_FULL ? border[i]! : Math.round(255 - ((d - INK_FLOOR) * 255) / span);
  }
  return out;
}

/** prepare.ts contentMask and clearSpecks before the port. */
function referenceMask(data: Uint8Array, w: number, h: number, background: number): Uint8Array {
  const mask = new Uint8Array(w * h);
  const across = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) across[row + x] = data[row + x]! + (x > 0 ? data[row + x - 1]! : 0) + (x < w - 1 ? data[row + x + 1]! : 0);
  }
  for (let y = 0; y < h; y++) {
    const tall = 1 + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const sum = across[i]! + (y > 0 ? across[i - w]! : 0) + (y < h - 1 ? across[i + w]! : 0);
      const area = tall * (1 + (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0));
      if (Math.abs(sum - background * area) > CONTENT_DIFFERENCE * area) mask[i] = 1;
    }
  }
  const stack = new Int32Array(w * h);
  for (let start = 0; start < w * h; start++) {
    if (mask[start] !== 1) continue;
    let top = 0;
    let filled = 0;
    stack[top++] = start;
    mask[start] = 2;
    while (filled < top) {
      const i = stack[filled++]!;
      const x = i % w;
      const y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (mask[j] === 1) {
            mask[j] = 2;
            stack[top++] = j;
          }
        }
      }
    }
    const keep = top > SPECK_AREA ? 3 : 0;
    for (let k = 0; k < top; k++) mask[stack[k]!] = keep;
  }
  for (let i = 0; i < w * h; i++) if (mask[i]) mask[i] = 1;
  return mask;
}

/**
 * Flat shapes in a few colours on a light or dark ground, some touching (colour borders), with scattered specks of
 * one to twenty pixels and grain: what a decoded logo, clean or scanned, looks like to these passes.
 */
function figureImage(seed: number, width: number, height: number, channels: 1 | 3): Uint8Array {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const ground = seed % 3 === 0 ? 20 : 245;
  const data = new Uint8Array(width * height * channels).fill(ground);
  const paint = (x: number, y: number, colour: number[]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = colour[c]!;
  };
  const colour = () => Array.from({ length: channels }, () => Math.floor(next() * 256));
  for (let f = 0; f < 4; f++) {
    const c = colour();
    const x0 = Math.floor(next() * width), y0 = Math.floor(next() * height);
    const rw = 1 + Math.floor(next() * width * 0.5), rh = 1 + Math.floor(next() * height * 0.5);
    for (let y = y0; y < y0 + rh; y++) for (let x = x0; x < x0 + rw; x++) paint(x, y, c);
  }
  for (let k = 0; k < 12; k++) {
    const c = colour();
    const size = 1 + Math.floor(next() * 20);
    let x = Math.floor(next() * width), y = Math.floor(next() * height);
    for (let p = 0; p < size; p++) {
      paint(x, y, c);
      if (next() < 0.5) x++; else y++;
    }
  }
  for (let i = 0; i < data.length; i++) if (next() < 0.2) data[i] = Math.max(0, Math.min(255, data[i]! + Math.floor((next() - 0.5) * 40)));
  return data;
}

/** prepare.ts maskBox before the port (CONTENT_SHARE 0.03). */
function referenceMaskBox(mask: Uint8Array, width: number, within: readonly [number, number, number, number], skip?: Uint8Array): [number, number, number, number] | null {
  const [x0, y0, x1, y1] = within;
  const rows = new Uint32Array(y1 - y0);
  const cols = new Uint32Array(x1 - x0);
  for (let y = y0; y < y1; y++) {
    for (let x = x0, i = y * width + x0; x < x1; x++, i++) {
      if (mask[i] && !(skip && skip[i])) {
        rows[y - y0]!++;
        cols[x - x0]!++;
      }
    }
  }
  const span = (counts: Uint32Array, across: number): [number, number] | null => {
    const need = Math.max(4, Math.round(across * 0.03));
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

const SHAPES: Array<[number, number]> = [[128, 128], [97, 61], [61, 97], [128, 40], [1, 1], [1, 50], [50, 1], [2, 2], [5, 9]];

describe('the ink image and the content mask (WebAssembly)', () => {
  it('give the bytes the JavaScript gave, in colour and in gray, on light and dark grounds', () => {
    let seed = 1;
    for (const [width, height] of SHAPES) {
      for (const channels of [3, 1] as const) {
        for (let draw = 0; draw < 3; draw++, seed++) {
          const data = figureImage(seed, width, height, channels);
          const label = `${width}×${height}×${channels}, seed ${seed}`;
          const ink = inkImage(data, width, height, channels);
          expect(Buffer.from(ink.data).equals(Buffer.from(referenceInk(data, width, height, channels))), `ink ${label}`).toBe(true);
          const background = backgroundLevel(ink);
          for (const level of [background, 0, 255]) {
            const mask = contentMask(ink, level);
            expect(Buffer.from(mask).equals(Buffer.from(referenceMask(ink.data, width, height, level))), `mask ${label} on ${level}`).toBe(true);
          }
        }
      }
    }
  });

  it('clears blobs of up to sixteen pixels and keeps larger ones', () => {
    const width = 40, height = 12;
    const gray = new Uint8Array(width * height).fill(255);
    // two black runs along a row, 3 and 4 pixels long: their 3 × 3 means (a black pixel moves a mean by 28) spread
    // them to blobs of 3 × 5 = 15 and 3 × 6 = 18 pixels
    for (let x = 2; x < 5; x++) gray[5 * width + x] = 0;
    for (let x = 12; x < 16; x++) gray[5 * width + x] = 0;
    const mask = contentMask({ width, height, data: gray }, 255);
    const set = (x0: number, x1: number) => { let n = 0; for (let y = 0; y < height; y++) for (let x = x0; x < x1; x++) n += mask[y * width + x]!; return n; };
    expect(set(0, 8)).toBe(0);
    expect(set(10, 20)).toBe(18);
    expect(Buffer.from(mask).equals(Buffer.from(referenceMask(gray, width, height, 255)))).toBe(true);
  });

  it('boxes the mask as the JavaScript did, within any box, with pixels skipped or not', () => {
    let seed = 500;
    let boxes = 0;
    for (const [width, height] of SHAPES) {
      for (let draw = 0; draw < 6; draw++, seed++) {
        const ink = inkImage(figureImage(seed, width, height, 1), width, height, 1);
        const mask = contentMask(ink, backgroundLevel(ink));
        const skip = Uint8Array.from(mask, (_, i) => ((i * 7 + seed) % 5 === 0 ? 1 : 0));
        const x0 = seed % width;
        const y0 = (seed * 3) % height;
        for (const within of [[0, 0, width, height], [x0, y0, width, height], [0, 0, x0 + 1, y0 + 1]] as Array<[number, number, number, number]>) {
          for (const skipping of [undefined, skip]) {
            const got = maskBox(mask, width, within, skipping);
            expect(got, `${width}×${height}, seed ${seed}, within ${within.join(',')}`).toEqual(referenceMaskBox(mask, width, within, skipping));
            if (got) boxes++;
          }
        }
      }
    }
    expect(boxes).toBeGreaterThan(100);
  });
});
