// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/shadow-wasm.ts (committed).
// The pass of the drop-shadow search over every pixel of a decoded logo (shared/engine/logo/shadow.ts groundInk,
// which keeps the thresholds and passes them in): each pixel that is not the ground, and its shade — the factor on
// the ground when it is the ground darkened, or `coloured` — with the arithmetic of the JavaScript it replaced.
// tests/unit/logo/shadow-kernel.test.ts holds that JavaScript as the reference.

/**
 * For each of the n RGB pixels at `rgb` farther than `floor` from the ground (g0, g1, g2) in some channel: its index
 * (i32 at `inkAt`) and its shade (f32 at `level`): t = (r + g + b) · perGround when every channel lies within
 * `noise` of the ground's times t, else `coloured`. Writes how many and how many were coloured as two i32 at `counts`.
 */
export function groundInk(
  rgb: usize, n: i32, g0: f64, g1: f64, g2: f64, perGround: f64, floor: f64, noise: f64, coloured: f32,
  inkAt: usize, level: usize, counts: usize,
): void {
  let inks = 0;
  let others = 0;
  for (let i = 0; i < n; i++) {
    const p = rgb + <usize>(i * 3);
    const r = <f64>load<u8>(p);
    const g = <f64>load<u8>(p, 1);
    const b = <f64>load<u8>(p, 2);
    const dr = r - g0;
    const dg = g - g1;
    const db = b - g2;
    if (dr < floor && dr > -floor && dg < floor && dg > -floor && db < floor && db > -floor) continue;
    const t = (r + g + b) * perGround;
    const nr = r - t * g0;
    const ng = g - t * g1;
    const nb = b - t * g2;
    const neutral = nr <= noise && nr >= -noise && ng <= noise && ng >= -noise && nb <= noise && nb >= -noise;
    if (!neutral) others++;
    store<i32>(inkAt + (<usize>inks << 2), i);
    store<f32>(level + (<usize>inks << 2), neutral ? <f32>t : coloured);
    inks++;
  }
  store<i32>(counts, inks);
  store<i32>(counts, others, 4);
}
