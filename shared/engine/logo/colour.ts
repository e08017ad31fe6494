// The colours of a figure where they lie: an 8 × 8 grid of mean RGB over its content box. The ink image the hashes
// read drops colour on purpose (a recolour keeps the shapes), but a copy degraded by a JPEG, a scan or a changed
// stroke keeps its colours where they were, while the figures that come as near in shape — another design of the
// same name, a random logo — are drawn in other colours. Compared only for two whole figures (logo-index.ts:
// LogoRule.colour, .byDhash, .colourCells), by the mean distance or by the share of cells that agree. Pure.
import { orientedIndex } from './hash';
import { borderMedians } from './prepare';
import { resampleChannels } from './resample';

/** Side of the grid. */
export const COLOUR_SIDE = 8;
const CELLS = COLOUR_SIDE * COLOUR_SIDE;
/** A grid's bytes: the red plane, then green, then blue, each COLOUR_SIDE² row-major. */
export const COLOUR_BYTES = 3 * CELLS;

/**
 * The grid of interleaved RGB pixels (width × height) over box [x0, y0, x1, y1), each cell the area mean; pixels with
 * erase[i] set (an element peeled off) read as the background's colour (the border's median per channel).
 */
export function colourGrid(rgb: Uint8Array, width: number, height: number, box: readonly [number, number, number, number], erase?: Uint8Array): Uint8Array {
  const out = new Uint8Array(COLOUR_BYTES);
  const erased = erase ? { erase, fill: borderMedians(rgb, width, height, 3) } : undefined;
  resampleChannels(rgb, width, box, COLOUR_SIDE, COLOUR_SIDE, 3, erased).forEach((cells, c) => {
    for (let k = 0; k < CELLS; k++) out[c * CELLS + k] = Math.round(cells[k]!);
  });
  return out;
}

/**
 * The most a channel of the query is scaled to meet the logo's (BALANCE_LIMIT 0.15: by 15 % either way). A scan tints
 * the paper and dims every colour a few percent, a copy printed on cream or grey paper likewise; without the
 * balance such a copy lies 15–20 apart from its logo, as far as another design. Recolours, which move each colour
 * its own way, stay far.
 */
const BALANCE_LIMIT = 0.15;

/** The gain per channel that brings the query's brightest cell to the logo's, within BALANCE_LIMIT. */
function balance(q: Uint8Array, s: Uint8Array, sAt: number, c: number): number {
  let qTop = 0;
  let sTop = 0;
  for (let k = 0; k < CELLS; k++) {
    if (q[c * CELLS + k]! > qTop) qTop = q[c * CELLS + k]!;
    if (s[sAt + c * CELLS + k]! > sTop) sTop = s[sAt + c * CELLS + k]!;
  }
  return qTop === 0 ? 1 : Math.min(1 + BALANCE_LIMIT, Math.max(1 - BALANCE_LIMIT, sTop / qTop));
}

/**
 * How far apart the colours of grid q in orientation v and grid s (at sAt) lie: the mean absolute difference per
 * cell and channel, 0–255, after each channel of q is scaled so that its brightest cell meets s's (within
 * BALANCE_LIMIT).
 */
export function colourDistance(q: Uint8Array, v: number, s: Uint8Array, sAt = 0): number {
  let sum = 0;
  for (let c = 0; c < 3; c++) {
    const gain = balance(q, s, sAt, c);
    const qc = c * CELLS;
    const sc = sAt + c * CELLS;
    for (let y = 0; y < COLOUR_SIDE; y++) {
      for (let x = 0; x < COLOUR_SIDE; x++) sum += Math.abs(q[qc + orientedIndex(v, x, y, COLOUR_SIDE)]! * gain - s[sc + y * COLOUR_SIDE + x]!);
    }
  }
  return sum / COLOUR_BYTES;
}

/** A cell is chromatic when its channels spread at least this far (of 255): above a JPEG's or a scan's tint. */
const CHROMA_MIN = 24;
/** A grid is chromatic when at least this many of its cells are. */
const CHROMATIC_CELLS = 4;

/**
 * Whether the grid at `at` carries colour. The colour tiers compare colours to tell a copy from a figure as near in
 * shape; in a black-and-white figure (a gazette printed in grey) the grid holds only the ink's layout, which the
 * thumbnails already compare, and the tiers would take near shapes on shape alone (logo/MEASUREMENTS.md).
 */
export function isChromatic(grid: Uint8Array, at = 0): boolean {
  let cells = 0;
  for (let k = 0; k < CELLS; k++) {
    const r = grid[at + k]!;
    const g = grid[at + CELLS + k]!;
    const b = grid[at + 2 * CELLS + k]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) >= CHROMA_MIN && ++cells >= CHROMATIC_CELLS) return true;
  }
  return false;
}

/** A cell's colours agree when every channel lies within this (of 255, after the balance). */
export const CELL_TOLERANCE = 32;

/**
 * The share of cells whose colours agree (every channel within CELL_TOLERANCE, balanced as for colourDistance), grid
 * q in orientation v against grid s at sAt. Unlike the mean distance, a change in one place — a character of the
 * name, a minor figure — costs only the cells it covers.
 */
export function colourAgreement(q: Uint8Array, v: number, s: Uint8Array, sAt = 0): number {
  const gains = [balance(q, s, sAt, 0), balance(q, s, sAt, 1), balance(q, s, sAt, 2)];
  let agreeing = 0;
  for (let y = 0; y < COLOUR_SIDE; y++) {
    for (let x = 0; x < COLOUR_SIDE; x++) {
      const at = orientedIndex(v, x, y, COLOUR_SIDE);
      let c = 0;
      while (c < 3 && Math.abs(q[c * CELLS + at]! * gains[c]! - s[sAt + c * CELLS + y * COLOUR_SIDE + x]!) <= CELL_TOLERANCE) c++;
      if (c === 3) agreeing++;
    }
  }
  return agreeing / CELLS;
}

/** sRGB level → linear light, 0–1. */
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/**
 * The gray levels a black-and-white print of interleaved RGB pixels gives: relative luminance (Rec. 709 weights in
 * linear light, as libvips and most print drivers take it), encoded back to sRGB levels. A yellow that is as much
 * ink as navy in colour (inkImage reads the largest channel difference) is a pale gray here.
 */
export function printedGrey(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  // a logo is mostly runs of one colour, and the power per pixel was most of the time: a run reuses its level
  let last = -1;
  let level = 0;
  for (let i = 0, p = 0; i < out.length; i++, p += 3) {
    const colour = (rgb[p]! << 16) | (rgb[p + 1]! << 8) | rgb[p + 2]!;
    if (colour !== last) {
      const y = 0.2126 * LINEAR[rgb[p]!]! + 0.7152 * LINEAR[rgb[p + 1]!]! + 0.0722 * LINEAR[rgb[p + 2]!]!;
      level = Math.round(255 * (y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055));
      last = colour;
    }
    out[i] = level;
  }
  return out;
}
