// The pure half of the logo features: cropping, orientations and the bit arithmetic.
import { describe, expect, it } from 'vitest';
import { backgroundLevel, contentBox, HASH_SIDE, prepareGray } from '../../../shared/engine/logo/prepare';
import { resampleArea } from '../../../shared/engine/logo/resample';
import { hamming, hashToHex, hexToHash, logoHashes, orient, popcount32 } from '../../../shared/engine/logo/hash';

/** A w × h white image with a dark L in a box. */
function lImage(w: number, h: number, x0: number, y0: number, side: number) {
  const data = new Uint8Array(w * h).fill(250);
  for (let y = y0; y < y0 + side; y++) for (let x = x0; x < x0 + side; x++) {
    if (x < x0 + side / 4 || y > y0 + (3 * side) / 4) data[y * w + x] = 20;
  }
  return { width: w, height: h, data };
}

describe('logo preparation and hashes', () => {
  it('finds the content box, ignoring isolated specks', () => {
    const img = lImage(100, 80, 30, 20, 40);
    img.data[5 * 100 + 5] = 0; // a speck of scan noise
    expect(backgroundLevel(img)).toBe(250);
    expect(contentBox(img, 250)).toEqual([29, 19, 71, 61]) // the 3 × 3 mean reaches one pixel out;
  });

  it('resamples by area: a mean over each covered part', () => {
    const src = Float64Array.of(0, 100, 200, 300);
    expect(Array.from(resampleArea(src, 4, [0, 0, 4, 1], 2, 1))).toEqual([50, 250]);
    expect(Array.from(resampleArea(src, 4, [0, 0, 4, 1], 3, 1)).map(Math.round)).toEqual([25, 150, 275]);
  });

  it('the hashes of a turned square are the turned hashes of the square, for all eight orientations', () => {
    const prepared = prepareGray(lImage(64, 64, 8, 8, 48))!;
    const base = logoHashes(prepared.pixels);
    for (let v = 0; v < 8; v++) {
      const turned = logoHashes(orient(prepared.pixels, v));
      expect(hamming(turned.phash, 0, base.phash, v * 2)).toBe(0);
      expect(hamming(turned.dhash, 0, base.dhash, v * 2)).toBe(0);
    }
    expect(prepared.pixels.length).toBe(HASH_SIDE * HASH_SIDE);
  });

  it('turns a light figure on a dark ground into a dark figure on a light one', () => {
    const dark = lImage(64, 64, 8, 8, 48);
    const light = { ...dark, data: dark.data.map((v) => 255 - v) };
    const a = logoHashes(prepareGray(dark)!.pixels);
    const b = logoHashes(prepareGray(light)!.pixels);
    expect(hamming(a.phash, 0, b.phash, 0)).toBe(0);
  });

  it('counts bits and round-trips hex', () => {
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
    const h = new Uint32Array([0xdeadbeef, 0x00000001]);
    expect(hashToHex(h)).toBe('deadbeef00000001');
    expect(hexToHash('deadbeef00000001')).toEqual([0xdeadbeef, 1]);
    expect(hexToHash('xyz')).toBeNull();
  });
});
