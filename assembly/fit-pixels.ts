// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into electron/logos/fit-pixels-wasm.ts (committed).
// The resampler every decoded logo goes through (electron/logos/fit-pixels.ts): an area mean from the decoded
// image to DECODE_SIDE, over white where the image is transparent. The arithmetic is the one the stored features
// were computed with, in the same order and in f64 (the row pass rounding through f32 as it did through a
// Float32Array), so the output is byte for byte what the JavaScript gave; SIMD only runs two channels, or two
// columns, side by side. tests/unit/logo/fit-pixels.test.ts holds the JavaScript as the reference.

/**
 * The pixels at `src` (imgWidth wide, 3 or 4 channels) in the region's rh rows from `top`, resampled to width ×
 * height RGB bytes at `out`. The weights are resample.ts areaWeights' (start, at, part) for the columns (wx…) and the
 * rows (wy…), their indices absolute in the image, so the region's left edge and width are in wx already. `mid`
 * holds rh × width × 3 f32, `row` width × 3 f64.
 */
export function fit(
  src: usize, imgWidth: i32, channels: i32, top: i32, rh: i32, width: i32, height: i32,
  wxs: usize, wxa: usize, wxp: usize, wys: usize, wya: usize, wyp: usize,
  mid: usize, row: usize, out: usize, area: f64,
): void {
  rowPass(src, imgWidth, channels, top, rh, width, wxs, wxa, wxp, mid);
  columnPass(top, width, height, wys, wya, wyp, mid, row, out, area);
}

/** Across each source row of the region into `width` columns; red and green in one f64x2, blue beside them. */
function rowPass(src: usize, imgWidth: i32, channels: i32, top: i32, rh: i32, width: i32, wxs: usize, wxa: usize, wxp: usize, mid: usize): void {
  for (let y = 0; y < rh; y++) {
    const rowStart = (top + y) * imgWidth;
    for (let i = 0; i < width; i++) {
      let rg = f64x2.splat(0);
      let b: f64 = 0;
      const end = load<u32>(wxs + (<usize>(i + 1) << 2));
      for (let k = load<u32>(wxs + (<usize>i << 2)); k < end; k++) {
        const p = src + <usize>((rowStart + <i32>load<u32>(wxa + (<usize>k << 2))) * channels);
        const part = load<f64>(wxp + (<usize>k << 3));
        const a: i32 = channels == 4 ? <i32>load<u8>(p, 3) : 255;
        const pair = f64x2(<f64>load<u8>(p), <f64>load<u8>(p, 1));
        const blue = <f64>load<u8>(p, 2);
        if (a == 255) {
          rg = f64x2.add(rg, f64x2.mul(pair, f64x2.splat(part)));
          b += blue * part;
        } else {
          const opacity = <f64>a / 255;
          const white = <f64>(255 - a);
          rg = f64x2.add(rg, f64x2.mul(f64x2.add(f64x2.mul(pair, f64x2.splat(opacity)), f64x2.splat(white)), f64x2.splat(part)));
          b += (blue * opacity + white) * part;
        }
      }
      const o = mid + (<usize>((y * width + i) * 3) << 2);
      store<f32>(o, <f32>f64x2.extract_lane(rg, 0));
      store<f32>(o, <f32>f64x2.extract_lane(rg, 1), 4);
      store<f32>(o, <f32>b, 8);
    }
  }
}

/** Down each column into `height` rows: every value of output row j reads the same weights, two at a time. */
function columnPass(top: i32, width: i32, height: i32, wys: usize, wya: usize, wyp: usize, mid: usize, row: usize, out: usize, area: f64): void {
  const n = width * 3;
  for (let j = 0; j < height; j++) {
    for (let x = 0; x < n; x++) store<f64>(row + (<usize>x << 3), 0);
    const end = load<u32>(wys + (<usize>(j + 1) << 2));
    for (let k = load<u32>(wys + (<usize>j << 2)); k < end; k++) {
      const part = load<f64>(wyp + (<usize>k << 3));
      const parts = f64x2.splat(part);
      const m = mid + (<usize>((<i32>load<u32>(wya + (<usize>k << 2)) - top) * n) << 2);
      let x = 0;
      for (; x + 1 < n; x += 2) {
        const r = row + (<usize>x << 3);
        const values = f64x2.promote_low_f32x4(v128.load64_zero(m + (<usize>x << 2)));
        v128.store(r, f64x2.add(v128.load(r), f64x2.mul(values, parts)));
      }
      if (x < n) {
        const r = row + (<usize>x << 3);
        store<f64>(r, load<f64>(r) + <f64>load<f32>(m + (<usize>x << 2)) * part);
      }
    }
    // + 0.5 and truncation is Math.round for these non-negative means, as the JavaScript did
    const o = out + <usize>(j * n);
    const areas = f64x2.splat(area);
    const half = f64x2.splat(0.5);
    let x = 0;
    for (; x + 1 < n; x += 2) {
      const means = i32x4.trunc_sat_f64x2_s_zero(f64x2.add(f64x2.div(v128.load(row + (<usize>x << 3)), areas), half));
      store<u8>(o + <usize>x, <u8>i32x4.extract_lane(means, 0));
      store<u8>(o + <usize>x, <u8>i32x4.extract_lane(means, 1), 1);
    }
    if (x < n) store<u8>(o + <usize>x, <u8><i32>(load<f64>(row + (<usize>x << 3)) / area + 0.5));
  }
}
