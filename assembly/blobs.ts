// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/blobs-wasm.ts (committed).
// The blobs a logo's peels and parts are cut from (shared/engine/logo/regions.ts findBlobs and labelComponents, which
// keep the thresholds, pass them in and read the blobs back): the ink of a box, joined over a few pixels, labelled in
// 4-connected components in the JavaScript's order of visits, so every blob has the number, the count and the box it
// had. tests/unit/logo/blobs-kernel.test.ts holds that JavaScript as the reference.

/** out[i] = 1 where src has a set pixel within `join` steps along one line (n pixels from `from`, `step` apart). */
function dilateLine(src: usize, out: usize, from: i32, step: i32, n: i32, join: i32): void {
  let count = 0;
  const first = min<i32>(join, n);
  for (let k = 0; k < first; k++) count += <i32>load<u8>(src + <usize>(from + k * step));
  for (let k = 0; k < n; k++) {
    if (k + join < n) count += <i32>load<u8>(src + <usize>(from + (k + join) * step));
    if (k - join - 1 >= 0) count -= <i32>load<u8>(src + <usize>(from + (k - join - 1) * step));
    if (count > 0) store<u8>(out + <usize>(from + k * step), 1);
  }
}

/**
 * The ink of the gray image at `data` (w × h) inside the box [x0, x1) × [y0, y1) — pixels at least `inkStep` off
 * `background` — into `ink`, and that ink joined over `join` pixels across, then down, into `joined` (`across` is
 * scratch). All three are w × h bytes, cleared here.
 */
export function joinInk(data: usize, w: i32, h: i32, x0: i32, y0: i32, x1: i32, y1: i32, background: i32, inkStep: i32, join: i32, ink: usize, across: usize, joined: usize): void {
  const n = <usize>(w * h);
  memory.fill(ink, 0, n);
  memory.fill(across, 0, n);
  memory.fill(joined, 0, n);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = <usize>(y * w + x);
      if (abs<i32>(<i32>load<u8>(data + i) - background) >= inkStep) store<u8>(ink + i, 1);
    }
  }
  for (let y = 0; y < h; y++) dilateLine(ink, across, y * w, 1, w, join);
  for (let x = 0; x < w; x++) dilateLine(across, joined, x, w, h, join);
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
