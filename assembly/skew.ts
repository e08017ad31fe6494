// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/skew-wasm.ts (committed).
// The loops of the tilt search (shared/engine/logo/skew.ts, which keeps the search over angles, computes each
// angle's cosine and sine and passes them in): the ink's steps inside a box, the sharpness of their row and column
// profiles at one angle, and a tilted figure turned back square, with the arithmetic of the JavaScript they
// replaced, so every tilt found and every figure turned back is the one it was.
// tests/unit/logo/skew-kernel.test.ts holds that JavaScript as the reference.

import { roundHalfUp } from './js-math';

/**
 * Where the ink of the gray image at `data` (width × height) changes from a pixel to the next across or down by at
 * least `floor`, over the box [x0, x1) × [y0, y1) and one pixel beyond it each way: each step's place centred on
 * (cx, cy) and its change (÷ 255) as four f64 at `steps` + 32k (x, y, dx, dy). Returns how many.
 */
export function inkSteps(data: usize, width: i32, height: i32, x0: i32, y0: i32, x1: i32, y1: i32, cx: f64, cy: f64, floor: i32, steps: usize): i32 {
  let count = 0;
  const yEnd = min<i32>(height - 1, y1);
  const xEnd = min<i32>(width - 1, x1);
  for (let y = max<i32>(0, y0 - 1); y < yEnd; y++) {
    for (let x = max<i32>(0, x0 - 1); x < xEnd; x++) {
      const i = y * width + x;
      // ink is 255 − level: a step in ink is minus the step in level
      const level = <i32>load<u8>(data + <usize>i);
      const dx = level - <i32>load<u8>(data + <usize>(i + 1));
      const dy = level - <i32>load<u8>(data + <usize>(i + width));
      if (abs<i32>(dx) + abs<i32>(dy) < floor) continue;
      const at = steps + (<usize>count << 5);
      store<f64>(at, <f64>x + 0.5 - cx);
      store<f64>(at, <f64>y + 0.5 - cy, 8);
      store<f64>(at, <f64>dx / 255, 16);
      store<f64>(at, <f64>dy / 255, 24);
      count++;
    }
  }
  return count;
}

/** Adds w to the profile at `at`, split between its two nearest bins. */
function spread(profile: usize, at: f64, w: f64): void {
  const i = Math.floor(at);
  const f = at - i;
  const p = profile + (<usize><i32>i << 3);
  store<f64>(p, load<f64>(p) + w * (1 - f));
  store<f64>(p, load<f64>(p, 8) + w * f, 8);
}

/**
 * The sharpness of the row and column profiles (`bins` f64 each at `rows` and `cols`, cleared here) of the `count`
 * steps at `steps` turned back by the angle whose cosine and sine are c and s: the sum of their squared values.
 */
export function sharpness(steps: usize, count: i32, c: f64, s: f64, reach: f64, rows: usize, cols: usize, bins: i32): f64 {
  memory.fill(rows, 0, <usize>bins << 3);
  memory.fill(cols, 0, <usize>bins << 3);
  for (let k = 0; k < count; k++) {
    const at = steps + (<usize>k << 5);
    const x = load<f64>(at);
    const y = load<f64>(at, 8);
    const dx = load<f64>(at, 16);
    const dy = load<f64>(at, 24);
    // the step across a turned row is the ink's change along the turned column direction, and so on
    spread(rows, reach + y * c - x * s, dy * c - dx * s);
    spread(cols, reach + x * c + y * s, dx * c + dy * s);
  }
  let e: f64 = 0;
  for (let i = 0; i < bins; i++) {
    const r = load<f64>(rows + (<usize>i << 3));
    const k = load<f64>(cols + (<usize>i << 3));
    e += r * r + k * k;
  }
  return e;
}

/** Channel ch of pixel (x, y) of the `width` × `height` RGB pixels at `data`, or the background's beyond them. */
function channelAt(data: usize, width: i32, height: i32, x: i32, y: i32, ch: i32, bg: usize): f64 {
  if (x < 0 || y < 0 || x >= width || y >= height) return load<f64>(bg + (<usize>ch << 3));
  return <f64>load<u8>(data + <usize>((y * width + x) * 3 + ch));
}

/**
 * The RGB pixels at `data` turned by the angle whose cosine and sine are c and s about their centre (bilinear), into
 * the outW × outH canvas at `out`, the uncovered ground the background (three f64 at `bg`).
 */
export function turnBack(data: usize, width: i32, height: i32, c: f64, s: f64, outW: i32, outH: i32, bg: usize, out: usize): void {
  const icx = <f64>(width - 1) / 2;
  const icy = <f64>(height - 1) / 2;
  const ocx = <f64>(outW - 1) / 2;
  const ocy = <f64>(outH - 1) / 2;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      // the output pixel turned forward by the angle lands where the tilted figure drew it
      const dx = <f64>ox - ocx;
      const dy = <f64>oy - ocy;
      const sx = icx + dx * c - dy * s;
      const sy = icy + dx * s + dy * c;
      const fx0 = Math.floor(sx);
      const fy0 = Math.floor(sy);
      const fx = sx - fx0;
      const fy = sy - fy0;
      const x0 = <i32>fx0;
      const y0 = <i32>fy0;
      const o = out + <usize>((oy * outW + ox) * 3);
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        const p = data + <usize>((y0 * width + x0) * 3);
        const q = p + <usize>(width * 3);
        for (let ch = 0; ch < 3; ch++) {
          const top = <f64>load<u8>(p + <usize>ch) * (1 - fx) + <f64>load<u8>(p + <usize>(3 + ch)) * fx;
          const bottom = <f64>load<u8>(q + <usize>ch) * (1 - fx) + <f64>load<u8>(q + <usize>(3 + ch)) * fx;
          store<u8>(o + <usize>ch, <u8>roundHalfUp(top * (1 - fy) + bottom * fy));
        }
        continue;
      }
      for (let ch = 0; ch < 3; ch++) {
        const top = channelAt(data, width, height, x0, y0, ch, bg) * (1 - fx) + channelAt(data, width, height, x0 + 1, y0, ch, bg) * fx;
        const bottom = channelAt(data, width, height, x0, y0 + 1, ch, bg) * (1 - fx) + channelAt(data, width, height, x0 + 1, y0 + 1, ch, bg) * fx;
        store<u8>(o + <usize>ch, <u8>roundHalfUp(top * (1 - fy) + bottom * fy));
      }
    }
  }
}
