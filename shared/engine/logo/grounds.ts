// A logo shown on something in a picture — a label on a product, a sign on a wall, a sticker on a box — as a
// listing's photo shows it. Such a picture has no one background: the ink image (prepare.ts) reads the product, the
// label and the logo as one blob, and no peel or crop leaves the logo. The logo stands on a ground of even colour
// (the label, the product's face); this finds the grounds and the figure each holds.
//
// A ground is a 4-connected region whose neighbouring pixels differ by at most GROUND_STEP in every channel (a
// product's shading changes slowly, a drawn edge at once). What a ground holds is the pixels inside its box that are
// not the ground and cannot reach the box's edge without crossing it: its holes. Only the innermost grounds count —
// a product's face holds the label, the label holds the logo. A ground that another holds (the label) gives its
// figure whatever it is; one on the picture's own background only a figure of two elements or more: a filled figure
// of a logo drawn round an element of it (a disc with a star inside) is such a ground too, and its lone element
// would meet every registry logo that is that element alone.
import { GROUNDS_WASM } from './grounds-wasm';
import type { Box } from './regions';
import { wasmKernel } from './wasm-kernel';

/** Neighbouring pixels of one ground differ by at most this much in each channel (of 255). */
const GROUND_STEP = 10;
/** A ground covers at least this share of the picture. */
const MIN_GROUND = 0.02;
/** What a ground holds covers at least this share of the picture (smaller is left to the figure's own decoding). */
const MIN_HELD = 0.003;
/** An element of what a ground holds covers at least this share of the picture (two are asked of a ground on the background). */
const MIN_ELEMENT = 0.002;
/** The most figures a picture gives, largest first. */
const MAX_FIGURES = 2;

export interface Ground {
  box: Box;
  /** what it holds, or null when it holds nothing large enough */
  held: { box: Box; elements: number } | null;
}

interface GroundsExports {
  evenRegions(rgb: number, width: number, height: number, step: number, label: number, stack: number, sizes: number, boxes: number): number;
  heldBy(label: number, width: number, x0: number, y0: number, x1: number, y1: number, g: number, minElement: number, state: number, stack: number, out: number): number;
}

/**
 * evenRegions' labelling and heldBy's floods in WebAssembly (assembly/grounds.ts): a union–find over each pixel's
 * left and upper neighbours, numbering the regions by their first pixels as the JavaScript's flood fill did, and
 * the floods from a ground's box's edges and through what it holds, as the JavaScript flooded them.
 */
const groundsKernel = wasmKernel<GroundsExports>(GROUNDS_WASM);

/** The picture's even regions labelled in the kernel's memory: where the labels, sizes and boxes lie, and scratch for heldBy. */
function labelled(rgb: Uint8Array, width: number, height: number) {
  const n = width * height;
  const k = groundsKernel();
  const { at, heap } = k.reserve([n * 3, n * 4, n * 4, n * 4, n * 16, n, n * 4, 20]);
  const [src, label, stack, sizes, boxes, state, flood, out] = at as [number, number, number, number, number, number, number, number];
  heap.set(rgb.subarray(0, n * 3), src);
  const regions = k.exports.evenRegions(src, width, height, GROUND_STEP, label, stack, sizes, boxes);
  return { k, words: new Int32Array(heap.buffer), regions, at: { label, sizes, boxes, state, flood, out } };
}

/** Region labels of 4-connected pixels whose neighbours differ by at most GROUND_STEP, with each region's size and box (exported for its test). */
export function evenRegions(rgb: Uint8Array, width: number, height: number): { label: Int32Array; size: number[]; boxes: Box[] } {
  const { words, regions, at } = labelled(rgb, width, height);
  return {
    label: words.slice(at.label >> 2, (at.label >> 2) + width * height),
    size: Array.from(words.subarray(at.sizes >> 2, (at.sizes >> 2) + regions)),
    boxes: Array.from({ length: regions }, (_, r) => regionBox(words, at.boxes, r)),
  };
}

const regionBox = (words: Int32Array, boxes: number, r: number): Box => {
  const b = (boxes >> 2) + r * 4;
  return [words[b]!, words[b + 1]!, words[b + 2]!, words[b + 3]!];
};

/**
 * The grounds of a picture (regions of at least MIN_GROUND of it that do not reach its edge), each with what it
 * holds: the pixels of its box that are not the ground and do not reach the box's edge through others that are not
 * it, with their box and the number of their elements (8-connected pieces of at least MIN_ELEMENT of the picture: a
 * character at this size is a piece of many uneven regions); null when that is less than MIN_HELD of the picture.
 * Exported for its test.
 */
export function groundsOf(rgb: Uint8Array, width: number, height: number): Ground[] {
  const total = width * height;
  const { k, words, regions, at } = labelled(rgb, width, height);
  const grounds: Ground[] = [];
  for (let g = 0; g < regions; g++) {
    if (words[(at.sizes >> 2) + g]! < MIN_GROUND * total) continue;
    const box = regionBox(words, at.boxes, g);
    // the picture's own background reaches its edge: what it holds is the whole content, which is hashed already
    if (box[0] === 0 || box[1] === 0 || box[2] === width || box[3] === height) continue;
    const count = k.exports.heldBy(at.label, width, box[0], box[1], box[2], box[3], g, MIN_ELEMENT * total, at.state, at.flood, at.out);
    const o = at.out >> 2;
    grounds.push({ box, held: count >= MIN_HELD * total ? { box: [words[o]!, words[o + 1]!, words[o + 2]!, words[o + 3]!], elements: words[o + 4]! } : null });
  }
  return grounds;
}

/**
 * The boxes (in the picture's pixels) of the figures that the picture's innermost grounds hold, largest first: a
 * logo on a label on a product gives the logo's box. None for a picture whose grounds hold nothing of two elements
 * or more — a logo drawn on a plain background gives none (its background touches the picture's edge).
 */
export function groundFigures(rgb: Uint8Array, width: number, height: number): Box[] {
  const grounds = groundsOf(rgb, width, height);
  // a ground held by another (a label on a product's face) holds a figure even of one element; one on the
  // picture's background (a filled figure of a logo) only one of two elements or more
  const holding = grounds.filter((ground) => ground.held && (ground.held.elements >= 2 ||
    grounds.some((other) => other !== ground && other.held && within(ground.box, other.held.box))));
  // the innermost: a ground that holds no other that holds a figure
  return holding.filter((ground) => !holding.some((other) => other !== ground && within(other.box, ground.held!.box)))
    .map((ground) => ground.held!.box)
    .sort((a, b) => (b[2] - b[0]) * (b[3] - b[1]) - (a[2] - a[0]) * (a[3] - a[1]))
    .slice(0, MAX_FIGURES);
}

const within = (inner: Box, outer: Box) => inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
