// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/hash-wasm.ts (committed).
// The arithmetic of the two hashes (shared/engine/logo/hash.ts, which keeps the tables of cosines, terms and cells
// and passes them in): the low DCT block, the perceptual hash of a block in the eight orientations, and the
// difference hash's two grids and bits, with the arithmetic of the JavaScript they replaced, so every hash is the
// one it was. tests/unit/logo/hash-kernel.test.ts holds that JavaScript as the reference.

import { roundHalfUp } from './js-math';

/** Side of the square hashed (prepare.ts HASH_SIDE). */
const N: i32 = 32;
/** Side of the low DCT block (hash.ts LOW + 1). */
const K: i32 = 9;

function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}

function setF64(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}

/**
 * Rounded to 1e-6: sums taken in another order differ in the last bits, and flat areas make exact ties (two white
 * cells) that such noise would otherwise break one way in the image and the other way in its mirror.
 */
function quantise(x: f64): f64 {
  return roundHalfUp(x * 1e6) / 1e6;
}

/**
 * The DCT-II block (K × K f64 at `block`, block[v · K + u], u along x) of the N × N f64 pixels at `pixels`, with the
 * cosines at `cos` (K × N f64, cos[u · N + x]), the same cosines in pairs at `cosPairs` (for u = 2p and 2p + 1, N
 * pairs of f64 from p · N · 16) and N × K f64 of scratch at `rows`. Two terms side by side in an f64x2, each lane
 * summing in the JavaScript's order; the ninth alone.
 */
export function lowDct(pixels: usize, cos: usize, cosPairs: usize, rows: usize, block: usize): void {
  for (let y = 0; y < N; y++) {
    const row = pixels + (<usize>(y * N) << 3);
    for (let p = 0; p < K >> 1; p++) {
      let s = f64x2.splat(0);
      const c = cosPairs + (<usize>(p * N) << 4);
      for (let x = 0; x < N; x++) s = f64x2.add(s, f64x2.mul(v128.load64_splat(row + (<usize>x << 3)), v128.load(c + (<usize>x << 4))));
      v128.store(rows + (<usize>(y * K + 2 * p) << 3), s);
    }
    let s: f64 = 0;
    for (let x = 0; x < N; x++) s += f64At(pixels, y * N + x) * f64At(cos, (K - 1) * N + x);
    setF64(rows, y * K + K - 1, s);
  }
  for (let v = 0; v < K; v++) {
    const c = cos + (<usize>(v * N) << 3);
    for (let u = 0; u + 1 < K; u += 2) {
      let s = f64x2.splat(0);
      for (let y = 0; y < N; y++) s = f64x2.add(s, f64x2.mul(v128.load(rows + (<usize>(y * K + u) << 3)), v128.load64_splat(c + (<usize>y << 3))));
      v128.store(block + (<usize>(v * K + u) << 3), s);
    }
    let s: f64 = 0;
    for (let y = 0; y < N; y++) s += f64At(rows, y * K + K - 1) * f64At(cos, v * N + y);
    setF64(block, v * K + K - 1, s);
  }
}

/** prepare.ts kthSmallest: the k-th smallest of the n f64 at `values` (reordered), by the same selection. */
function kthSmallest(values: usize, n: i32, k: i32): f64 {
  let left = 0;
  let right = n - 1;
  while (left < right) {
    const pivot = f64At(values, (left + right) >> 1);
    let i = left;
    let j = right;
    while (i <= j) {
      while (f64At(values, i) < pivot) i++;
      while (f64At(values, j) > pivot) j--;
      if (i <= j) {
        const t = f64At(values, i);
        setF64(values, i++, f64At(values, j));
        setF64(values, j--, t);
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return f64At(values, k);
  }
  return f64At(values, k);
}

/** The 64 bits at `bits` (one byte each, 0 or 1) as [hi, lo] at `out`. */
function pack(bits: usize, out: usize): void {
  let hi: u32 = 0;
  let lo: u32 = 0;
  for (let i = 0; i < 32; i++) hi = (hi << 1) | <u32>load<u8>(bits + <usize>i);
  for (let i = 32; i < 64; i++) lo = (lo << 1) | <u32>load<u8>(bits + <usize>i);
  store<u32>(out, hi);
  store<u32>(out, lo, 4);
}

/**
 * The perceptual hash of the DCT block at `block` in the eight orientations, as 8 × [hi, lo] u32 at `out`: for
 * orientation o and term k, the coefficient at block[at[o · 64 + k]] (u8 at `at`), negated where negate[o · 64 + k]
 * (u8 at `negate`), set or not by whether it lies at or above the terms' 33rd smallest. Every orientation reads the
 * same K × K coefficients, each as it is or negated, so those are quantised once (2 · K · K f64 at `quantised`: as
 * they are, then negated) rather than once a term and orientation. Scratch: 64 f64 at `terms` and at `work`, 64
 * bytes at `bits`.
 */
export function orientedPhash(block: usize, at: usize, negate: usize, quantised: usize, terms: usize, work: usize, bits: usize, out: usize): void {
  for (let i = 0; i < K * K; i++) {
    const c = f64At(block, i);
    setF64(quantised, i, quantise(c));
    setF64(quantised, K * K + i, quantise(-c));
  }
  for (let o = 0; o < 8; o++) {
    for (let k = 0; k < 64; k++) {
      const i = <usize>(o * 64 + k);
      setF64(terms, k, f64At(quantised, <i32>load<u8>(at + i) + (load<u8>(negate + i) ? K * K : 0)));
    }
    memory.copy(work, terms, 64 << 3);
    const median = kthSmallest(work, 64, 32);
    for (let k = 0; k < 64; k++) store<u8>(bits + <usize>k, f64At(terms, k) >= median ? 1 : 0);
    pack(bits, out + (<usize>o << 3));
  }
}

/** The area means (cells weighted by the part of each pixel they cover) of the N × N pixels at `pixels` on a w × h grid, quantised, into `cells`. */
function grid(pixels: usize, w: i32, h: i32, cells: usize): void {
  for (let j = 0; j < h; j++) {
    const ya = <f64>(j * N) / <f64>h;
    const yb = <f64>((j + 1) * N) / <f64>h;
    for (let i = 0; i < w; i++) {
      const xa = <f64>(i * N) / <f64>w;
      const xb = <f64>((i + 1) * N) / <f64>w;
      let s: f64 = 0;
      const yEnd = <i32>Math.ceil(yb);
      const xEnd = <i32>Math.ceil(xb);
      for (let y = <i32>Math.floor(ya); y < yEnd; y++) {
        const fy = min<f64>(yb, <f64>(y + 1)) - max<f64>(ya, <f64>y);
        for (let x = <i32>Math.floor(xa); x < xEnd; x++) {
          const fx = min<f64>(xb, <f64>(x + 1)) - max<f64>(xa, <f64>x);
          if (fx > 0 && fy > 0) s += f64At(pixels, y * N + x) * fx * fy;
        }
      }
      setF64(cells, j * w + i, quantise(s));
    }
  }
}

/**
 * The difference hash of the N × N f64 pixels at `pixels` in the eight orientations, as 8 × [hi, lo] u32 at `out`:
 * bit k of orientation o whether cell first[o · 64 + k] is brighter than cell second[o · 64 + k] (u8 each), in the
 * tall grid (8 × 9) for the transposing orientations (o ≥ 4) and the wide one (9 × 8) for the others. Scratch: 72
 * f64 at `wide` and at `tall`, 64 bytes at `bits`.
 */
export function orientedDhash(pixels: usize, first: usize, second: usize, wide: usize, tall: usize, bits: usize, out: usize): void {
  grid(pixels, 9, 8, wide);
  grid(pixels, 8, 9, tall);
  for (let o = 0; o < 8; o++) {
    const cells = o & 4 ? tall : wide;
    for (let k = 0; k < 64; k++) {
      const i = <usize>(o * 64 + k);
      store<u8>(bits + <usize>k, f64At(cells, <i32>load<u8>(first + i)) > f64At(cells, <i32>load<u8>(second + i)) ? 1 : 0);
    }
    pack(bits, out + (<usize>o << 3));
  }
}
