// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/grounds-wasm.ts (committed).
// The labelling of even regions that shared/engine/logo/grounds.ts reads a picture's grounds from (evenRegions),
// with the JavaScript's order of visits, so the labels, sizes and boxes are the ones it gave.
// tests/unit/logo/grounds-kernel.test.ts holds that JavaScript as the reference.

/** Whether the RGB pixels a and b differ by at most `step` in every channel. */
function near(rgb: usize, a: i32, b: i32, step: i32): bool {
  const p = rgb + <usize>(a * 3);
  const q = rgb + <usize>(b * 3);
  return abs<i32>(<i32>load<u8>(p) - <i32>load<u8>(q)) <= step
    && abs<i32>(<i32>load<u8>(p, 1) - <i32>load<u8>(q, 1)) <= step
    && abs<i32>(<i32>load<u8>(p, 2) - <i32>load<u8>(q, 2)) <= step;
}

/**
 * Labels (i32 at `label`, width × height) the 4-connected regions of the RGB pixels at `rgb` whose neighbours differ
 * by at most `step`, in the order their first pixels come; each region's size (i32 at `sizes`) and box (4 i32 a
 * region at `boxes`: x0, y0, x1, y1). `stack` is width × height i32 of scratch. Returns the number of regions.
 */
export function evenRegions(rgb: usize, width: i32, height: i32, step: i32, label: usize, stack: usize, sizes: usize, boxes: usize): i32 {
  const n = width * height;
  for (let i = 0; i < n; i++) store<i32>(label + (<usize>i << 2), -1);
  let regions = 0;
  for (let start = 0; start < n; start++) {
    if (load<i32>(label + (<usize>start << 2)) >= 0) continue;
    const id = regions;
    let top = 0;
    let count = 0;
    let x0 = width, y0 = height, x1 = 0, y1 = 0;
    store<i32>(stack, start);
    top++;
    store<i32>(label + (<usize>start << 2), id);
    while (top > 0) {
      top--;
      const i = load<i32>(stack + (<usize>top << 2));
      count++;
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x >= x1) x1 = x + 1;
      if (y >= y1) y1 = y + 1;
      // left, right, up, down, as the JavaScript pushed them
      if (x > 0) top = visit(rgb, label, stack, top, i, i - 1, id, step);
      if (x + 1 < width) top = visit(rgb, label, stack, top, i, i + 1, id, step);
      if (y > 0) top = visit(rgb, label, stack, top, i, i - width, id, step);
      if (y + 1 < height) top = visit(rgb, label, stack, top, i, i + width, id, step);
    }
    store<i32>(sizes + (<usize>id << 2), count);
    const b = boxes + (<usize>id << 4);
    store<i32>(b, x0);
    store<i32>(b, y0, 4);
    store<i32>(b, x1, 8);
    store<i32>(b, y1, 12);
    regions++;
  }
  return regions;
}

/** Labels j and pushes it when it is unlabelled and near i; returns the stack's new top. */
function visit(rgb: usize, label: usize, stack: usize, top: i32, i: i32, j: i32, id: i32, step: i32): i32 {
  if (load<i32>(label + (<usize>j << 2)) >= 0 || !near(rgb, i, j, step)) return top;
  store<i32>(label + (<usize>j << 2), id);
  store<i32>(stack + (<usize>top << 2), j);
  return top + 1;
}
