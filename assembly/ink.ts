// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/ink-wasm.ts (committed).
// The two passes over every pixel that each decoded logo goes through first (shared/engine/logo/prepare.ts
// inkImage and contentMask, which hold the thresholds and pass them in), with the arithmetic of the JavaScript they
// replaced, so that the ink images and masks are the bytes they were. tests/unit/logo/ink-kernels.test.ts holds
// that JavaScript as the reference.

import { flood8 } from './flood';
import { roundHalfUp } from './js-math';

/**
 * The ink image of `channels`-channel pixels at `data` (width × height) against the background colour at `bg`
 * (one byte a channel) into `out`; `distance` and `border` are width × height bytes of scratch.
 */
export function inkImage(
  data: usize, width: i32, height: i32, channels: i32, bg: usize, distance: usize, border: usize, out: usize,
  inkFloor: i32, inkFull: i32, colourEdge: i32, colourEdgeFull: i32, borderLevel: f64,
): void {
  const n = width * height;
  for (let i = 0, p = 0; i < n; i++) {
    let d = 0;
    for (let c = 0; c < channels; c++, p++) {
      const e = abs<i32>(<i32>load<u8>(data + p) - <i32>load<u8>(bg + c));
      if (e > d) d = e;
    }
    store<u8>(distance + i, d);
    store<u8>(border + i, 0);
  }
  // each pair of full-ink neighbours across and down whose colours differ by more than colourEdge
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (<i32>load<u8>(distance + i) < inkFull) continue;
      for (let side = 0; side < 2; side++) {
        if (side == 0 ? x + 1 >= width : y + 1 >= height) continue;
        const j = side == 0 ? i + 1 : i + width;
        if (<i32>load<u8>(distance + j) < inkFull) continue;
        let d = 0;
        for (let c = 0; c < channels; c++) {
          const e = abs<i32>(<i32>load<u8>(data + i * channels + c) - <i32>load<u8>(data + j * channels + c));
          if (e > d) d = e;
        }
        if (d <= colourEdge) continue;
        const level = <i32>roundHalfUp(borderLevel * min<f64>(1, <f64>(d - colourEdge) / <f64>(colourEdgeFull - colourEdge)));
        if (level > <i32>load<u8>(border + i)) store<u8>(border + i, <u8>level);
        if (level > <i32>load<u8>(border + j)) store<u8>(border + j, <u8>level);
      }
    }
  }
  const span = <f64>(inkFull - inkFloor);
  for (let i = 0; i < n; i++) {
    const d = <i32>load<u8>(distance + i);
    const level = d <= inkFloor ? 255 : d >= inkFull ? <i32>load<u8>(border + i) : <i32>roundHalfUp(255 - <f64>((d - inkFloor) * 255) / span);
    store<u8>(out + i, <u8>level);
  }
}

/**
 * 1 in `mask` for each pixel of the gray image at `data` whose 3 × 3 mean differs from `background` by more than
 * `difference`, then 0 again for every 8-connected blob of speckArea pixels or fewer. `across` and `stack` are
 * width × height i32 of scratch. The sums are of bytes, so integers stand for the JavaScript's exact doubles.
 */
export function contentMask(
  data: usize, w: i32, h: i32, background: i32, difference: i32, speckArea: i32, across: usize, stack: usize, mask: usize,
): void {
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const sum = <i32>load<u8>(data + row + x) + (x > 0 ? <i32>load<u8>(data + row + x - 1) : 0) + (x < w - 1 ? <i32>load<u8>(data + row + x + 1) : 0);
      store<i32>(across + (<usize>(row + x) << 2), sum);
    }
  }
  for (let y = 0; y < h; y++) {
    const tall = 1 + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const sum = load<i32>(across + (<usize>i << 2)) + (y > 0 ? load<i32>(across + (<usize>(i - w) << 2)) : 0) + (y < h - 1 ? load<i32>(across + (<usize>(i + w) << 2)) : 0);
      const area = tall * (1 + (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0));
      store<u8>(mask + i, abs<i32>(sum - background * area) > difference * area ? 1 : 0);
    }
  }
  clearSpecks(w, h, speckArea, stack, mask);
}

/**
 * 2 marks a pixel reached; a blob is filled to its end, then cleared (0) or kept (3, back to 1 at the end).
 * 8-connected, unlike regions.ts labelComponents: a speck's pixels often touch only at corners.
 */
function clearSpecks(w: i32, h: i32, speckArea: i32, stack: usize, mask: usize): void {
  const n = w * h;
  for (let start = 0; start < n; start++) {
    if (load<u8>(mask + start) != 1) continue;
    const reached = flood8(mask, w, h, start, 1, 2, stack);
    const keep: u8 = reached > speckArea ? 3 : 0;
    for (let k = 0; k < reached; k++) store<u8>(mask + load<i32>(stack + (<usize>k << 2)), keep);
  }
  for (let i = 0; i < n; i++) if (load<u8>(mask + i) != 0) store<u8>(mask + i, 1);
}

/**
 * How many pixels of `mask` are set (and not set in `skip`, when `skipping`) in each of `rows` rows and across each
 * column x0 .. x0 + columns of them: `mask` and `skip` hold the rows from the first counted, `width` bytes each; the
 * counts are u32 at `rowCounts` and `columnCounts`.
 */
export function maskCounts(
  mask: usize, skip: usize, skipping: bool, width: i32, x0: i32, columns: i32, rows: i32, rowCounts: usize, columnCounts: usize,
): void {
  memory.fill(rowCounts, 0, <usize>rows << 2);
  memory.fill(columnCounts, 0, <usize>columns << 2);
  for (let y = 0; y < rows; y++) {
    let count: u32 = 0;
    const from = <usize>(y * width + x0);
    for (let x = 0; x < columns; x++) {
      const i = from + <usize>x;
      if (load<u8>(mask + i) == 0 || (skipping && load<u8>(skip + i) != 0)) continue;
      count++;
      const c = columnCounts + (<usize>x << 2);
      store<u32>(c, load<u32>(c) + 1);
    }
    store<u32>(rowCounts + (<usize>y << 2), count);
  }
}
