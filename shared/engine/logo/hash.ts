// The two 64-bit hashes of a prepared logo, each for the eight quarter turns and mirrorings of it.
// A hash is two 32-bit halves [hi, lo]; bit i of the 64 is bit (63 - i) counted from hi's top.
import { HASH_SIDE } from './prepare';

/** The number of orientations (the dihedral group of the square): identity first. */
export const ORIENTATIONS = 8;

/**
 * The hashes of one image in every orientation: phash/dhash hold ORIENTATIONS × [hi, lo], orientation 0 the image
 * as it is. Orientation v reads pixel (x, y) from (a, b) = v & 4 ? (y, x) : (x, y), then mirrors a when v & 1 and b
 * when v & 2 — so 1 is a left-right mirror, 2 upside down, 3 a half turn, 4 the transpose.
 */
export interface LogoHashes {
  phash: Uint32Array;
  dhash: Uint32Array;
}

const N = HASH_SIDE;
const LOW = 8;

/** cos((2x + 1) u π / 2N) for u < LOW + 1, x < N. */
const COS = (() => {
  const t = new Float64Array((LOW + 1) * N);
  for (let u = 0; u <= LOW; u++) for (let x = 0; x < N; x++) t[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  return t;
})();

/** The orientation v of a square N × N image. */
export function orient(pixels: Float64Array, v: number): Float64Array {
  const out = new Float64Array(N * N);
  const transpose = (v & 4) !== 0;
  const mirrorA = (v & 1) !== 0;
  const mirrorB = (v & 2) !== 0;
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      let a = transpose ? y : x;
      let b = transpose ? x : y;
      if (mirrorA) a = N - 1 - a;
      if (mirrorB) b = N - 1 - b;
      out[y * N + x] = pixels[b * N + a]!;
    }
  }
  return out;
}

/** Packs 64 booleans (as numbers) into [hi, lo] at `at` in out. */
function pack(bits: ArrayLike<number>, out: Uint32Array, at: number): void {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 32; i++) hi = (hi << 1) | (bits[i]! ? 1 : 0);
  for (let i = 32; i < 64; i++) lo = (lo << 1) | (bits[i]! ? 1 : 0);
  out[at] = hi >>> 0;
  out[at + 1] = lo >>> 0;
}

/** The 64 lowest DCT frequencies (u, v ≤ 8) by u + v, without the mean (which says nothing about the shape). */
const DCT_TERMS: Array<[number, number]> = (() => {
  const all: Array<[number, number]> = [];
  for (let v = 0; v <= LOW; v++) for (let u = 0; u <= LOW; u++) if (u + v > 0) all.push([u, v]);
  return all.sort((a, b) => a[0] + a[1] - (b[0] + b[1]) || a[1] - b[1]).slice(0, 64);
})();

/** Perceptual hash: each bit whether one of the DCT_TERMS lies above their median. */
export function dctHash(pixels: Float64Array, out: Uint32Array, at: number): void {
  // rows: coefficient u of each row
  const rowCoef = new Float64Array(N * (LOW + 1));
  for (let y = 0; y < N; y++) {
    for (let u = 0; u <= LOW; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += pixels[y * N + x]! * COS[u * N + x]!;
      rowCoef[y * (LOW + 1) + u] = s;
    }
  }
  const coef: number[] = [];
  for (const [u, v] of DCT_TERMS) {
    let s = 0;
    for (let y = 0; y < N; y++) s += rowCoef[y * (LOW + 1) + u]! * COS[v * N + y]!;
    coef.push(s);
  }
  const median = [...coef].sort((a, b) => a - b)[32]!;
  pack(coef.map((c) => (c >= median ? 1 : 0)), out, at);
}

/** Difference hash: a 9 × 8 area mean of the square, each bit whether a cell is brighter than its right neighbour. */
export function diffHash(pixels: Float64Array, out: Uint32Array, at: number): void {
  const W = 9;
  const H = 8;
  const cells = new Float64Array(W * H);
  for (let j = 0; j < H; j++) {
    const ya = (j * N) / H;
    const yb = ((j + 1) * N) / H;
    for (let i = 0; i < W; i++) {
      const xa = (i * N) / W;
      const xb = ((i + 1) * N) / W;
      let s = 0;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const fy = Math.min(yb, y + 1) - Math.max(ya, y);
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          const fx = Math.min(xb, x + 1) - Math.max(xa, x);
          if (fx > 0 && fy > 0) s += pixels[y * N + x]! * fx * fy;
        }
      }
      cells[j * W + i] = s;
    }
  }
  const bits: number[] = [];
  for (let j = 0; j < H; j++) for (let i = 0; i < W - 1; i++) bits.push(cells[j * W + i]! > cells[j * W + i + 1]! ? 1 : 0);
  pack(bits, out, at);
}

/** Both hashes of a prepared square in all eight orientations. */
export function logoHashes(pixels: Float64Array): LogoHashes {
  const phash = new Uint32Array(ORIENTATIONS * 2);
  const dhash = new Uint32Array(ORIENTATIONS * 2);
  for (let v = 0; v < ORIENTATIONS; v++) {
    const p = v === 0 ? pixels : orient(pixels, v);
    dctHash(p, phash, v * 2);
    diffHash(p, dhash, v * 2);
  }
  return { phash, dhash };
}

/** Set bits of a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between the hash at a in x and the hash at b in y. */
export function hamming(x: Uint32Array, a: number, y: Uint32Array, b: number): number {
  return popcount32(x[a]! ^ y[b]!) + popcount32(x[a + 1]! ^ y[b + 1]!);
}

/** A hash as 16 hex digits (for storage and display). */
export function hashToHex(h: Uint32Array, at = 0): string {
  return h[at]!.toString(16).padStart(8, '0') + h[at + 1]!.toString(16).padStart(8, '0');
}

/** [hi, lo] from 16 hex digits, or null. */
export function hexToHash(hex: string): [number, number] | null {
  if (!/^[0-9a-f]{16}$/i.test(hex)) return null;
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8), 16) >>> 0];
}
