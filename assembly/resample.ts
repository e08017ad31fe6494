// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/resample-wasm.ts (committed).
// The area-averaging resample that every part, peel, crop, colour grid and thumbnail of a logo goes through
// (shared/engine/logo/resample.ts resampleArea, which computes the weights, lays the source rows out here and reads
// the output back), with the arithmetic of the JavaScript it replaced: f64 throughout, each sum in the same order, so
// that every output value is the number it was. tests/unit/logo/resample-kernel.test.ts holds that JavaScript as the
// reference.

/** Source value k (channel `channel` of pixel k), as u8 or as f64. */
function valueAt(src: usize, f64s: bool, k: i32): f64 {
  return f64s ? load<f64>(src + (<usize>k << 3)) : <f64>load<u8>(src + <usize>k);
}

/**
 * Rows y0 .. y0 + rows of a source image `srcWidth` pixels wide (`channels` values a pixel, of which `channel` is read;
 * u8, or f64 when `f64s`) laid out from their first row at `src`, resampled to dw × dh f64 at `out`. The weights are
 * areaWeights' (start, at, part) across (wx*, sx source pixels a cell) and down (wy*, from row y0); `mid` is rows × dw
 * f64 of scratch.
 */
export function resample(
  src: usize, f64s: bool, srcWidth: i32, channels: i32, channel: i32, y0: i32, rows: i32, dw: i32, dh: i32,
  sx: f64, sy: f64, wxs: usize, wxa: usize, wxp: usize, wys: usize, wya: usize, wyp: usize, mid: usize, out: usize,
): void {
  // across: each row into dw columns
  for (let y = 0; y < rows; y++) {
    const row = y * srcWidth;
    for (let i = 0; i < dw; i++) {
      let s: f64 = 0;
      const end = load<u32>(wxs + (<usize>(i + 1) << 2));
      for (let k = load<u32>(wxs + (<usize>i << 2)); k < end; k++) {
        const at = <i32>load<u32>(wxa + (<usize>k << 2));
        s += valueAt(src, f64s, (row + at) * channels + channel) * load<f64>(wxp + (<usize>k << 3));
      }
      store<f64>(mid + (<usize>(y * dw + i) << 3), s / sx);
    }
  }
  // down: every output row reads the same weights across it, so two columns go side by side in one f64x2
  const pairs = dw & ~1;
  const divisor = f64x2.splat(sy);
  for (let j = 0; j < dh; j++) {
    const from = load<u32>(wys + (<usize>j << 2));
    const end = load<u32>(wys + (<usize>(j + 1) << 2));
    const o = out + (<usize>(j * dw) << 3);
    for (let i = 0; i < pairs; i += 2) {
      let s = f64x2.splat(0);
      for (let k = from; k < end; k++) {
        const r = <i32>load<u32>(wya + (<usize>k << 2)) - y0;
        s = f64x2.add(s, f64x2.mul(v128.load(mid + (<usize>(r * dw + i) << 3)), f64x2.splat(load<f64>(wyp + (<usize>k << 3)))));
      }
      v128.store(o + (<usize>i << 3), f64x2.div(s, divisor));
    }
    if (pairs < dw) {
      let s: f64 = 0;
      for (let k = from; k < end; k++) {
        const r = <i32>load<u32>(wya + (<usize>k << 2)) - y0;
        s += load<f64>(mid + (<usize>(r * dw + pairs) << 3)) * load<f64>(wyp + (<usize>k << 3));
      }
      store<f64>(o + (<usize>pairs << 3), s / sy);
    }
  }
}

/**
 * The pixels of columns x0 .. x1 of `count` rows at `rows` (`width` pixels of `channels` bytes a row) whose byte in
 * the mask at `mask` (`width` a row) is set, made the fill (`channels` bytes at `fill`): an element peeled off, read
 * as the background. A gray image's rows sixteen pixels at a time.
 */
export function erase(rows: usize, mask: usize, width: i32, channels: i32, x0: i32, x1: i32, count: i32, fill: usize): void {
  const zero = i8x16.splat(0);
  const level = i8x16.splat(<i8>load<u8>(fill));
  for (let y = 0; y < count; y++) {
    const m = mask + <usize>(y * width);
    const r = rows + <usize>(y * width * channels);
    let x = x0;
    if (channels == 1) {
      for (; x + 16 <= x1; x += 16) {
        const p = r + <usize>x;
        v128.store(p, v128.bitselect(level, v128.load(p), i8x16.ne(v128.load(m + <usize>x), zero)));
      }
    }
    for (; x < x1; x++) {
      if (load<u8>(m + <usize>x) == 0) continue;
      for (let c = 0; c < channels; c++) store<u8>(r + <usize>(x * channels + c), load<u8>(fill + <usize>c));
    }
  }
}
