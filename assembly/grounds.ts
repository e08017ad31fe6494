// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/grounds-wasm.ts (committed).
// The labelling of even regions that shared/engine/logo/grounds.ts reads a picture's grounds from (evenRegions),
// and what each ground holds (heldBy).
// The regions are the connected components of the pixels joined to a neighbour they are near, which do not depend
// on the order pixels are visited in; each is numbered by its first pixel in row order, as the JavaScript's flood
// fill from every unlabelled pixel in turn numbered them, so the labels, sizes and boxes are the ones it gave.
// tests/unit/logo/grounds-kernel.test.ts holds that JavaScript as the reference.

import { flood8 } from './flood';

/** Whether the RGB pixels a and b differ by at most `step` in every channel. */
function near(rgb: usize, a: i32, b: i32, step: i32): bool {
  const p = rgb + <usize>(a * 3);
  const q = rgb + <usize>(b * 3);
  return abs<i32>(<i32>load<u8>(p) - <i32>load<u8>(q)) <= step
    && abs<i32>(<i32>load<u8>(p, 1) - <i32>load<u8>(q, 1)) <= step
    && abs<i32>(<i32>load<u8>(p, 2) - <i32>load<u8>(q, 2)) <= step;
}

/** The root of i's set; halves the path on the way (every parent is at most its child, so roots are first pixels). */
function rootOf(parent: usize, i: i32): i32 {
  let x = i;
  let p = load<i32>(parent + (<usize>x << 2));
  while (p !== x) {
    const grand = load<i32>(parent + (<usize>p << 2));
    store<i32>(parent + (<usize>x << 2), grand);
    x = grand;
    p = load<i32>(parent + (<usize>x << 2));
  }
  return x;
}

/** Joins the sets of a and b under the smaller root. */
function join(parent: usize, a: i32, b: i32): void {
  const ra = rootOf(parent, a);
  const rb = rootOf(parent, b);
  if (ra < rb) store<i32>(parent + (<usize>rb << 2), ra);
  else if (rb < ra) store<i32>(parent + (<usize>ra << 2), rb);
}

/**
 * Labels (i32 at `label`, width × height) the 4-connected regions of the RGB pixels at `rgb` whose neighbours differ
 * by at most `step`, in the order their first pixels come; each region's size (i32 at `sizes`) and box (4 i32 a
 * region at `boxes`: x0, y0, x1, y1). `stack` is width × height i32 of scratch (each pixel's parent in a union–find).
 * Returns the number of regions.
 */
export function evenRegions(rgb: usize, width: i32, height: i32, step: i32, label: usize, stack: usize, sizes: usize, boxes: usize): i32 {
  const parent = stack;
  // every pixel joined to its left and upper neighbours when near them
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // a pixel near its left neighbour joins that set directly: it is a set of its own, and the left one's root is
      // the smaller, so join would put it there too
      store<i32>(parent + (<usize>i << 2), x > 0 && near(rgb, i, i - 1, step) ? rootOf(parent, i - 1) : i);
      if (y > 0 && near(rgb, i, i - width, step)) join(parent, i, i - width);
    }
  }
  // in row order a pixel's parent comes before it and already points at its root
  let regions = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const p = load<i32>(parent + (<usize>i << 2));
      let id: i32;
      if (p === i) {
        id = regions++;
        store<i32>(sizes + (<usize>id << 2), 0);
        const b = boxes + (<usize>id << 4);
        store<i32>(b, x);
        store<i32>(b, y, 4);
        store<i32>(b, x + 1, 8);
        store<i32>(b, y + 1, 12);
      } else {
        const root = load<i32>(parent + (<usize>p << 2));
        store<i32>(parent + (<usize>i << 2), root);
        id = load<i32>(label + (<usize>root << 2));
        const b = boxes + (<usize>id << 4);
        if (x < load<i32>(b)) store<i32>(b, x);
        if (x >= load<i32>(b, 8)) store<i32>(b, x + 1, 8);
        store<i32>(b, y + 1, 12);
      }
      store<i32>(label + (<usize>i << 2), id);
      const s = sizes + (<usize>id << 2);
      store<i32>(s, load<i32>(s) + 1);
    }
  }
  return regions;
}

// heldBy's state while it floods, kept in globals so that reach takes only the pixel
let held: usize = 0;
let pending: usize = 0;
let top: i32 = 0;

/** Marks pixel k of the box as reaching the edge (2) and queues it, when it is not yet known (0). */
function reach(k: i32): void {
  const s = held + <usize>k;
  if (load<u8>(s) != 0) return;
  store<u8>(s, 2);
  store<i32>(pending + (<usize>top << 2), k);
  top++;
}

/**
 * What ground g holds within its box [x0, y0, x1, y1) of the labels at `label` (i32, `width` a row): the pixels of the
 * box that are not g and cannot reach the box's edge through others that are not g (4-connected). Writes the held
 * pixels' box in the picture (x0, y0, x1, y1) and the number of their 8-connected pieces of at least `minElement`
 * pixels at `out` (5 i32); returns how many pixels are held. `state` is a byte a pixel of the box and `stack` an i32
 * a pixel of scratch. Pieces, counts and boxes do not depend on the order pixels are flooded in, so they are the
 * JavaScript's (tests/unit/logo/grounds-kernel.test.ts holds it).
 */
export function heldBy(label: usize, width: i32, x0: i32, y0: i32, x1: i32, y1: i32, g: i32, minElement: f64, state: usize, stack: usize, out: usize): i32 {
  const w = x1 - x0;
  const h = y1 - y0;
  held = state;
  pending = stack;
  top = 0;
  // 0: not yet known, 1: the ground, 2: reaches the edge, 3: held
  for (let y = 0; y < h; y++) {
    const row = label + (<usize>((y0 + y) * width + x0) << 2);
    for (let x = 0; x < w; x++) store<u8>(state + <usize>(y * w + x), load<i32>(row + (<usize>x << 2)) == g ? 1 : 0);
  }
  for (let x = 0; x < w; x++) {
    reach(x);
    reach((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    reach(y * w);
    reach(y * w + w - 1);
  }
  while (top > 0) {
    top--;
    const k = load<i32>(stack + (<usize>top << 2));
    const x = k % w;
    const y = (k - x) / w;
    if (x > 0) reach(k - 1);
    if (x + 1 < w) reach(k + 1);
    if (y > 0) reach(k - w);
    if (y + 1 < h) reach(k + w);
  }
  let bx0 = w;
  let by0 = h;
  let bx1 = 0;
  let by1 = 0;
  let count = 0;
  let elements = 0;
  for (let k = 0; k < w * h; k++) {
    if (load<u8>(state + <usize>k) != 0) continue;
    // a piece of what is held, flooded 8-connected
    const size = flood8(state, w, h, k, 0, 3, stack);
    for (let p = 0; p < size; p++) {
      const i = load<i32>(stack + (<usize>p << 2));
      const x = i % w;
      const y = (i - x) / w;
      if (x < bx0) bx0 = x;
      if (y < by0) by0 = y;
      if (x + 1 > bx1) bx1 = x + 1;
      if (y + 1 > by1) by1 = y + 1;
    }
    count += size;
    if (<f64>size >= minElement) elements++;
  }
  store<i32>(out, x0 + bx0);
  store<i32>(out, y0 + by0, 4);
  store<i32>(out, x0 + bx1, 8);
  store<i32>(out, y0 + by1, 12);
  store<i32>(out, elements, 16);
  return count;
}
