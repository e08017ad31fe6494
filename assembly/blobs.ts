// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/blobs-wasm.ts (committed).
// The blobs a logo's peels and parts are cut from (shared/engine/logo/regions.ts findBlobs and labelComponents, which
// keep the thresholds, pass them in and read the blobs back): the ink of a box, joined over a few pixels, labelled in
// 4-connected components in the JavaScript's order of visits, so every blob has the number, the count and the box it
// had. tests/unit/logo/blobs-kernel.test.ts holds that JavaScript as the reference.

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
 * The 4-connected components of `joined` (w × h bytes) into `labels` (w × h i32, blob number + 1, 0 outside), each
 * with the count (i32 at `counts` + 4b) and the box ([x0, y0, x1, y1] i32 at `boxes` + 16b) of its pixels set in
 * `ink`; `stack` is w × h i32 of scratch. Returns how many blobs.
 */
export function label(joined: usize, ink: usize, w: i32, h: i32, labels: usize, stack: usize, counts: usize, boxes: usize): i32 {
  const n = w * h;
  memory.fill(labels, 0, <usize>n << 2);
  let blobs = 0;
  for (let start = 0; start < n; start++) {
    if (load<u8>(joined + <usize>start) == 0 || load<i32>(labels + (<usize>start << 2)) != 0) continue;
    const id = blobs + 1;
    let count = 0;
    let bx0 = w;
    let by0 = h;
    let bx1 = 0;
    let by1 = 0;
    store<i32>(labels + (<usize>start << 2), id);
    let top = 0;
    store<i32>(stack, start);
    top++;
    while (top > 0) {
      top--;
      const p = load<i32>(stack + (<usize>top << 2));
      const x = p % w;
      const y = (p - x) / w;
      if (load<u8>(ink + <usize>p) != 0) {
        count++;
        if (x < bx0) bx0 = x;
        if (y < by0) by0 = y;
        if (x + 1 > bx1) bx1 = x + 1;
        if (y + 1 > by1) by1 = y + 1;
      }
      // the four neighbours; labelled when pushed, so each pixel is pushed once
      if (x > 0) top = push(joined, labels, stack, top, p - 1, id);
      if (x < w - 1) top = push(joined, labels, stack, top, p + 1, id);
      if (y > 0) top = push(joined, labels, stack, top, p - w, id);
      if (y < h - 1) top = push(joined, labels, stack, top, p + w, id);
    }
    store<i32>(counts + (<usize>blobs << 2), count);
    const b = boxes + (<usize>blobs << 4);
    store<i32>(b, bx0);
    store<i32>(b, by0, 4);
    store<i32>(b, bx1, 8);
    store<i32>(b, by1, 12);
    blobs++;
  }
  return blobs;
}

/** Labels pixel q and pushes it when it is joined and not labelled yet; returns the new top. */
function push(joined: usize, labels: usize, stack: usize, top: i32, q: i32, id: i32): i32 {
  if (load<u8>(joined + <usize>q) == 0) return top;
  const at = labels + (<usize>q << 2);
  if (load<i32>(at) != 0) return top;
  store<i32>(at, id);
  store<i32>(stack + (<usize>top << 2), q);
  return top + 1;
}
