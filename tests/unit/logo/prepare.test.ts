// The percentiles each prepared square is stretched by are found by selection: the same values a sort gives.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { backgroundLevel, borderMedians, contentBox, type GrayImage, kthSmallest, nearEnds } from '../../../shared/engine/logo/prepare';

describe('kthSmallest', () => {
  it('gives the value sorting puts at k, with ties, runs and a single value', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const cases = [
      Float64Array.from({ length: 1024 }, () => Math.round(next() * 255)),
      Float64Array.from({ length: 1024 }, () => next() * 255),
      Float64Array.from({ length: 1024 }, (_, i) => (i < 900 ? 255 : i)),
      Float64Array.from({ length: 257 }, (_, i) => 256 - i),
      Float64Array.of(42),
    ];
    for (const values of cases) {
      const sorted = new Float64Array(values).sort();
      for (const k of [0, 1, Math.floor(values.length * 0.01), values.length >> 1, Math.ceil(values.length * 0.99) - 1, values.length - 1]) {
        expect(kthSmallest(new Float64Array(values), k)).toBe(sorted[k]);
      }
      // twice on the same array, as stretch does
      const work = new Float64Array(values);
      const lo = kthSmallest(work, Math.floor(values.length * 0.01));
      expect([lo, kthSmallest(work, Math.ceil(values.length * 0.99) - 1)]).toEqual([sorted[Math.floor(values.length * 0.01)], sorted[Math.ceil(values.length * 0.99) - 1]]);
    }
  });
});

describe('nearEnds', () => {
  it('gives the values sorting puts near either end, the percentiles a square is stretched by, with ties and runs', () => {
    const draw = rng(11);
    const next = () => draw() / 2 ** 32;
    const cases = [
      Float64Array.from({ length: 1024 }, () => Math.round(next() * 255)),
      Float64Array.from({ length: 1024 }, () => next() * 255),
      // mostly ground: the percentiles fall in a run of ties, and the ink is at one end
      Float64Array.from({ length: 1024 }, (_, i) => (i < 1000 ? 255 : i % 7)),
      Float64Array.from({ length: 1024 }, (_, i) => (i < 1000 ? 0 : 200 + (i % 5))),
      Float64Array.from({ length: 257 }, (_, i) => 256 - i),
      Float64Array.from({ length: 257 }, (_, i) => i),
      Float64Array.of(42),
      Float64Array.of(3, 1),
    ];
    for (const values of cases) {
      const sorted = new Float64Array(values).sort();
      const n = values.length;
      const before = Float64Array.from(values);
      for (const [k, j] of [[Math.floor(n * 0.01), Math.ceil(n * 0.99) - 1], [0, n - 1], [Math.min(n - 1, 63), Math.max(0, n - 64)], [Math.min(n - 1, 64), Math.max(0, n - 65)], [n >> 1, n >> 1]]) {
        expect(nearEnds(values, k!, j!), `n ${n}, k ${k}, j ${j}`).toEqual([sorted[k!], sorted[j!]]);
      }
      // the values are read, not reordered
      expect(Array.from(values)).toEqual(Array.from(before));
    }
  });
});

describe('the border medians', () => {
  /** Every border pixel's value once (a pixel in a corner, or in a one-pixel-wide image, once), sorted: the lower median. */
  const reference = (data: Uint8Array, w: number, h: number, channels: number, c: number) => {
    const values: number[] = [];
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (y === 0 || y === h - 1 || x === 0 || x === w - 1) values.push(data[(y * w + x) * channels + c]!);
    values.sort((a, b) => a - b);
    return values[Math.ceil(values.length / 2) - 1]!;
  };

  it('are the lower median of each channel over the border pixels, in images of every shape', () => {
    const next = rng(5);
    for (const [w, h] of [[1, 1], [1, 7], [7, 1], [2, 2], [2, 5], [5, 2], [3, 3], [128, 97], [40, 128]] as Array<[number, number]>) {
      for (const channels of [1, 3]) {
        const data = Uint8Array.from({ length: w * h * channels }, () => next() & 255);
        const want = Array.from({ length: channels }, (_, c) => reference(data, w, h, channels, c));
        expect(borderMedians(data, w, h, channels), `${w}×${h}×${channels}`).toEqual(want);
        if (channels === 1) expect(backgroundLevel({ width: w, height: h, data })).toBe(want[0]);
      }
    }
  });
});

describe('contentBox', () => {
  /** A 128² white image with a dark 40 × 30 figure at (44, 50) and the given dark squares (x, y, side). */
  const image = (dots: Array<[number, number, number]>): GrayImage => {
    const w = 128;
    const data = new Uint8Array(w * w).fill(255);
    const fill = (x0: number, y0: number, sw: number, sh: number) => {
      for (let y = y0; y < y0 + sh; y++) for (let x = x0; x < x0 + sw; x++) data[y * w + x] = 20;
    };
    fill(44, 50, 40, 30);
    for (const [x, y, side] of dots) fill(x, y, side, side);
    return { width: w, height: w, data };
  };

  it('leaves out a scan\'s specks, even a row of them that a row count alone would take', () => {
    // five 2 × 2 specks in one row above the figure, and two in one column beside it
    const specks: Array<[number, number, number]> = [[10, 8, 2], [30, 8, 2], [50, 8, 2], [70, 8, 2], [90, 8, 2], [110, 60, 2], [110, 70, 2]];
    // the 3 × 3 mean reaches a pixel past the figure's edge
    expect(contentBox(image([]), 255)).toEqual([43, 49, 85, 81]);
    expect(contentBox(image(specks), 255)).toEqual([43, 49, 85, 81]);
  });

  it('keeps a small element of the figure: a dot the size of a character\'s stroke', () => {
    // a 4 × 4 dot stands 36 pixels in the 3 × 3 mean's mask, past the speck limit
    expect(contentBox(image([[100, 20, 4]]), 255)).toEqual([43, 19, 105, 81]);
  });
});
