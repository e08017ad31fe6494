// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/ink-wasm.ts (committed).
// The two passes over every pixel that each decoded logo goes through first (shared/engine/logo/prepare.ts
// inkImage and contentMask, which hold the thresholds and pass them in), with the arithmetic of the JavaScript they
// replaced, so that the ink images and masks are the bytes they were: SIMD takes sixteen RGB pixels (eight sums of
// the mask) at a time where the arithmetic is of whole bytes, and the specks are found by runs rather than by a
// flood through every pixel (the blobs are the same whatever finds them). tests/unit/logo/ink-kernels.test.ts holds
// that JavaScript as the reference.

import { roundHalfUp } from './js-math';
import { runRoot } from './runs';

/**
 * The ink image of `channels`-channel pixels at `data` (width × height) against the background colour at `bg`
 * (one byte a channel) into `out`; `distance` and `border` are width × height bytes of scratch, `levels` 256.
 */
export function inkImage(
  data: usize, width: i32, height: i32, channels: i32, bg: usize, distance: usize, border: usize, levels: usize, out: usize,
  inkFloor: i32, inkFull: i32, colourEdge: i32, colourEdgeFull: i32, borderLevel: f64,
): void {
  const n = width * height;
  if (channels == 3) distances3(data, n, bg, distance, border);
  else distances(data, n, channels, bg, distance);
  memory.fill(border, 0, <usize>n);
  // each pair of full-ink neighbours across and down whose colours differ by more than colourEdge
  for (let y = 0; y < height; y++) {
    let x = 0;
    if (channels == 3) {
      // sixteen pixels at a time while the sixteenth's neighbour across is in the row; the pairs found are rare
      for (; x + 16 < width; x += 16) {
        const i = y * width + x;
        edges16(data, distance, border, i, 1, inkFull, colourEdge, colourEdgeFull, borderLevel);
        if (y + 1 < height) edges16(data, distance, border, i, width, inkFull, colourEdge, colourEdgeFull, borderLevel);
      }
    }
    for (; x < width; x++) {
      const i = y * width + x;
      if (<i32>load<u8>(distance + i) < inkFull) continue;
      if (x + 1 < width) edge(data, channels, distance, border, i, i + 1, inkFull, colourEdge, colourEdgeFull, borderLevel);
      if (y + 1 < height) edge(data, channels, distance, border, i, i + width, inkFull, colourEdge, colourEdgeFull, borderLevel);
    }
  }
  // a pixel's level is a function of its distance alone, but at full ink
  const span = <f64>(inkFull - inkFloor);
  for (let d = 0; d < 256; d++) {
    store<u8>(levels + <usize>d, <u8>(d <= inkFloor ? 255 : d >= inkFull ? 0 : <i32>roundHalfUp(255 - <f64>((d - inkFloor) * 255) / span)));
  }
  for (let i = 0; i < n; i++) {
    const d = <i32>load<u8>(distance + i);
    store<u8>(out + i, d >= inkFull ? load<u8>(border + i) : load<u8>(levels + <usize>d));
  }
}

/** Each pixel's largest channel difference from the background colour. */
function distances(data: usize, n: i32, channels: i32, bg: usize, distance: usize): void {
  for (let i = 0, p = 0; i < n; i++) {
    let d = 0;
    for (let c = 0; c < channels; c++, p++) {
      const e = abs<i32>(<i32>load<u8>(data + p) - <i32>load<u8>(bg + c));
      if (e > d) d = e;
    }
    store<u8>(distance + i, d);
  }
}

/**
 * distances for RGB pixels, sixteen at a time: the 48 bytes' differences from the background repeated, each
 * channel's sixteen gathered into one vector, the largest taken. `scratch` (48 bytes or more when n ≥ 16) holds the
 * background repeated.
 */
function distances3(data: usize, n: i32, bg: usize, distance: usize, scratch: usize): void {
  let i = 0;
  if (n >= 16) {
    for (let k = 0; k < 48; k++) store<u8>(scratch + <usize>k, load<u8>(bg + <usize>(k % 3)));
    const b0 = v128.load(scratch);
    const b1 = v128.load(scratch, 16);
    const b2 = v128.load(scratch, 32);
    for (; i + 16 <= n; i += 16) {
      const p = data + <usize>(i * 3);
      const d0 = absDiff(v128.load(p), b0);
      const d1 = absDiff(v128.load(p, 16), b1);
      const d2 = absDiff(v128.load(p, 32), b2);
      v128.store(distance + <usize>i, i8x16.max_u(i8x16.max_u(channel0(d0, d1, d2), channel1(d0, d1, d2)), channel2(d0, d1, d2)));
    }
  }
  if (i < n) distances(data + <usize>(i * 3), n - i, 3, bg, distance + <usize>i);
}

/**
 * The edges between the sixteen RGB pixels from i and their neighbours `step` pixels on (1 across, width down):
 * their largest channel differences sixteen at a time, and the border levels of the pairs both inked and past
 * colourEdge set one by one (max is the same in any order).
 */
function edges16(
  data: usize, distance: usize, border: usize, i: i32, step: i32,
  inkFull: i32, colourEdge: i32, colourEdgeFull: i32, borderLevel: f64,
): void {
  const full = i8x16.splat(<i8>inkFull);
  const inked = v128.and(i8x16.ge_u(v128.load(distance + <usize>i), full), i8x16.ge_u(v128.load(distance + <usize>(i + step)), full));
  if (!v128.any_true(inked)) return;
  const p = data + <usize>(i * 3);
  const q = data + <usize>((i + step) * 3);
  const d0 = absDiff(v128.load(p), v128.load(q));
  const d1 = absDiff(v128.load(p, 16), v128.load(q, 16));
  const d2 = absDiff(v128.load(p, 32), v128.load(q, 32));
  const d = i8x16.max_u(i8x16.max_u(channel0(d0, d1, d2), channel1(d0, d1, d2)), channel2(d0, d1, d2));
  let found = i8x16.bitmask(v128.and(inked, i8x16.gt_u(d, i8x16.splat(<i8>colourEdge))));
  while (found != 0) {
    const k = ctz<i32>(found);
    found &= found - 1;
    edge(data, 3, distance, border, i + k, i + k + step, inkFull, colourEdge, colourEdgeFull, borderLevel);
  }
}

// Channel c of pixel j of sixteen RGB pixels is byte 3j + c of their 48: in a for 3j + c < 16, b below 32, else c.
function channel0(a: v128, b: v128, c: v128): v128 {
  return i8x16.shuffle(i8x16.shuffle(a, b, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0), c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29);
}

function channel1(a: v128, b: v128, c: v128): v128 {
  return i8x16.shuffle(i8x16.shuffle(a, b, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0), c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30);
}

function channel2(a: v128, b: v128, c: v128): v128 {
  return i8x16.shuffle(i8x16.shuffle(a, b, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0), c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31);
}

/** |a − b| bytewise. */
function absDiff(a: v128, b: v128): v128 {
  return v128.or(i8x16.sub_sat_u(a, b), i8x16.sub_sat_u(b, a));
}

/**
 * The border level inked pixel i and its neighbour j give each other when j is inked too: their largest channel
 * difference past colourEdge. edges16 calls it again for the few pairs it finds, rather than keep sixteen distances.
 */
function edge(
  data: usize, channels: i32, distance: usize, border: usize, i: i32, j: i32,
  inkFull: i32, colourEdge: i32, colourEdgeFull: i32, borderLevel: f64,
): void {
  if (<i32>load<u8>(distance + j) < inkFull) return;
  let d = 0;
  const p = data + <usize>(i * channels);
  const q = data + <usize>(j * channels);
  if (channels == 3) {
    d = max<i32>(max<i32>(abs<i32>(<i32>load<u8>(p) - <i32>load<u8>(q)), abs<i32>(<i32>load<u8>(p, 1) - <i32>load<u8>(q, 1))),
      abs<i32>(<i32>load<u8>(p, 2) - <i32>load<u8>(q, 2)));
  } else {
    for (let c = 0; c < channels; c++) {
      const e = abs<i32>(<i32>load<u8>(p + <usize>c) - <i32>load<u8>(q + <usize>c));
      if (e > d) d = e;
    }
  }
  if (d <= colourEdge) return;
  const level = <i32>roundHalfUp(borderLevel * min<f64>(1, <f64>(d - colourEdge) / <f64>(colourEdgeFull - colourEdge)));
  if (level > <i32>load<u8>(border + i)) store<u8>(border + i, <u8>level);
  if (level > <i32>load<u8>(border + j)) store<u8>(border + j, <u8>level);
}

/**
 * 1 in `mask` for each pixel of the gray image at `data` whose 3 × 3 mean differs from `background` by more than
 * `difference`, then 0 again for every 8-connected blob of speckArea pixels or fewer. `across` is width × height u16
 * of scratch and `runs` 16 bytes for each run of set pixels, ⌈width / 2⌉ a row at most. The sums are of bytes, so integers stand for
 * the JavaScript's exact doubles; SIMD sums eight pixels of a row at once away from the image's edges.
 */
export function contentMask(
  data: usize, w: i32, h: i32, background: i32, difference: i32, speckArea: i32, across: usize, runs: usize, mask: usize,
): void {
  for (let y = 0; y < h; y++) acrossRow(data + <usize>(y * w), w, across + (<usize>(y * w) << 1));
  for (let y = 0; y < h; y++) maskRow(y, w, h, background, difference, across, mask);
  clearSpecks(w, h, speckArea, runs, mask);
}

/** Each pixel of a row with its left and right neighbours (those inside the row), as u16 at `out`. */
function acrossRow(row: usize, w: i32, out: usize): void {
  let x = 0;
  if (w > 2) {
    acrossAt(row, w, out, 0);
    // eight at a time while x + 8, the rightmost neighbour read, is inside the row
    for (x = 1; x + 8 < w; x += 8) {
      const p = row + <usize>x;
      const sum = i16x8.add(i16x8.add(i16x8.extend_low_i8x16_u(v128.load64_zero(p - 1)), i16x8.extend_low_i8x16_u(v128.load64_zero(p))),
        i16x8.extend_low_i8x16_u(v128.load64_zero(p + 1)));
      v128.store(out + (<usize>x << 1), sum);
    }
  }
  for (; x < w; x++) acrossAt(row, w, out, x);
}

function acrossAt(row: usize, w: i32, out: usize, x: i32): void {
  const sum = <i32>load<u8>(row + <usize>x) + (x > 0 ? <i32>load<u8>(row + <usize>(x - 1)) : 0) + (x < w - 1 ? <i32>load<u8>(row + <usize>(x + 1)) : 0);
  store<u16>(out + (<usize>x << 1), <u16>sum);
}

/** Row y of the mask: 1 where the 3 × 3 sum (of the pixels inside the image) is more than difference a pixel off the background. */
function maskRow(y: i32, w: i32, h: i32, background: i32, difference: i32, across: usize, mask: usize): void {
  let x = 0;
  if (y > 0 && y < h - 1 && w > 2) {
    maskAt(y, w, h, background, difference, across, mask, 0);
    // a full 3 × 3 away from the edges: |sum − 9·background| > 9·difference, in i16 (a sum is at most 9 · 255)
    const centre = i16x8.splat(<i16>(9 * background));
    const limit = i16x8.splat(<i16>(9 * difference));
    const one = i8x16.splat(1);
    for (x = 1; x + 8 < w; x += 8) {
      const a = across + (<usize>(y * w + x) << 1);
      const sum = i16x8.add(i16x8.add(v128.load(a - (<usize>w << 1)), v128.load(a)), v128.load(a + (<usize>w << 1)));
      const far = i16x8.gt_s(i16x8.abs(i16x8.sub(sum, centre)), limit);
      v128.store64_lane(mask + <usize>(y * w + x), v128.and(i8x16.narrow_i16x8_s(far, far), one), 0);
    }
  }
  for (; x < w; x++) maskAt(y, w, h, background, difference, across, mask, x);
}

function maskAt(y: i32, w: i32, h: i32, background: i32, difference: i32, across: usize, mask: usize, x: i32): void {
  const i = y * w + x;
  const tall = 1 + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
  const sum = <i32>load<u16>(across + (<usize>i << 1)) + (y > 0 ? <i32>load<u16>(across + (<usize>(i - w) << 1)) : 0)
    + (y < h - 1 ? <i32>load<u16>(across + (<usize>(i + w) << 1)) : 0);
  const area = tall * (1 + (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0));
  store<u8>(mask + <usize>i, abs<i32>(sum - background * area) > difference * area ? 1 : 0);
}

/**
 * Clears every 8-connected blob of speckArea pixels or fewer from the 0/1 mask (a speck's pixels often touch only at
 * corners). A blob is found as the runs of set pixels it is made of, row by row, each run joined to the runs of the
 * row above that it touches, a corner too: far fewer steps than a flood through every pixel, and the blobs are the
 * same whatever finds them. The runs are 16 bytes each at `runs`: first pixel, end (exclusive, as pixel indices),
 * the run it is joined to (union–find, every parent an earlier run) and, at a root, the blob's size.
 */
function clearSpecks(w: i32, h: i32, speckArea: i32, runs: usize, mask: usize): void {
  let count = 0;
  let aboveFirst = 0;
  for (let y = 0; y < h; y++) {
    const rowStart = y * w;
    const first = count;
    // the runs of the row above not yet passed: those ending left of this run end left of every later one too
    let k0 = aboveFirst;
    let x = 0;
    while (x < w) {
      if (load<u8>(mask + <usize>(rowStart + x)) == 0) {
        x++;
        continue;
      }
      const from = x;
      while (x < w && load<u8>(mask + <usize>(rowStart + x)) != 0) x++;
      const r = runs + (<usize>count << 4);
      store<i32>(r, rowStart + from);
      store<i32>(r, rowStart + x, 4);
      store<i32>(r, count, 8);
      store<i32>(r, x - from, 12);
      // a run above [a0, a1) touches [from, x) when a0 ≤ x and from ≤ a1 (columns, ends exclusive)
      while (k0 < first && load<i32>(runs + (<usize>k0 << 4), 4) - rowStart + w < from) k0++;
      for (let k = k0; k < first; k++) {
        if (load<i32>(runs + (<usize>k << 4)) - rowStart + w > x) break;
        join(runs, k, count);
      }
      count++;
    }
    aboveFirst = first;
  }
  for (let k = 0; k < count; k++) {
    if (load<i32>(runs + (<usize>runRoot(runs, k) << 4), 12) > speckArea) continue;
    const r = runs + (<usize>k << 4);
    const from = load<i32>(r);
    memory.fill(mask + <usize>from, 0, <usize>(load<i32>(r, 4) - from));
  }
}

/** Joins the blobs of runs a and b: the later root under the earlier, its size added. */
function join(runs: usize, a: i32, b: i32): void {
  const ra = runRoot(runs, a);
  const rb = runRoot(runs, b);
  if (ra == rb) return;
  const root = min<i32>(ra, rb);
  const other = max<i32>(ra, rb);
  const r = runs + (<usize>root << 4);
  const o = runs + (<usize>other << 4);
  store<i32>(o, root, 8);
  store<i32>(r, load<i32>(r, 12) + load<i32>(o, 12), 12);
}

/**
 * How many pixels of `mask` are set (and not set in `skip`, when `skipping`) in each of `rows` rows and across each
 * column x0 .. x0 + columns of them: `mask` and `skip` hold the rows from the first counted, `width` bytes each; the
 * counts are u32 at `rowCounts` and `columnCounts`. Sixteen pixels of a row at a time: a logo's peels box the whole
 * mask again for every element they take off, and most of a mask is ground that no count moves for.
 */
export function maskCounts(
  mask: usize, skip: usize, skipping: bool, width: i32, x0: i32, columns: i32, rows: i32, rowCounts: usize, columnCounts: usize,
): void {
  memory.fill(rowCounts, 0, <usize>rows << 2);
  memory.fill(columnCounts, 0, <usize>columns << 2);
  const zero = i8x16.splat(0);
  const one = i8x16.splat(1);
  for (let y = 0; y < rows; y++) {
    let count: u32 = 0;
    const from = <usize>(y * width + x0);
    let x = 0;
    for (; x + 16 <= columns; x += 16) {
      const i = from + <usize>x;
      let set = i8x16.ne(v128.load(mask + i), zero);
      if (skipping) set = v128.andnot(set, i8x16.ne(v128.load(skip + i), zero));
      if (!v128.any_true(set)) continue;
      count += <u32>popcnt<i32>(i8x16.bitmask(set));
      const ones = v128.and(set, one);
      const low = i16x8.extend_low_i8x16_u(ones);
      const high = i16x8.extend_high_i8x16_u(ones);
      const c = columnCounts + (<usize>x << 2);
      v128.store(c, i32x4.add(v128.load(c), i32x4.extend_low_i16x8_u(low)));
      v128.store(c, i32x4.add(v128.load(c, 16), i32x4.extend_high_i16x8_u(low)), 16);
      v128.store(c, i32x4.add(v128.load(c, 32), i32x4.extend_low_i16x8_u(high)), 32);
      v128.store(c, i32x4.add(v128.load(c, 48), i32x4.extend_high_i16x8_u(high)), 48);
    }
    for (; x < columns; x++) {
      const i = from + <usize>x;
      if (load<u8>(mask + i) == 0 || (skipping && load<u8>(skip + i) != 0)) continue;
      count++;
      const c = columnCounts + (<usize>x << 2);
      store<u32>(c, load<u32>(c) + 1);
    }
    store<u32>(rowCounts + (<usize>y << 2), count);
  }
}
