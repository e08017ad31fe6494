// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/parts-wasm.ts (committed).
// The pass over a figure's pixels that cuts its core ink where the colour changes (shared/engine/logo/parts.ts
// colourCut and huesAround, which keep the thresholds and pass them in), with the arithmetic of the JavaScript it
// replaced: the hues are kept as 32-bit floats, as its Float32Array kept them, and compared as doubles.
// tests/unit/logo/parts-kernel.test.ts holds that JavaScript as the reference.

/**
 * The hue in degrees of the ink pixels (gray at most `inkLevel`) of the box [x0, x1) × [y0, y1) widened by a pixel,
 * as f32 at `hue` (−1 where the channels spread less than `minChroma`, and for every other pixel of that band).
 */
function huesAround(data: usize, rgb: usize, w: i32, h: i32, x0: i32, y0: i32, x1: i32, y1: i32, hue: usize, inkLevel: i32, minChroma: i32): void {
  for (let y = max<i32>(0, y0 - 1); y < min<i32>(h, y1 + 1); y++) {
    for (let x = max<i32>(0, x0 - 1); x < min<i32>(w, x1 + 1); x++) {
      const i = y * w + x;
      const at = hue + (<usize>i << 2);
      store<f32>(at, -1);
      if (<i32>load<u8>(data + <usize>i) > inkLevel) continue;
      const p = rgb + <usize>(i * 3);
      const r = <i32>load<u8>(p);
      const g = <i32>load<u8>(p, 1);
      const b = <i32>load<u8>(p, 2);
      const top = max<i32>(r, max<i32>(g, b));
      const chroma = top - min<i32>(r, min<i32>(g, b));
      if (chroma < minChroma) continue;
      let sector: f64;
      if (top == r) {
        // ((g − b) / chroma + 6) % 6: the sum lies in [5, 7), and taking 6 off it is exact
        const s = <f64>(g - b) / <f64>chroma + 6;
        sector = s >= 6 ? s - 6 : s;
      } else if (top == g) {
        sector = <f64>(b - r) / <f64>chroma + 2;
      } else {
        sector = <f64>(r - g) / <f64>chroma + 4;
      }
      store<f32>(at, <f32>(sector * 60));
    }
  }
}

/** Whether two hues lie at least `hueEdge` degrees apart round the circle; never for a pixel without one (−1). */
function huesApart(a: f64, b: f64, hueEdge: f64): bool {
  if (a < 0 || b < 0) return false;
  const d = abs<f64>(a - b);
  return min<f64>(d, 360 - d) >= hueEdge;
}

/** Whether ink pixels a and b (both at most `inkLevel`) differ by more than `colourEdge` in a channel, or in hue. */
function differ(data: usize, rgb: usize, hue: usize, a: i32, b: i32, inkLevel: i32, colourEdge: i32, hueEdge: f64): bool {
  if (<i32>load<u8>(data + <usize>a) > inkLevel || <i32>load<u8>(data + <usize>b) > inkLevel) return false;
  const p = rgb + <usize>(a * 3);
  const q = rgb + <usize>(b * 3);
  return abs<i32>(<i32>load<u8>(p) - <i32>load<u8>(q)) > colourEdge
    || abs<i32>(<i32>load<u8>(p, 1) - <i32>load<u8>(q, 1)) > colourEdge
    || abs<i32>(<i32>load<u8>(p, 2) - <i32>load<u8>(q, 2)) > colourEdge
    || huesApart(<f64>load<f32>(hue + (<usize>a << 2)), <f64>load<f32>(hue + (<usize>b << 2)), hueEdge);
}

/**
 * 1 in `core` (w × h bytes, cleared here) for each pixel of the box [x0, x1) × [y0, y1) of the ink image at `data`
 * at most `coreLevel` whose neighbours across, and whose neighbours down, do not differ (an edge between two
 * colours); `rgb` holds the pixels' colours, `hue` is w × h f32 of scratch.
 */
export function coreInk(
  data: usize, rgb: usize, w: i32, h: i32, x0: i32, y0: i32, x1: i32, y1: i32, hue: usize, core: usize,
  coreLevel: i32, inkLevel: i32, colourEdge: i32, hueEdge: f64, minChroma: i32,
): void {
  memory.fill(core, 0, <usize>(w * h));
  huesAround(data, rgb, w, h, x0, y0, x1, y1, hue, inkLevel, minChroma);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * w + x;
      if (<i32>load<u8>(data + <usize>i) > coreLevel) continue;
      if (x > 0 && x < w - 1 && differ(data, rgb, hue, i - 1, i + 1, inkLevel, colourEdge, hueEdge)) continue;
      if (y > 0 && y < h - 1 && differ(data, rgb, hue, i - w, i + w, inkLevel, colourEdge, hueEdge)) continue;
      store<u8>(core + <usize>i, 1);
    }
  }
}
