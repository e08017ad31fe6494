// The two 64-bit hashes of a prepared logo, each for the eight quarter turns and mirrorings of it.
// A hash is two 32-bit halves [hi, lo]; bit i of the 64 is bit (63 - i) counted from hi's top.
import { HASH_WASM } from './hash-wasm';
import { HASH_SIDE } from './prepare';
import { bytesOf, wasmKernel } from './wasm-kernel';

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

/** Side of the thumbnail kept for checking candidates: the hash square itself (1 KB a logo). */
export const THUMB_SIDE = HASH_SIDE;

/** The prepared square rounded to bytes, as it is (orientation 0). */
export function thumbnail(pixels: Float64Array): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = Math.round(pixels[i]!);
  return out;
}

/**
 * The index in a square grid as it is (a thumbnail unless another side n is given) of cell (x, y) of its
 * orientation v (as ORIENTATIONS describes them).
 */
export function orientedIndex(v: number, x: number, y: number, n = THUMB_SIDE): number {
  let a = v & 4 ? y : x;
  let b = v & 4 ? x : y;
  if (v & 1) a = n - 1 - a;
  if (v & 2) b = n - 1 - b;
  return b * n + a;
}

/** Σq, Σs, Σq², Σs², Σqs of a pair of thumbnails, as pairSums leaves them. */
export type PairSums = Float64Array;

export const pairSumsBuffer = (): PairSums => new Float64Array(5);

/**
 * For each orientation v, the index in a thumbnail as it is of each cell (x, y) of orientation v, row by row
 * (orientedIndex): the candidates' checks read a query's thumbnail turned thousands of times a filing.
 */
const ORIENTED_CELLS: readonly Uint16Array[] = Array.from({ length: ORIENTATIONS }, (_, v) =>
  Uint16Array.from({ length: THUMB_SIDE * THUMB_SIDE }, (_, i) => orientedIndex(v, i % THUMB_SIDE, Math.floor(i / THUMB_SIDE))));

/**
 * The five sums of thumbnail q in orientation v against thumbnail s at sAt over the square window of `side` cells
 * at (x0, y0), into out: what a correlation or a structural similarity of the two is computed from.
 */
export function pairSums(q: Uint8Array, v: number, s: Uint8Array, sAt: number, x0: number, y0: number, side: number, out: PairSums): PairSums {
  const n = THUMB_SIDE;
  const cells = ORIENTED_CELLS[v]!;
  let sq = 0, ss = 0, qq = 0, tt = 0, qt = 0;
  for (let y = y0; y < y0 + side; y++) {
    for (let x = x0; x < x0 + side; x++) {
      const qv = q[cells[y * n + x]!]!;
      const sv = s[sAt + y * n + x]!;
      sq += qv;
      ss += sv;
      qq += qv * qv;
      tt += sv * sv;
      qt += qv * sv;
    }
  }
  out[0] = sq;
  out[1] = ss;
  out[2] = qq;
  out[3] = tt;
  out[4] = qt;
  return out;
}

/**
 * Pearson correlation of thumbnail q in orientation v with thumbnail s (−1 to 1; 0 when either is flat): how
 * alike the two figures are pixel by pixel, a finer check than the 64 bits of the hashes.
 */
export function thumbCorrelation(q: Uint8Array, v: number, s: Uint8Array, sAt = 0): number {
  // the sums are of integers under 2^53, exact in any order: pairSums' over the whole square, in one loop
  const cells = ORIENTED_CELLS[v]!;
  const m = THUMB_SIDE * THUMB_SIDE;
  let sq = 0, ss = 0, qq = 0, tt = 0, qt = 0;
  for (let i = 0; i < m; i++) {
    const qv = q[cells[i]!]!;
    const sv = s[sAt + i]!;
    sq += qv;
    ss += sv;
    qq += qv * qv;
    tt += sv * sv;
    qt += qv * sv;
  }
  const cov = qt - (sq * ss) / m;
  const vq = qq - (sq * sq) / m;
  const vs = tt - (ss * ss) / m;
  return vq > 0 && vs > 0 ? cov / Math.sqrt(vq * vs) : 0;
}

const N = HASH_SIDE;
const LOW = 8;
/** Side of the low DCT block. */
const K = LOW + 1;

/** cos((2x + 1) u π / 2N) for u < LOW + 1, x < N. */
const COS = (() => {
  const t = new Float64Array((LOW + 1) * N);
  for (let u = 0; u <= LOW; u++) for (let x = 0; x < N; x++) t[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  return t;
})();

/** COS's rows in pairs, u = 2p and 2p + 1 side by side for each x: what the kernel's DCT reads two terms at a time. */
const COS_PAIRS = (() => {
  const t = new Float64Array((K >> 1) * N * 2);
  for (let p = 0; p < K >> 1; p++) {
    for (let x = 0; x < N; x++) {
      t[(p * N + x) * 2] = COS[2 * p * N + x]!;
      t[(p * N + x) * 2 + 1] = COS[(2 * p + 1) * N + x]!;
    }
  }
  return t;
})();

/** The orientation v of a square N × N image. */
export function orient(pixels: Float64Array, v: number): Float64Array {
  const out = new Float64Array(N * N);
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) out[y * N + x] = pixels[orientedIndex(v, x, y)]!;
  return out;
}

/** The 64 lowest DCT frequencies (u, v ≤ 8) by u + v, without the mean (which says nothing about the shape). */
const DCT_TERMS: Array<[number, number]> = (() => {
  const all: Array<[number, number]> = [];
  for (let v = 0; v <= LOW; v++) for (let u = 0; u <= LOW; u++) if (u + v > 0) all.push([u, v]);
  return all.sort((a, b) => a[0] + a[1] - (b[0] + b[1]) || a[1] - b[1]).slice(0, 64);
})();

/**
 * Both hashes of a prepared square in all eight orientations, from one DCT and two grids: turning the image only
 * permutes and negates DCT terms (mirroring x negates odd u; the transpose swaps u and v) and permutes grid cells.
 * Perceptual hash: each bit whether one of DCT_TERMS lies above their median. Difference hash: a 9 × 8 grid of
 * area means, each bit whether a cell is brighter than its right neighbour.
 */
export function logoHashes(pixels: Float64Array): LogoHashes {
  const square = loaded(pixels);
  square.lowDct();
  return { phash: square.phash(), dhash: square.dhash() };
}

/** The low DCT block of a prepared square (block[v · K + u]), as logoHashes reads it: exported for its test. */
export const lowDctBlock = (pixels: Float64Array): Float64Array => loaded(pixels).lowDct().slice();

/** The informative bits of a part's perceptual hash when the part has no symmetry (partHashes): all of them. */
export const ASYMMETRIC = 64;

/**
 * The hashes of a part of a figure (shared/engine/logo/parts.ts) from one DCT: the symmetric perceptual hash when
 * the part is symmetric (symmetricPhash), else the plain one, with the number of its informative bits.
 */
export function partHashes(pixels: Float64Array): LogoHashes & { informative: number } {
  const square = loaded(pixels);
  const symmetric = symmetricTerms(square.lowDct());
  return { phash: square.phash(), dhash: square.dhash(), informative: symmetric?.informative ?? ASYMMETRIC };
}

/**
 * For each orientation and each of the 64 bits of the difference hash, the two cells compared (the first brighter
 * sets the bit), in the tall grid (8 × 9) for the transposing orientations and the wide one (9 × 8) for the others.
 */
const DHASH_CELLS = (() => {
  const first = new Uint8Array(ORIENTATIONS * 64);
  const second = new Uint8Array(ORIENTATIONS * 64);
  for (let o = 0; o < ORIENTATIONS; o++) {
    const fx = o & 1;
    const fy = (o >> 1) & 1;
    const t = (o & 4) !== 0;
    const cell = (i: number, j: number) => (t ? (fy ? 8 - i : i) * 8 + (fx ? 7 - j : j) : (fy ? 7 - j : j) * 9 + (fx ? 8 - i : i));
    for (let j = 0, k = o * 64; j < 8; j++) {
      for (let i = 0; i < 8; i++, k++) {
        first[k] = cell(i, j);
        second[k] = cell(i + 1, j);
      }
    }
  }
  return { first, second };
})();

/**
 * For each orientation and each of DCT_TERMS, where its coefficient lies in the 9 × 9 DCT block and whether the
 * orientation negates it (mirroring x negates odd u, mirroring y odd v; the transpose swaps u and v).
 */
const PHASH_TERMS = (() => {
  const at = new Uint8Array(ORIENTATIONS * 64);
  const negate = new Uint8Array(ORIENTATIONS * 64);
  for (let o = 0; o < ORIENTATIONS; o++) {
    const fx = o & 1;
    const fy = (o >> 1) & 1;
    const t = (o & 4) !== 0;
    DCT_TERMS.forEach(([u, v], k) => {
      at[o * 64 + k] = t ? u * K + v : v * K + u;
      negate[o * 64 + k] = t ? (v * fx + u * fy) & 1 : (u * fx + v * fy) & 1;
    });
  }
  return { at, negate };
})();

interface HashExports {
  lowDct(pixels: number, cos: number, cosPairs: number, rows: number, block: number): void;
  orientedPhash(block: number, at: number, negate: number, quantised: number, terms: number, work: number, bits: number, out: number): void;
  orientedDhash(pixels: number, first: number, second: number, wide: number, tall: number, bits: number, out: number): void;
}

/**
 * The DCT block, the perceptual hash of a block and the difference hash in WebAssembly (assembly/hash.ts), with the
 * tables above passed in and the arithmetic of the JavaScript they replaced (tests/unit/logo/hash-kernel.test.ts):
 * every image hashes its figure, its regions and its parts, a dozen squares or more.
 */
const hashKernel = wasmKernel<HashExports>(HASH_WASM);

/** The tables the kernel reads (exported for its test, whose reference reads them too). */
export const HASH_TABLES = { cos: COS, terms: PHASH_TERMS, cells: DHASH_CELLS, dctTerms: DCT_TERMS } as const;

const WORDS = ORIENTATIONS * 2;
/** The kernel's blocks, the tables first (see loaded). */
const LAYOUT = [COS.byteLength, COS_PAIRS.byteLength, 512, 512, 512, 512, N * N * 8, N * K * 8, K * K * 8, 2 * K * K * 8, 64 * 8, 64 * 8, 72 * 8, 72 * 8, 64, WORDS * 4, WORDS * 4];
let tablesIn: object | null = null;

/** A square laid out in the kernel's memory, and the steps of hashing it there. */
function loaded(pixels: Float64Array) {
  const k = hashKernel();
  const { at, heap } = k.reserve(LAYOUT);
  const [cos, cosPairs, termAt, negate, first, second, px, rows, block, quantised, terms, work, wide, tall, bits, phash, dhash] = at as [
    number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number,
  ];
  // the layout is the same at every call and the memory only grows, so the tables are copied once a thread
  if (tablesIn !== k) {
    heap.set(bytesOf(COS), cos);
    heap.set(bytesOf(COS_PAIRS), cosPairs);
    heap.set(PHASH_TERMS.at, termAt);
    heap.set(PHASH_TERMS.negate, negate);
    heap.set(DHASH_CELLS.first, first);
    heap.set(DHASH_CELLS.second, second);
    tablesIn = k;
  }
  new Float64Array(heap.buffer, px, N * N).set(pixels);
  return {
    /** the DCT block: a view of the kernel's memory, which phash reads (symmetricTerms zeroes terms in it) */
    lowDct(): Float64Array {
      k.exports.lowDct(px, cos, cosPairs, rows, block);
      return new Float64Array(heap.buffer, block, K * K);
    },
    phash(): Uint32Array {
      k.exports.orientedPhash(block, termAt, negate, quantised, terms, work, bits, phash);
      return new Uint32Array(heap.buffer.slice(phash, phash + WORDS * 4));
    },
    dhash(): Uint32Array {
      k.exports.orientedDhash(px, first, second, wide, tall, bits, dhash);
      return new Uint32Array(heap.buffer.slice(dhash, dhash + WORDS * 4));
    },
  };
}

/**
 * A parity group of DCT terms (odd across x, odd across y, odd across both) holding less than this share of the
 * 64 terms' energy is taken as empty: the figure is symmetric across that axis (or centrally).
 */
export const SYMMETRY_SHARE = 0.02;

/**
 * The perceptual hash of a figure symmetric across an axis (or about its centre), with the terms that symmetry
 * makes near 0 set to 0; null for a figure that is not. In the plain hash those terms sit at the median, so a JPEG's
 * or a scan's noise sets their bits at random and a copy of a symmetric emblem lands a dozen bits away from it. A
 * group's energy is the same in every orientation (a turn permutes and negates terms, the transpose swaps the two
 * odd groups), so the hash of a turned figure is still the turned hash. Compared only with other symmetric figures:
 * with half its bits fixed it says less, and the pair must pass a finer check (shared/engine/logo/detail.ts).
 */
export function symmetricPhash(pixels: Float64Array): Uint32Array | null {
  const square = loaded(pixels);
  return symmetricTerms(square.lowDct()) ? square.phash() : null;
}

/**
 * The DCT block of a symmetric figure with the terms its symmetry makes near 0 set to 0 (in place), and how many
 * of the 64 hashed terms are left; null when no parity group is empty.
 */
function symmetricTerms(block: Float64Array): { block: Float64Array; informative: number } | null {
  const energy = [0, 0, 0, 0];
  let total = 0;
  for (const [u, v] of DCT_TERMS) {
    const e = block[v * K + u]! ** 2;
    energy[(u & 1) | ((v & 1) << 1)]! += e;
    total += e;
  }
  const empty = [false, ...[1, 2, 3].map((g) => energy[g]! < SYMMETRY_SHARE * total)];
  if (!(total > 0) || !empty.includes(true)) return null;
  let informative = 0;
  for (const [u, v] of DCT_TERMS) {
    if (empty[(u & 1) | ((v & 1) << 1)]) block[v * K + u] = 0;
    else informative++;
  }
  return { block, informative };
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
