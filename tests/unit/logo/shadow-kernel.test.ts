// The drop-shadow search's pass over every pixel in WebAssembly (assembly/shadow.ts through shared/engine/logo/shadow.ts
// groundInk): the same pixels off the ground, the same shades to the last bit of their f32 and the same count of
// coloured ones as the JavaScript the stored features were computed with, kept here as the reference.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { INK_FLOOR } from '../../../shared/engine/logo/prepare';
import { groundInk } from '../../../shared/engine/logo/shadow';

const SHADE_NOISE = 18;
const COLOURED = -1;

/** shadow.ts shadowOf's pass before the port. */
function reference(rgb: Uint8Array, width: number, height: number, ground: readonly number[]) {
  const [g0, g1, g2] = ground as [number, number, number];
  const n = width * height;
  const inkAt = new Int32Array(n);
  const level = new Float32Array(n);
  const perGround = 1 / (g0 + g1 + g2);
  let inks = 0;
  let coloured = 0;
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    const r = rgb[p]!, g = rgb[p + 1]!, b = rgb[p + 2]!;
    const dr = r - g0, dg = g - g1, db = b - g2;
    if (dr < INK_FLOOR && dr > -INK_FLOOR && dg < INK_FLOOR && dg > -INK_FLOOR && db < INK_FLOOR && db > -INK_FLOOR) continue;
    const t = (r + g + b) * perGround;
    const nr = r - t * g0, ng = g - t * g1, nb = b - t * g2;
    const neutral = nr <= SHADE_NOISE && nr >= -SHADE_NOISE && ng <= SHADE_NOISE && ng >= -SHADE_NOISE && nb <= SHADE_NOISE && nb >= -SHADE_NOISE;
    if (!neutral) coloured++;
    inkAt[inks] = i;
    level[inks++] = neutral ? t : COLOURED;
  }
  return { at: inkAt.subarray(0, inks), level: level.subarray(0, inks), coloured };
}

/** A ground with figures of its own darkened shades, of other colours, and some grain at the floor's edges. */
function picture(next: () => number, width: number, height: number, ground: readonly number[]): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const kind = next() % 6;
    // the ground itself, within the floor of it, a shade of it, a shade off by the noise, another colour
    const shade = 0.2 + (next() % 80) / 100;
    for (let c = 0; c < 3; c++) {
      const g = ground[c]!;
      const v = kind < 2 ? g + ((next() % (2 * INK_FLOOR + 1)) - INK_FLOOR)
        : kind === 2 ? g * shade
          : kind === 3 ? g * shade + ((next() % 41) - 20)
            : next() & 255;
      rgb[i * 3 + c] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return rgb;
}

describe('the drop-shadow pass in WebAssembly', () => {
  it('finds the same ink, shades and coloured count as the JavaScript, on light and tinted grounds', () => {
    const next = rng(57);
    let shaded = 0;
    for (let trial = 0; trial < 40; trial++) {
      const width = 1 + (next() % 130);
      const height = 1 + (next() % 130);
      const ground = trial % 2 ? [255, 255, 255] : [140 + (next() % 116), 140 + (next() % 116), 140 + (next() % 116)];
      const rgb = picture(next, width, height, ground);
      const want = reference(rgb, width, height, ground);
      const got = groundInk(rgb, width, height, ground);
      expect(got.coloured).toBe(want.coloured);
      expect(Array.from(got.ink.at)).toEqual(Array.from(want.at));
      expect(Buffer.from(got.ink.level.buffer, got.ink.level.byteOffset, got.ink.level.byteLength)
        .equals(Buffer.from(want.level.buffer, want.level.byteOffset, want.level.byteLength))).toBe(true);
      shaded += want.level.filter((t) => t !== COLOURED).length;
    }
    // both kinds of ink were met: the ground darkened and other colours
    expect(shaded).toBeGreaterThan(1000);
  });
});
