// Line art: a logo redrawn as its outline (every figure and glyph its edges only) keeps the design and loses nearly
// all of its ink, so its hashes and thumbnail meet nothing of the filled logo it copies. Filled in — every region of
// ground the ink encloses made ink — the outline becomes the filled figure again, and the registry logo filled in
// alike (a ring becomes the disc an outlined ring fills to, a glyph loses its counters as the outlined glyph does)
// is what it is compared with (electron/logos/features.ts: a query's FILLED variant, a registry logo's SOLID one, or
// LINE_SOLID when the registry logo is line art itself, which a copy filling it in meets).
// Only a logo with parts is so compared (shared/engine/logo/pairs.ts pairKind): filled in, a plain figure — a
// disc, a hexagon, a framed panel — is a silhouette many logos share and no outline copies alone.
import type { GrayImage } from './prepare';

/** Ink image levels (dark on light, 255 the ground) above this are ground: a half-light colour border is ink. */
const GROUND_LEVEL = 191;

/**
 * A query whose filling-in adds at least this share of its ink again, in strokes no wider than MAX_LINE_STROKE of its
 * figure's side, is line art: an outline encloses far more ground than it draws (3 px strokes round the set's figures
 * enclose 1–3 times their ink), a filled figure only its glyphs' counters and a ring's inside.
 */
export const LINE_ART_FILL = 0.5;

/**
 * The widest stroke of line art, as a share of its figure's longer side (strokeWidth): the set's logos redrawn in
 * 3 and 6 px outlines measure 0.021–0.054 and 0.026–0.071 (nearly all under 0.05), the quality set's filings that
 * enclose as much ground — a ring drawn as a figure — 0.044–0.235, mostly over 0.06 (scratch, logo/MEASUREMENTS.md).
 */
export const MAX_LINE_STROKE = 0.05;

/** A registry logo whose filling-in adds less than this share of its ink keeps no solid copy: its whole is one. */
export const MIN_SOLID_FILL = 0.02;

export interface FilledIn {
  /** the ink image with every enclosed region of ground made full ink */
  img: GrayImage;
  /** pixels of ink before, and of ground the filling made ink */
  ink: number;
  added: number;
}

/**
 * The ground 4-connected to the image's edge through ground (levels over `groundLevel`): 1 for each such pixel. Ground
 * that is not is enclosed by ink — a ring's inside, a glyph's counter, the white letters cut into a seal.
 */
export function outsideGround(img: GrayImage, groundLevel: number): Uint8Array {
  const { width, height, data } = img;
  const n = width * height;
  const outside = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  const reach = (i: number) => {
    if (!outside[i] && data[i]! > groundLevel) {
      outside[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    reach(x);
    reach((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    reach(y * width);
    reach(y * width + width - 1);
  }
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    if (x > 0) reach(i - 1);
    if (x < width - 1) reach(i + 1);
    if (i >= width) reach(i - width);
    if (i < n - width) reach(i + width);
  }
  return outside;
}

/** The ink image with the ground its ink encloses (ground not 4-connected to the image's edge) made full ink. */
export function filledIn(img: GrayImage): FilledIn {
  const { data } = img;
  const n = img.width * img.height;
  const outside = outsideGround(img, GROUND_LEVEL);
  const out = Uint8Array.from(data);
  let ink = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    if (data[i]! <= GROUND_LEVEL) ink++;
    else if (!outside[i]) {
      out[i] = 0;
      added++;
    }
  }
  return { img: { width: img.width, height: img.height, data: out }, ink, added };
}

/**
 * The width of a drawing's strokes in pixels: its ink over half its edge (ink with ground beside it), since a stroke
 * of width w and length l has w · l of ink and two edges of l; a stroke of two pixels or less is all edge.
 */
export function strokeWidth(img: GrayImage): number {
  const { width, height, data } = img;
  let ink = 0;
  let edge = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (data[i]! > GROUND_LEVEL) continue;
      ink++;
      if ((x > 0 && data[i - 1]! > GROUND_LEVEL) || (x < width - 1 && data[i + 1]! > GROUND_LEVEL)
        || (y > 0 && data[i - width]! > GROUND_LEVEL) || (y < height - 1 && data[i + width]! > GROUND_LEVEL)) edge++;
    }
  }
  return edge ? (2 * ink) / edge : 0;
}

/** Whether a figure's strokes are thin enough for line art (MAX_LINE_STROKE of its box's longer side). */
const thinStrokes = (img: GrayImage, box: readonly [number, number, number, number]): boolean =>
  strokeWidth(img) <= MAX_LINE_STROKE * Math.max(box[2] - box[0], box[3] - box[1]);

/** Whether a figure (its ink image, box and filling-in) is line art: thin strokes enclosing more ground than they draw. */
export function isLineArt(img: GrayImage, box: readonly [number, number, number, number], filled: FilledIn): boolean {
  return filled.added >= LINE_ART_FILL * filled.ink && thinStrokes(img, box);
}

/** A figure filled in, the box to hash it over, and whether it was drawn as line art. */
export interface FilledFigure {
  img: GrayImage;
  box: [number, number, number, number];
  lineArt: boolean;
}

/**
 * A logo's figure filled in, for the side it is hashed for: a query's when it is line art (`filled`, compared with
 * whole logos and solid copies), a registry logo's when filling adds MIN_SOLID_FILL of its ink or more (`solid`; one
 * that fills to itself is met as its whole; one drawn as line art is also met filled in by a whole query), and every
 * registry logo's filled in and widened a pixel (`widened`, for an outline drawn in a heavier stroke). Both over
 * the figure's own box: filling adds nothing outside it. (A line drawing's stroke lies half outside the edge it
 * traces; shrinking the filled figure by half the stroke's width, tried, put the copies further from their logos, not
 * nearer: logo/MEASUREMENTS.md.)
 */
export function filledFigures(
  img: GrayImage, box: [number, number, number, number], sides: { query: boolean; registry: boolean },
): { filled?: FilledFigure; solid?: FilledFigure; widened?: FilledFigure } {
  // the strokes' width first: a sixth of the filling's cost, and most queries' strokes are too wide for line art
  const thin = thinStrokes(img, box);
  if (!sides.registry && !thin) return {};
  const f = filledIn(img);
  const lineArt = thin && f.added >= LINE_ART_FILL * f.ink;
  return {
    ...(sides.query && lineArt ? { filled: { img: f.img, box, lineArt } } : {}),
    ...(sides.registry && f.added >= MIN_SOLID_FILL * f.ink ? { solid: { img: f.img, box, lineArt } } : {}),
    ...(sides.registry ? { widened: widenedFigure(f.img, box) } : {}),
  };
}

/**
 * A registry logo filled in and widened by a pixel on every side (each pixel the darkest within one): an outline
 * drawn in a heavier stroke fills in to the figure widened by half its stroke, a 6 px stroke at 256 px by about 1.5
 * of the decoded pixels, where the figure as drawn lies too far (logo/MEASUREMENTS.md, "Logos redrawn as line art").
 */
function widenedFigure(img: GrayImage, box: readonly [number, number, number, number]): FilledFigure {
  const { width, height, data } = img;
  const wide: [number, number, number, number] = [Math.max(0, box[0] - 1), Math.max(0, box[1] - 1), Math.min(width, box[2] + 1), Math.min(height, box[3] + 1)];
  const out = Uint8Array.from(data);
  for (let y = wide[1]; y < wide[3]; y++) {
    for (let x = wide[0]; x < wide[2]; x++) {
      let v = 255;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) v = Math.min(v, data[yy * width + xx]!);
      }
      out[y * width + x] = v;
    }
  }
  return { img: { width, height, data: out }, box: wide, lineArt: false };
}
