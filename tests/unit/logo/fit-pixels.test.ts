// The resampler every decoded logo goes through, in WebAssembly (electron/logos/fit-pixels.ts): the same bytes as
// the JavaScript the stored features were computed with, kept here as the reference, on every shape of input the
// decoders hand it (tests/unit/logo/wasm-modules.test.ts checks the module against its source).
import { describe, expect, it } from 'vitest';
import type { Region, Rgb } from '../../../electron/logos/decode';
import { fitInside, type Pixels } from '../../../electron/logos/fit-pixels';
import { areaWeights } from '../../../shared/engine/logo/resample';

/** The JavaScript fitPixels of electron/logos/decode.ts before the port, unchanged but for its side. */
function referenceFit(img: Pixels, side: number, region?: Region): Rgb {
  const r = region ?? { left: 0, top: 0, width: img.width, height: img.height };
  const scale = side / Math.max(r.width, r.height);
  const width = Math.max(1, Math.round(r.width * scale));
  const height = Math.max(1, Math.round(r.height * scale));
  const wx = areaWeights(r.left, r.width / width, width);
  const wy = areaWeights(r.top, r.height / height, height);
  const src = img.data;
  const channels = img.channels;
  const mid = new Float32Array(r.height * width * 3);
  for (let y = 0; y < r.height; y++) {
    const row = (r.top + y) * img.width;
    for (let i = 0; i < width; i++) {
      let cr = 0, cg = 0, cb = 0;
      for (let k = wx.start[i]!, end = wx.start[i + 1]!; k < end; k++) {
        const p = (row + wx.at[k]!) * channels;
        const part = wx.part[k]!;
        const a = channels === 4 ? src[p + 3]! : 255;
        if (a === 255) {
          cr += src[p]! * part;
          cg += src[p + 1]! * part;
          cb += src[p + 2]! * part;
        } else {
          const opacity = a / 255;
          const white = 255 - a;
          cr += (src[p]! * opacity + white) * part;
          cg += (src[p + 1]! * opacity + white) * part;
          cb += (src[p + 2]! * opacity + white) * part;
        }
      }
      const o = (y * width + i) * 3;
      mid[o] = cr;
      mid[o + 1] = cg;
      mid[o + 2] = cb;
    }
  }
  const data = new Uint8Array(width * height * 3);
  const area = (r.width / width) * (r.height / height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let cr = 0, cg = 0, cb = 0;
      for (let k = wy.start[j]!, end = wy.start[j + 1]!; k < end; k++) {
        const o = ((wy.at[k]! - r.top) * width + i) * 3;
        const part = wy.part[k]!;
        cr += mid[o]! * part;
        cg += mid[o + 1]! * part;
        cb += mid[o + 2]! * part;
      }
      const o = (j * width + i) * 3;
      data[o] = (cr / area + 0.5) | 0;
      data[o + 1] = (cg / area + 0.5) | 0;
      data[o + 2] = (cb / area + 0.5) | 0;
    }
  }
  return { width, height, data };
}

/** Seeded noise with runs of one colour (a logo's flat fills) and, for RGBA, alpha opaque, clear or in between. */
function noiseImage(seed: number, width: number, height: number, channels: 3 | 4): Pixels {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const data = new Uint8Array(width * height * channels);
  let run = 0;
  const pixel = [0, 0, 0, 255];
  for (let p = 0; p < width * height; p++) {
    if (run-- <= 0) {
      run = Math.floor(next() * 12);
      for (let c = 0; c < 3; c++) pixel[c] = Math.floor(next() * 256);
      const a = next();
      pixel[3] = a < 0.6 ? 255 : a < 0.75 ? 0 : Math.floor(next() * 256);
    }
    for (let c = 0; c < channels; c++) data[p * channels + c] = pixel[c]!;
  }
  return { width, height, channels, data };
}

describe('fitting decoded pixels inside the decoded side (WebAssembly)', () => {
  it('gives the bytes the JavaScript gave, for every size, both channel counts, regions and enlargements', () => {
    const cases: Array<[number, number, 3 | 4, Region?]> = [
      [240, 240, 4], [240, 240, 3], [200, 137, 4], [97, 300, 3], [1000, 3, 4], [3, 1000, 3], [1, 1, 4], [128, 128, 4],
      [64, 40, 4], [511, 509, 3], [300, 200, 4, { left: 17, top: 9, width: 151, height: 77 }],
      [300, 200, 3, { left: 0, top: 150, width: 300, height: 50 }], [50, 50, 4, { left: 49, top: 0, width: 1, height: 50 }],
    ];
    for (const [i, [width, height, channels, region]] of cases.entries()) {
      const img = noiseImage(i + 1, width, height, channels);
      for (const side of [128, 32]) {
        const got = fitInside(img, side, region);
        const want = referenceFit(img, side, region);
        expect([got.width, got.height], `${width}×${height}×${channels} in ${side}`).toEqual([want.width, want.height]);
        expect(Buffer.from(got.data).equals(Buffer.from(want.data)), `${width}×${height}×${channels} in ${side}`).toBe(true);
      }
    }
  });

  it('lays a transparent image on white and takes area means', () => {
    const clear = fitInside({ width: 256, height: 256, channels: 4, data: new Uint8Array(256 * 256 * 4) }, 128);
    expect(clear.data.every((v) => v === 255)).toBe(true);
    // a one-pixel checkerboard of black and white halves to its mean, 127.5, rounded up
    const board = new Uint8Array(256 * 256 * 3).map((_, i) => ((Math.floor(i / 3) % 256) + Math.floor(i / 3 / 256)) % 2 ? 255 : 0);
    const grey = fitInside({ width: 256, height: 256, channels: 3, data: board }, 128);
    expect([grey.width, grey.height]).toEqual([128, 128]);
    expect(grey.data.every((v) => v === 128)).toBe(true);
  });

  it('keeps giving the right bytes as its memory grows for a large image and is reused for small ones', () => {
    const small = noiseImage(7, 90, 60, 4);
    const before = fitInside(small, 128);
    const large = noiseImage(8, 1024, 1024, 4);
    expect(Buffer.from(fitInside(large, 128).data).equals(Buffer.from(referenceFit(large, 128).data))).toBe(true);
    expect(Buffer.from(fitInside(small, 128).data).equals(Buffer.from(before.data))).toBe(true);
    expect(Buffer.from(before.data).equals(Buffer.from(referenceFit(small, 128).data))).toBe(true);
  });

});
