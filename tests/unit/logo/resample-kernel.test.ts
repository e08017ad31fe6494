// The area-averaging resample, in WebAssembly (assembly/resample.ts through shared/engine/logo/resample.ts): the
// same numbers as the JavaScript the stored features were computed with, kept here as the reference, for gray
// images, one channel of interleaved colour pixels and f64 planes, boxes anywhere, shrunk and enlarged, odd and even
// output widths.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { areaWeights, resampleArea, resampleChannels } from '../../../shared/engine/logo/resample';

/** resample.ts resampleArea before the port. */
function referenceResample(
  src: ArrayLike<number>, srcWidth: number, box: readonly [number, number, number, number], dw: number, dh: number, channels = 1, channel = 0,
): Float64Array {
  const [x0, y0, x1, y1] = box;
  const sx = (x1 - x0) / dw;
  const sy = (y1 - y0) / dh;
  const wx = areaWeights(x0, sx, dw);
  const wy = areaWeights(y0, sy, dh);
  const mid = new Float64Array((y1 - y0) * dw);
  for (let y = y0; y < y1; y++) {
    const row = y * srcWidth;
    for (let i = 0; i < dw; i++) {
      let s = 0;
      for (let k = wx.start[i]!, end = wx.start[i + 1]!; k < end; k++) s += src[(row + wx.at[k]!) * channels + channel]! * wx.part[k]!;
      mid[(y - y0) * dw + i] = s / sx;
    }
  }
  const out = new Float64Array(dw * dh);
  for (let j = 0; j < dh; j++) {
    for (let i = 0; i < dw; i++) {
      let s = 0;
      for (let k = wy.start[j]!, end = wy.start[j + 1]!; k < end; k++) s += mid[(wy.at[k]! - y0) * dw + i]! * wy.part[k]!;
      out[j * dw + i] = s / sy;
    }
  }
  return out;
}

describe('resampleArea in WebAssembly', () => {
  it('gives the numbers the JavaScript gave, for gray, interleaved and f64 sources', () => {
    const next = rng(21);
    let compared = 0;
    for (let trial = 0; trial < 300; trial++) {
      const width = 1 + (next() % 160);
      const height = 1 + (next() % 160);
      const channels = trial % 3 === 1 ? 3 : 1;
      const kind = trial % 3;
      // flat grounds with figures and grain, as logos are, or noise
      const u8 = new Uint8Array(width * height * channels).map((_, i) => (trial % 2 ? next() & 255 : (i >> 5) % 7 === 0 ? 30 + (next() % 4) : 250));
      const src = kind === 2 ? Float64Array.from(u8, (v) => v + (next() % 1000) / 1000) : u8;
      const x0 = next() % width;
      const y0 = next() % height;
      const box: [number, number, number, number] = [x0, y0, x0 + 1 + (next() % (width - x0)), y0 + 1 + (next() % (height - y0))];
      const [dw, dh] = trial % 5 === 0 ? [32, 32] : [1 + (next() % 70), 1 + (next() % 70)];
      const channel = channels === 3 ? next() % 3 : 0;
      const got = resampleArea(src, width, box, dw, dh, channels, channel);
      expect(got).toEqual(referenceResample(src, width, box, dw, dh, channels, channel));
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(100_000);
  });

  it('returns a fresh array each call, which the next call leaves alone', () => {
    const src = Uint8Array.from({ length: 64 * 64 }, (_, i) => i & 255);
    const first = resampleArea(src, 64, [0, 0, 64, 64], 32, 32);
    const copy = first.slice();
    resampleArea(src.map((v) => 255 - v), 64, [0, 0, 64, 64], 32, 32);
    expect(first).toEqual(copy);
  });

  it('says which box it cannot read, rather than returning numbers from nothing', () => {
    const src = new Uint8Array(100);
    expect(() => resampleArea(src, 10, [2, 2, 2, 5], 4, 4)).toThrow(/box 2,2,2,5/);
    expect(() => resampleArea(src, 10, [0.5, 0, 4, 4], 4, 4)).toThrow(RangeError);
  });
});

describe('resampleChannels', () => {
  it('gives each channel the numbers the JavaScript gave, erased pixels read as their fill as a plane of doubles filled so gave them', () => {
    const next = rng(44);
    let compared = 0;
    let erasedPixels = 0;
    for (let trial = 0; trial < 200; trial++) {
      const width = 1 + (next() % 140);
      const height = 1 + (next() % 140);
      // erased or not (trial % 2), in gray or colour (the next bit), grain or a flat ground (trial % 3)
      const channels = (trial >> 1) % 2 ? 3 : 1;
      const src = new Uint8Array(width * height * channels).map((_, i) => (trial % 3 ? next() & 255 : (i >> 4) % 5 === 0 ? 20 : 245));
      const x0 = next() % width;
      const y0 = next() % height;
      const box: [number, number, number, number] = [x0, y0, x0 + 1 + (next() % (width - x0)), y0 + 1 + (next() % (height - y0))];
      const [dw, dh] = trial % 4 === 0 ? [8, 8] : [1 + (next() % 40), 1 + (next() % 40)];
      // an element peeled off in every other trial: a blob of pixels, some outside the box, which nothing may read
      const erase = trial % 2 === 0 ? new Uint8Array(width * height).map(() => (next() % 3 === 0 ? 1 : 0)) : undefined;
      const fill = Array.from({ length: channels }, () => next() & 255);
      const got = resampleChannels(src, width, box, dw, dh, channels, erase ? { erase, fill } : undefined);
      expect(got).toHaveLength(channels);
      for (let c = 0; c < channels; c++) {
        // the reference reads a plane of the channel with the erased pixels of the box set to the fill (colour.ts before)
        const plane = new Float64Array(width * height);
        for (let i = 0; i < width * height; i++) {
          const x = i % width;
          const y = (i - x) / width;
          const inBox = x >= box[0] && x < box[2] && y >= box[1] && y < box[3];
          plane[i] = erase?.[i] && inBox ? fill[c]! : src[i * channels + c]!;
          if (erase?.[i] && inBox && c === 0) erasedPixels++;
        }
        expect(got[c]).toEqual(referenceResample(plane, width, box, dw, dh));
        compared += got[c]!.length;
      }
    }
    expect(compared).toBeGreaterThan(50_000);
    expect(erasedPixels).toBeGreaterThan(5_000);
  });

  it('leaves the source as it was, erased or not', () => {
    const src = Uint8Array.from({ length: 32 * 32 * 3 }, (_, i) => (i * 7) & 255);
    const before = src.slice();
    resampleChannels(src, 32, [4, 4, 28, 28], 8, 8, 3, { erase: new Uint8Array(32 * 32).fill(1), fill: [1, 2, 3] });
    expect(src).toEqual(before);
  });
});
