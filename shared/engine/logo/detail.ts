// The inner detail of a figure: what lies inside its ink in another colour (a star inside a disc, a name across a
// badge) and the ground the ink encloses (white letters cut into a one-colour seal). The ink image (prepare.ts) reads
// every colour as ink, so two filled badges of one outline look alike at 32 × 32 whatever they carry; a symmetric
// emblem's copy is found through its symmetric hash (hash.ts), and this is what tells it from another emblem of the
// same outline. Pure; the pixels are decoded in electron/logos/.
import { THUMB_SIDE, thumbCorrelation } from './hash';
import type { GrayImage } from './prepare';
import { resampleArea } from './resample';
import { outsideGround } from './fill';

/** Ink at most this light (ink images are dark on light: full ink and the borders inside it). */
const MAIN_INK = 128;
/** A colour difference from the main ink colour from nothing at DETAIL_FLOOR to full detail at DETAIL_FULL. */
const DETAIL_FLOOR = 24;
const DETAIL_FULL = 96;
/** A detail thumbnail cell this strong counts as detail. */
const DETAIL_CELL = 64;
/**
 * A figure has inner detail when this share of its detail thumbnail's cells is detail: below it, a JPEG's colour
 * noise or a scan's grain at the ink's edge, not an element.
 */
export const DETAIL_SHARE = 0.02;

/**
 * The detail image of RGB pixels (3 channels) beside their ink image, 0 (none) to 255 (full): for each pixel inside
 * the ink (full ink, and so are its four neighbours), its largest channel difference from the figure's main colour
 * (the most common colour of its full ink, in 16 levels a channel); and every pixel of enclosed ground. The ink's rim
 * is left out: its pixels blend into the ground, and a JPEG bleeds colour across it (chroma is stored at half
 * resolution), so every plain shape would show its outline as detail.
 */
export function innerDetail(rgb: ArrayLike<number>, ink: GrayImage): GrayImage {
  const n = ink.width * ink.height;
  const ink8 = ink.data;
  // the most common colour in 16 levels a channel; ties go to the smaller key, whatever order the pixels come in
  const counts = new Uint32Array(4096);
  for (let i = 0; i < n; i++) {
    if (ink8[i]! <= MAIN_INK) counts[((rgb[3 * i]! >> 4) << 8) | ((rgb[3 * i + 1]! >> 4) << 4) | (rgb[3 * i + 2]! >> 4)]!++;
  }
  let mainKey = -1;
  let mainCount = 0;
  for (let key = 0; key < 4096; key++) {
    if (counts[key]! > mainCount) {
      mainKey = key;
      mainCount = counts[key]!;
    }
  }
  const out = new Uint8Array(n);
  if (mainKey < 0) return { width: ink.width, height: ink.height, data: out };
  // the mean of the main colour's pixels, not its bucket's corner
  const sum = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    if (ink8[i]! > MAIN_INK) continue;
    const key = ((rgb[3 * i]! >> 4) << 8) | ((rgb[3 * i + 1]! >> 4) << 4) | (rgb[3 * i + 2]! >> 4);
    if (key !== mainKey) continue;
    for (let c = 0; c < 3; c++) sum[c]! += rgb[3 * i + c]!;
  }
  const main = sum.map((s) => s / mainCount);
  const span = DETAIL_FULL - DETAIL_FLOOR;
  const w = ink.width;
  for (let i = 0; i < n; i++) {
    const x = i % w;
    if (x === 0 || x === w - 1 || i < w || i >= n - w) continue;
    if (ink8[i]! > MAIN_INK || ink8[i - 1]! > MAIN_INK || ink8[i + 1]! > MAIN_INK || ink8[i - w]! > MAIN_INK || ink8[i + w]! > MAIN_INK) continue;
    let d = 0;
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(rgb[3 * i + c]! - main[c]!));
    out[i] = d <= DETAIL_FLOOR ? 0 : d >= DETAIL_FULL ? 255 : Math.round(((d - DETAIL_FLOOR) * 255) / span);
  }
  markEnclosedGround(ink, out);
  return { width: ink.width, height: ink.height, data: out };
}

/**
 * Ground enclosed by the ink (not reached from the image's edge through ground) is full detail: the holes of a
 * one-colour figure (white letters cut into a seal) are what its colour detail would be, and an element recoloured
 * to the ground's colour stays where it was.
 */
function markEnclosedGround(ink: GrayImage, out: Uint8Array): void {
  const outside = outsideGround(ink, MAIN_INK);
  for (let i = 0; i < out.length; i++) if (ink.data[i]! > MAIN_INK && !outside[i]) out[i] = 255;
}

/** The detail image's box resampled to THUMB_SIDE², rounded to bytes like the figure's thumbnail. */
export function detailThumb(detail: GrayImage, box: readonly [number, number, number, number]): Uint8Array {
  const cells = resampleArea(detail.data, detail.width, box, THUMB_SIDE, THUMB_SIDE);
  return Uint8Array.from(cells, (v) => Math.round(v));
}

/** The share of a detail thumbnail's cells (at `at` in thumbs) that are detail. */
export function detailShare(thumbs: Uint8Array, at = 0): number {
  const T = THUMB_SIDE * THUMB_SIDE;
  let strong = 0;
  for (let i = at; i < at + T; i++) if (thumbs[i]! >= DETAIL_CELL) strong++;
  return strong / T;
}

/**
 * The most of a figure's box that inner detail may cover and still be an element inside it. More is, for a crop, the
 * ground a ring or a frame encloses (markEnclosedGround reads it as detail), which every ring shares: on a second
 * draw of the logo set (seed 7) the symmetric crops whose detail covered 0.21–0.38 of the box met only other logos'
 * rings and frames (28 false pairs), the copies they found had 0.02–0.15 (features.ts symmetricCrop). For two whole
 * figures it is the share of **enclosed ground** (enclosesGround): other firms' rings with other names met under the
 * detailed tier's looser thumbnails at 0.88–0.95 (logo/MEASUREMENTS.md, "Enclosed ground is not inner detail").
 */
export const MAX_ELEMENT_DETAIL = 0.2;

/** A thumbnail cell at least this light is ground: thumbnails are dark on light (prepare.ts stretch). */
const GROUND_CELL = 192;

/**
 * Whether a figure's inner detail (detail at dAt) is mostly ground it encloses: more than MAX_ELEMENT_DETAIL of its
 * box is detail that its thumbnail (thumb at tAt) shows as ground — a ring's or a frame's inside — rather than ink
 * of another colour (a disc on a square, a star in a badge).
 */
export function enclosesGround(detail: Uint8Array, dAt: number, thumb: Uint8Array, tAt: number): boolean {
  const T = THUMB_SIDE * THUMB_SIDE;
  let ground = 0;
  for (let i = 0; i < T; i++) if (detail[dAt + i]! >= DETAIL_CELL && thumb[tAt + i]! >= GROUND_CELL) ground++;
  return ground / T > MAX_ELEMENT_DETAIL;
}

/** Whether a detail thumbnail (at `at` in thumbs) shows inner detail (DETAIL_SHARE). */
export function hasDetail(thumbs: Uint8Array, at = 0): boolean {
  return detailShare(thumbs, at) >= DETAIL_SHARE;
}

/**
 * Whether the inner details of two figures agree in orientation v of the query: both carry inner detail, and it
 * correlates at least minCorrelation (a JPEG or scanned copy keeps its elements where they were; another emblem of
 * the same outline carries others, or none). Two figures without detail never agree here: a symmetric figure
 * without it is a plain shape (a disc, a hexagon, a bar), which nothing but its outline tells from another; two such
 * are compared apart, by outline alone and held nearer (LogoRule.symmetricPlain, logo-index.ts).
 */
export function detailAgrees(q: Uint8Array, v: number, s: Uint8Array, sAt: number, minCorrelation: number): boolean {
  return hasDetail(q) && hasDetail(s, sAt) && thumbCorrelation(q, v, s, sAt) >= minCorrelation;
}
