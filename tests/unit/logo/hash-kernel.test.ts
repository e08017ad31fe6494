// The hashes in WebAssembly (assembly/hash.ts through shared/engine/logo/hash.ts): the same perceptual and difference
// hashes, in all eight orientations, to the last bit, as the JavaScript the stored features were computed with, kept
// here as the reference — for thumbnails (whole levels, as every stored figure is hashed), for real-valued squares,
// for flat ones full of ties, and for symmetric ones, whose terms the symmetric hash sets to 0.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { HASH_TABLES, logoHashes, lowDctBlock, ORIENTATIONS, orient, partHashes, SYMMETRY_SHARE, symmetricPhash } from '../../../shared/engine/logo/hash';
import { HASH_SIDE, kthSmallest } from '../../../shared/engine/logo/prepare';

const N = HASH_SIDE;
const K = 9;
const quantise = (x: number) => Math.round(x * 1e6) / 1e6;

/** hash.ts lowDct before the port. */
function lowDct(pixels: Float64Array): Float64Array {
  const cos = HASH_TABLES.cos;
  const rowCoef = new Float64Array(N * K);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += pixels[y * N + x]! * cos[u * N + x]!;
      rowCoef[y * K + u] = s;
    }
  }
  const block = new Float64Array(K * K);
  for (let v = 0; v < K; v++) {
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += rowCoef[y * K + u]! * cos[v * N + y]!;
      block[v * K + u] = s;
    }
  }
  return block;
}

/** hash.ts grid before the port. */
function grid(pixels: Float64Array, w: number, h: number): Float64Array {
  const cells = new Float64Array(w * h);
  for (let j = 0; j < h; j++) {
    const ya = (j * N) / h;
    const yb = ((j + 1) * N) / h;
    for (let i = 0; i < w; i++) {
      const xa = (i * N) / w;
      const xb = ((i + 1) * N) / w;
      let s = 0;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const fy = Math.min(yb, y + 1) - Math.max(ya, y);
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          const fx = Math.min(xb, x + 1) - Math.max(xa, x);
          if (fx > 0 && fy > 0) s += pixels[y * N + x]! * fx * fy;
        }
      }
      cells[j * w + i] = quantise(s);
    }
  }
  return cells;
}

function pack(bits: ArrayLike<number>, out: Uint32Array, at: number): void {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 32; i++) hi = (hi << 1) | (bits[i]! ? 1 : 0);
  for (let i = 32; i < 64; i++) lo = (lo << 1) | (bits[i]! ? 1 : 0);
  out[at] = hi >>> 0;
  out[at + 1] = lo >>> 0;
}

function orientedPhash(block: Float64Array): Uint32Array {
  const { at, negate } = HASH_TABLES.terms;
  const out = new Uint32Array(ORIENTATIONS * 2);
  const terms = new Float64Array(64);
  const bits = new Uint8Array(64);
  for (let o = 0; o < ORIENTATIONS; o++) {
    for (let k = 0, i = o * 64; k < 64; k++, i++) {
      const c = block[at[i]!]!;
      terms[k] = quantise(negate[i] ? -c : c);
    }
    const median = kthSmallest(Float64Array.from(terms), 32);
    for (let k = 0; k < 64; k++) bits[k] = terms[k]! >= median ? 1 : 0;
    pack(bits, out, o * 2);
  }
  return out;
}

function orientedDhash(pixels: Float64Array): Uint32Array {
  const out = new Uint32Array(ORIENTATIONS * 2);
  const wide = grid(pixels, 9, 8);
  const tall = grid(pixels, 8, 9);
  const { first, second } = HASH_TABLES.cells;
  const bits = new Uint8Array(64);
  for (let o = 0; o < ORIENTATIONS; o++) {
    const cells = o & 4 ? tall : wide;
    for (let k = 0, at = o * 64; k < 64; k++, at++) bits[k] = cells[first[at]!]! > cells[second[at]!]! ? 1 : 0;
    pack(bits, out, o * 2);
  }
  return out;
}

/** hash.ts symmetricTerms: the block with the terms of an empty parity group zeroed, or null. */
function symmetricBlock(block: Float64Array): Float64Array | null {
  const terms = HASH_TABLES.dctTerms;
  const energy = [0, 0, 0, 0];
  let total = 0;
  for (const [u, v] of terms) {
    energy[(u & 1) | ((v & 1) << 1)]! += block[v * K + u]! ** 2;
    total += block[v * K + u]! ** 2;
  }
  const empty = [false, ...[1, 2, 3].map((g) => energy[g]! < SYMMETRY_SHARE * total)];
  if (!(total > 0) || !empty.includes(true)) return null;
  const out = Float64Array.from(block);
  for (const [u, v] of terms) if (empty[(u & 1) | ((v & 1) << 1)]) out[v * K + u] = 0;
  return out;
}

/** Squares of several kinds: random levels, real values, a few flat shapes (ties everywhere), mirrored ones. */
function squares(count: number): Float64Array[] {
  const next = rng(71);
  const out: Float64Array[] = [];
  for (let s = 0; s < count; s++) {
    const kind = s % 4;
    const px = new Float64Array(N * N);
    if (kind === 0) for (let i = 0; i < px.length; i++) px[i] = next() & 255;
    else if (kind === 1) for (let i = 0; i < px.length; i++) px[i] = (next() / 2 ** 32) * 255;
    else {
      px.fill(255);
      for (let r = 0; r < 1 + (next() % 3); r++) {
        const [x0, y0] = [next() % N, next() % N];
        const [x1, y1] = [x0 + 1 + (next() % (N - x0)), y0 + 1 + (next() % (N - y0))];
        const level = next() % 200;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) px[y * N + x] = level;
      }
      // half of the shapes made symmetric across x, so that the symmetric hash has terms to zero
      if (kind === 3) for (let y = 0; y < N; y++) for (let x = N / 2; x < N; x++) px[y * N + x] = px[y * N + N - 1 - x]!;
    }
    out.push(px);
  }
  return out;
}

describe('the hashes in WebAssembly', () => {
  it('give the same bits as the JavaScript, in every orientation, whole, as a part and as a symmetric figure', () => {
    let symmetric = 0;
    for (const px of squares(240)) {
      const block = lowDct(px);
      const whole = logoHashes(px);
      expect(Array.from(whole.phash)).toEqual(Array.from(orientedPhash(block)));
      expect(Array.from(whole.dhash)).toEqual(Array.from(orientedDhash(px)));
      const zeroed = symmetricBlock(block);
      const part = partHashes(px);
      expect(Array.from(part.phash)).toEqual(Array.from(orientedPhash(zeroed ?? block)));
      expect(Array.from(part.dhash)).toEqual(Array.from(orientedDhash(px)));
      expect(part.informative < 64).toBe(zeroed !== null);
      const sym = symmetricPhash(px);
      expect(sym && Array.from(sym)).toEqual(zeroed && Array.from(orientedPhash(zeroed)));
      if (zeroed) symmetric++;
    }
    // the flat shapes made symmetric are symmetric figures: the zeroing path was taken
    expect(symmetric).toBeGreaterThan(40);
  });

  it('give the DCT block the JavaScript gave, to the last bit: the symmetric shares are read from it', () => {
    for (const px of squares(240)) {
      const got = lowDctBlock(px);
      expect(Buffer.from(got.buffer).equals(Buffer.from(lowDct(px).buffer))).toBe(true);
    }
  });

  it('hash a turned square to the turned hashes, through the kernel', () => {
    const [px] = squares(1);
    const base = logoHashes(px!);
    for (let v = 0; v < ORIENTATIONS; v++) {
      const turned = logoHashes(orient(px!, v));
      expect([turned.phash[0], turned.phash[1], turned.dhash[0], turned.dhash[1]]).toEqual([base.phash[2 * v], base.phash[2 * v + 1], base.dhash[2 * v], base.dhash[2 * v + 1]]);
    }
  });

  it('rounds a cell that lies half way between two millionths up, as JavaScript does', () => {
    // two cells of the wide grid, each one whole pixel: 2.6e-6 and 2.5e-6 are both 3e-6 rounded, so the first is not
    // brighter than the second; rounded half to even, or down, it would be
    const px = new Float64Array(N * N);
    px[1 * N + 1] = 2.6e-6;
    px[1 * N + 5] = 2.5e-6;
    const { dhash } = logoHashes(px);
    expect(Array.from(dhash)).toEqual(Array.from(orientedDhash(px)));
    expect(dhash[0]! >>> 31).toBe(0);
  });
});
