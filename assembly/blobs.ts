// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/blobs-wasm.ts (committed).
// The blobs a logo's peels and parts are cut from (shared/engine/logo/regions.ts findBlobs and labelComponents, which
// keep the thresholds, pass them in and read the blobs back): the ink of a box, joined over a few pixels, labelled in
// 4-connected components numbered as the JavaScript's flood numbered them, so every blob has the number, the count
// and the box it had. tests/unit/logo/blobs-kernel.test.ts holds that JavaScript as the reference.

import { runRoot } from './runs';

/** out[x] = 1 for each x of the row at `row` (n bytes of 0 and 1) with a set pixel within `join` of it in the row. */
function dilateRow(src: usize, out: usize, n: i32, join: i32): void {
  let x = 0;
  // sixteen at a time where every pixel within `join` either way lies in the row
  if (n >= 16 + 2 * join) {
    for (; x < join; x++) dilateAt(src, out, n, join, x);
    for (; x + 16 + join <= n; x += 16) {
      let any = v128.load(src + <usize>(x - join));
      for (let k = 1 - join; k <= join; k++) any = v128.or(any, v128.load(src + <usize>(x + k)));
      v128.store(out + <usize>x, any);
    }
  }
  for (; x < n; x++) dilateAt(src, out, n, join, x);
}

function dilateAt(src: usize, out: usize, n: i32, join: i32, x: i32): void {
  const to = min<i32>(n - 1, x + join);
  for (let k = max<i32>(0, x - join); k <= to; k++) {
    if (load<u8>(src + <usize>k) != 0) {
      store<u8>(out + <usize>x, 1);
      return;
    }
  }
}

/** Row y of `out` (w × h bytes of 0 and 1) set where a pixel of `src` within `join` rows above or below it is set. */
function dilateDown(src: usize, out: usize, w: i32, h: i32, join: i32, y: i32): void {
  const first = max<i32>(0, y - join);
  const last = min<i32>(h - 1, y + join);
  const o = out + <usize>(y * w);
  let x = 0;
  for (; x + 16 <= w; x += 16) {
    let any = v128.load(src + <usize>(first * w + x));
    for (let r = first + 1; r <= last; r++) any = v128.or(any, v128.load(src + <usize>(r * w + x)));
    v128.store(o + <usize>x, any);
  }
  for (; x < w; x++) {
    let any: u8 = 0;
    for (let r = first; r <= last; r++) any |= load<u8>(src + <usize>(r * w + x));
    store<u8>(o + <usize>x, any);
  }
}

/**
 * The ink of the gray image at `data` (w × h) inside the box [x0, x1) × [y0, y1) — pixels at least `inkStep` off
 * `background` — into `ink`, and that ink joined over `join` pixels across, then down, into `joined` (`across` is
 * scratch). All three are w × h bytes, cleared here. Sixteen pixels at a time: the ink is a byte's distance from a
 * level, and joining is an OR of the neighbours within reach, which is what a running count above zero said.
 */
export function joinInk(data: usize, w: i32, h: i32, x0: i32, y0: i32, x1: i32, y1: i32, background: i32, inkStep: i32, join: i32, ink: usize, across: usize, joined: usize): void {
  const n = <usize>(w * h);
  memory.fill(ink, 0, n);
  memory.fill(across, 0, n);
  const ground = i8x16.splat(<i8>background);
  const step = i8x16.splat(<i8>inkStep);
  const one = i8x16.splat(1);
  for (let y = y0; y < y1; y++) {
    let x = x0;
    // a byte's distance from the background, as two saturating differences (both levels bytes)
    if (background >= 0 && background <= 255 && inkStep >= 0 && inkStep <= 255) {
      for (; x + 16 <= x1; x += 16) {
        const i = <usize>(y * w + x);
        const v = v128.load(data + i);
        const off = v128.or(i8x16.sub_sat_u(v, ground), i8x16.sub_sat_u(ground, v));
        v128.store(ink + i, v128.and(i8x16.ge_u(off, step), one));
      }
    }
    for (; x < x1; x++) {
      const i = <usize>(y * w + x);
      if (abs<i32>(<i32>load<u8>(data + i) - background) >= inkStep) store<u8>(ink + i, 1);
    }
  }
  for (let y = 0; y < h; y++) dilateRow(ink + <usize>(y * w), across + <usize>(y * w), w, join);
  for (let y = 0; y < h; y++) dilateDown(across, joined, w, h, join, y);
}

/**
 * The 4-connected components of `joined` (w × h bytes, set where not 0) into `labels` (w × h i32, blob number + 1, 0
 * outside), each with the count (i32 at `counts` + 4b) and the box ([x0, y0, x1, y1] i32 at `boxes` + 16b) of its
 * pixels set in `ink`. Returns how many blobs. A blob is found as the runs of set pixels it is made of, row by row,
 * each run joined to the runs of the row above that it shares a column with: far fewer steps than a flood through
 * every pixel. The blobs are numbered by their first pixels in row order, as the JavaScript's flood from every
 * unlabelled pixel in turn numbered them (every run's root is its blob's first run). `runs` holds 16 bytes a run
 * (first column, end column exclusive, the run it is joined to, row), ⌈w / 2⌉ runs a row at most.
 */
export function label(joined: usize, ink: usize, w: i32, h: i32, labels: usize, runs: usize, counts: usize, boxes: usize): i32 {
  memory.fill(labels, 0, <usize>(w * h) << 2);
  let count = 0;
  let aboveFirst = 0;
  for (let y = 0; y < h; y++) {
    const row = joined + <usize>(y * w);
    const first = count;
    // the runs of the row above not yet passed: those ending left of this run end left of every later one too
    let k0 = aboveFirst;
    let x = 0;
    while (x < w) {
      if (load<u8>(row + <usize>x) == 0) {
        x++;
        continue;
      }
      const from = x;
      while (x < w && load<u8>(row + <usize>x) != 0) x++;
      const r = runs + (<usize>count << 4);
      store<i32>(r, from);
      store<i32>(r, x, 4);
      store<i32>(r, count, 8);
      store<i32>(r, y, 12);
      // a run above [a0, a1) shares a column with [from, x) when a0 < x and from < a1
      while (k0 < first && load<i32>(runs + (<usize>k0 << 4), 4) <= from) k0++;
      for (let k = k0; k < first; k++) {
        if (load<i32>(runs + (<usize>k << 4)) >= x) break;
        join(runs, k, count);
      }
      count++;
    }
    aboveFirst = first;
  }
  let blobs = 0;
  for (let k = 0; k < count; k++) {
    const root = runRoot(runs, k);
    const r = runs + (<usize>k << 4);
    const from = load<i32>(r);
    const end = load<i32>(r, 4);
    const y = load<i32>(r, 12);
    let id: i32;
    if (root == k) {
      id = blobs++;
      store<i32>(counts + (<usize>id << 2), 0);
      const b = boxes + (<usize>id << 4);
      store<i32>(b, w);
      store<i32>(b, h, 4);
      store<i32>(b, 0, 8);
      store<i32>(b, 0, 12);
    } else {
      // the root, an earlier run, is labelled already
      const o = runs + (<usize>root << 4);
      id = load<i32>(labels + (<usize>(load<i32>(o, 12) * w + load<i32>(o)) << 2)) - 1;
    }
    let inked = 0;
    let left = end;
    let right = from;
    for (let x = from; x < end; x++) {
      const i = <usize>(y * w + x);
      store<i32>(labels + (i << 2), id + 1);
      if (load<u8>(ink + i) == 0) continue;
      inked++;
      if (x < left) left = x;
      right = x + 1;
    }
    if (inked == 0) continue;
    const c = counts + (<usize>id << 2);
    store<i32>(c, load<i32>(c) + inked);
    const b = boxes + (<usize>id << 4);
    if (left < load<i32>(b)) store<i32>(b, left);
    if (y < load<i32>(b, 4)) store<i32>(b, y, 4);
    if (right > load<i32>(b, 8)) store<i32>(b, right, 8);
    if (y + 1 > load<i32>(b, 12)) store<i32>(b, y + 1, 12);
  }
  return blobs;
}

/** Joins the blobs of runs a and b, the later root under the earlier. */
function join(runs: usize, a: i32, b: i32): void {
  const ra = runRoot(runs, a);
  const rb = runRoot(runs, b);
  if (ra == rb) return;
  store<i32>(runs + (<usize>max<i32>(ra, rb) << 4), min<i32>(ra, rb), 8);
}
