// A drop shadow under a logo's figures: a darker copy of the ground offset a few pixels, down and right as a rule
// (a designer's effect, or a squatter's). The ink image reads the shadow as ink, so the figure's box, its hashes and
// its parts all take it in. Found here by its two marks — its pixels are the ground darkened (grey on white: every
// channel the ground's times one factor), and they lie where the other ink lies moved by one offset, along every
// figure's far edges — it is painted back as ground before the figure is hashed (electron/logos/seen.ts). In a print
// in grey the figures are the ground darkened too, and the shadow is told from them by its level (shadowInGrey).
import { borderMedians, INK_FLOOR } from './prepare';
import { SHADOW_WASM } from './shadow-wasm';
import { wasmKernel } from './wasm-kernel';

/** The darkest a shadow may make the ground (the factor on every channel); darker greys are a figure's own ink. */
const MIN_SHADE = 0.3;
/** How far a shadow pixel may lie from the ground darkened, in any channel (a JPEG's colour noise). */
const SHADE_NOISE = 18;
/** The longest offset looked at, in pixels of the decoded image (≤ 128 px): 8 is 6 % of a full-size logo. */
const MAX_OFFSET = 8;
/** The share of the shadow-coloured pixels that the offset figure must explain. */
const MIN_EXPLAINED = 0.7;
/** The share of the band the offset figure uncovers (beyond its own rim) that must be shadow-coloured. */
const MIN_COVERED = 0.6;
/**
 * The same in a print in grey, where a lighter figure half hidden behind a darker one looks like its shadow: on the
 * quality set printed in grey such figures covered 0.60–0.82 of their band (10 of its 8,000 images), the probe's
 * solid grey shadows printed in grey 0.93 and more but for 2 in 59.
 */
const MIN_COVERED_IN_GREY = 0.85;
/** The least band, as a share of the figure's ink: a shadow a pixel wide is a rim, not a shadow. */
const MIN_BAND = 0.04;

export interface Shadow {
  dx: number;
  dy: number;
  /** the pixels to paint as ground: shadow-coloured and within the offset figure */
  mask: Uint8Array;
}

/** The indices of a mask's set pixels. */
function indicesOf(mask: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = i;
  return out;
}

/** Whether pixel i or one of its eight neighbours is set in mask. */
function touches(mask: Uint8Array, width: number, height: number, i: number): boolean {
  const x = i % width, y = (i / width) | 0;
  for (let v = Math.max(0, y - 1); v <= Math.min(height - 1, y + 1); v++) {
    for (let u = Math.max(0, x - 1); u <= Math.min(width - 1, x + 1); u++) if (mask[v * width + u]) return true;
  }
  return false;
}

/** Dilated by one pixel (3 × 3). */
function dilated(mask: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      for (let v = Math.max(0, y - 1); v <= Math.min(height - 1, y + 1); v++) {
        for (let u = Math.max(0, x - 1); u <= Math.min(width - 1, x + 1); u++) out[v * width + u] = 1;
      }
    }
  }
  return out;
}

/** mask moved by (dx, dy): out[p] = mask[p − d]. */
function moved(mask: Uint8Array, width: number, height: number, dx: number, dy: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = Math.max(0, dy); y < Math.min(height, height + dy); y++) {
    for (let x = Math.max(0, dx); x < Math.min(width, width + dx); x++) out[y * width + x] = mask[(y - dy) * width + x - dx]!;
  }
  return out;
}

/**
 * The shadow under a decoded logo (RGB, three bytes a pixel), or null when it has none: on a light ground, the
 * ground-darkened pixels (`MIN_SHADE`–ground) that the other ink moved by one offset explains (≥ MIN_EXPLAINED of
 * them), covering ≥ MIN_COVERED of the band that offset uncovers beyond the ink's rim, a band ≥ MIN_BAND of the ink.
 * In a print in grey every pixel is the ground darkened, the figures too; there the shade is one of the print's
 * levels and every lighter one (a blurred shadow's rim), the figures every darker one (shadowInGrey).
 */
export function shadowOf(rgb: Uint8Array, width: number, height: number): Shadow | null {
  const ground = borderMedians(rgb, width, height, 3);
  const groundSum = ground[0]! + ground[1]! + ground[2]!;
  // on a dark ground a shadow does not show
  if (groundSum < 3 * 128) return null;
  const { ink, coloured } = groundInk(rgb, width, height, ground);
  const inks = ink.at.length;
  if (coloured > GREY_PRINT_COLOUR * inks) return shadowWhere(ink, MIN_SHADE, MIN_COVERED);
  return shadowWhere(ink, MIN_SHADE, MIN_COVERED_IN_GREY) ?? shadowInGrey(ink);
}

interface ShadowExports {
  groundInk(
    rgb: number, n: number, g0: number, g1: number, g2: number, perGround: number, floor: number, noise: number, coloured: number,
    inkAt: number, level: number, counts: number,
  ): void;
}

/** groundInk's pass over every pixel of every image, in WebAssembly (assembly/shadow.ts) with the JavaScript's arithmetic. */
const shadowKernel = wasmKernel<ShadowExports>(SHADOW_WASM);

/**
 * The pixels of a decoded logo (RGB) that are not its ground (within INK_FLOOR in every channel), each with its shade:
 * the factor on the ground when it is the ground darkened (every channel within SHADE_NOISE of the ground's times
 * it), else COLOURED; and how many are COLOURED (exported for its test).
 */
export function groundInk(rgb: Uint8Array, width: number, height: number, ground: readonly number[]): { ink: Ink; coloured: number } {
  const n = width * height;
  const [g0, g1, g2] = ground as [number, number, number];
  const k = shadowKernel();
  const { at, heap } = k.reserve([n * 3, n * 4, n * 4, 8]);
  const [src, inkAt, level, counts] = at as [number, number, number, number];
  heap.set(rgb.subarray(0, n * 3), src);
  k.exports.groundInk(src, n, g0, g1, g2, 1 / (g0 + g1 + g2), INK_FLOOR, SHADE_NOISE, COLOURED, inkAt, level, counts);
  const found = new Int32Array(heap.buffer, counts, 2);
  const inks = found[0]!;
  const coloured = found[1]!;
  return {
    ink: { at: new Int32Array(heap.buffer.slice(inkAt, inkAt + inks * 4)), level: new Float32Array(heap.buffer.slice(level, level + inks * 4)), width, height },
    coloured,
  };
}

/** A decoded logo's ink: each pixel's index and its shade, or COLOURED. */
interface Ink {
  at: Int32Array;
  level: Float32Array;
  width: number;
  height: number;
}

/** The level of ink of another colour than the ground darkened: no shade. */
const COLOURED = -1;
/** A print with no more ink of its own colour than this share is a print in grey. */
const GREY_PRINT_COLOUR = 0.02;
/** The width of a level of a print in grey, and how much darker than it a figure's level lies. */
const GREY_STEP = 0.04;
/** How many of a print's commonest levels are tried as its shadow's. */
const GREY_TRIES = 3;

/**
 * A print in grey: its commonest levels among the shades (each ≥ MIN_BAND of the ink), up to GREY_TRIES, each tried
 * as the shadow's with every lighter level, the darker ones the figures.
 */
function shadowInGrey(ink: Ink): Shadow | null {
  const bins = new Int32Array(Math.ceil(1 / GREY_STEP));
  for (const t of ink.level) if (t >= MIN_SHADE && t < 1) bins[Math.floor(t / GREY_STEP)]!++;
  const peaks = Array.from(bins.keys())
    .filter((k) => bins[k]! >= MIN_BAND * ink.at.length && bins[k]! >= (bins[k - 1] ?? 0) && bins[k]! >= (bins[k + 1] ?? 0))
    .sort((a, b) => bins[b]! - bins[a]!).slice(0, GREY_TRIES);
  for (const k of peaks) {
    const shadow = shadowWhere(ink, k * GREY_STEP - GREY_STEP, MIN_COVERED_IN_GREY);
    if (shadow) return shadow;
  }
  return null;
}

/**
 * The shadow whose pixels are the ink at levels from `lightest` up (the ground darkened less), the figures' the rest
 * of the ink, covering ≥ minCovered of its band; null when no offset passes (shadowOf).
 */
function shadowWhere(ink: Ink, lightest: number, minCovered: number): Shadow | null {
  const { width, height } = ink;
  const n = width * height;
  const shade = new Uint8Array(n);
  const figure = new Uint8Array(n);
  const shadePixels = new Int32Array(ink.at.length);
  let shades = 0;
  let figures = 0;
  for (let k = 0; k < ink.at.length; k++) {
    const t = ink.level[k]!;
    const i = ink.at[k]!;
    if (t >= lightest && t < 1) {
      shade[i] = 1;
      shadePixels[shades++] = i;
    } else {
      figure[i] = 1;
      figures++;
    }
  }
  if (figures === 0 || shades < MIN_BAND * figures) return null;
  // a shadow's band lies beyond the ink's rim: without enough shade there (the pale rims a dark figure's edges leave
  // in a JPEG lie on it), no offset can pass, and most images end here
  const shadeAt = shadePixels.subarray(0, shades);
  let beyondRim = 0;
  for (const i of shadeAt) if (!touches(figure, width, height, i)) beyondRim++;
  if (beyondRim < minCovered * MIN_BAND * figures) return null;
  const best = bestOffset({ shade, figure, shadeAt, figures, width, height }, minCovered);
  if (!best) return null;
  const reach = dilated(dilated(moved(figure, width, height, best.dx, best.dy), width, height), width, height);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (shade[i] && reach[i]) mask[i] = 1;
  return { dx: best.dx, dy: best.dy, mask };
}

/** A shadow's candidate pixels and the figures' (shadowWhere). */
interface Split {
  shade: Uint8Array;
  figure: Uint8Array;
  shadeAt: Int32Array;
  figures: number;
  width: number;
  height: number;
}

/**
 * The offset (2–MAX_OFFSET pixels) whose moved figures explain ≥ MIN_EXPLAINED of the shade and whose band beyond
 * their rim the shade covers ≥ minCovered of, the best by both; null when none does.
 */
function bestOffset({ shade, figure, shadeAt, figures, width, height }: Split, minCovered: number): { dx: number; dy: number } | null {
  const shades = shadeAt.length;
  const rim = dilated(figure, width, height);
  const figurePixels = indicesOf(figure);
  const shadeX = Int32Array.from(shadeAt, (i) => i % width);
  const shadeY = Int32Array.from(shadeAt, (i) => (i / width) | 0);
  // more shade than this left unexplained rules an offset out
  const unexplainable = shades - MIN_EXPLAINED * shades;
  let best: { dx: number; dy: number; score: number } | null = null;
  for (let dy = -MAX_OFFSET; dy <= MAX_OFFSET; dy++) {
    for (let dx = -MAX_OFFSET; dx <= MAX_OFFSET; dx++) {
      if (Math.max(Math.abs(dx), Math.abs(dy)) < 2) continue;
      // the shade the ink moved by (dx, dy) explains: read first, it rules out nearly every offset, most at once
      let explained = 0;
      let unexplained = 0;
      for (let k = 0; k < shades && unexplained <= unexplainable; k++) {
        const x = shadeX[k]! - dx, y = shadeY[k]! - dy;
        if (x >= 0 && y >= 0 && x < width && y < height && rim[y * width + x]) explained++;
        else unexplained++;
      }
      if (explained < MIN_EXPLAINED * shades) continue;
      let band = 0;
      let covered = 0;
      for (const i of figurePixels) {
        const x = (i % width) + dx, y = ((i / width) | 0) + dy;
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const j = y * width + x;
        if (rim[j]) continue;
        band++;
        if (shade[j]) covered++;
      }
      if (band < MIN_BAND * figures || covered < minCovered * band) continue;
      const score = explained * (covered / band);
      if (!best || score > best.score) best = { dx, dy, score };
    }
  }
  return best;
}

/** The decoded logo with its shadow painted as ground (a copy). */
export function withoutShadow(rgb: Uint8Array, width: number, height: number, shadow: Shadow): Uint8Array {
  const ground = borderMedians(rgb, width, height, 3);
  const out = new Uint8Array(rgb);
  for (let i = 0, p = 0; i < width * height; i++, p += 3) {
    if (shadow.mask[i]) for (let c = 0; c < 3; c++) out[p + c] = ground[c]!;
  }
  return out;
}
