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

interface Ground {
  box: Box;
  /** what it holds, or null when it holds nothing large enough */
  held: { box: Box; elements: number } | null;
}

interface GroundsExports {
  evenRegions(rgb: number, width: number, height: number, step: number, label: number, stack: number, sizes: number, boxes: number): number;
}

/**
 * evenRegions' labelling in WebAssembly (assembly/grounds.ts): a union–find over each pixel's left and upper neighbours,
 * numbering the regions by their first pixels as the JavaScript's flood fill did.
 */
const groundsKernel = wasmKernel<GroundsExports>(GROUNDS_WASM);

/** Region labels of 4-connected pixels whose neighbours differ by at most GROUND_STEP, with each region's size and box (exported for its test). */
export function evenRegions(rgb: Uint8Array, width: number, height: number): { label: Int32Array; size: number[]; boxes: Box[] } {
  const n = width * height;
  const k = groundsKernel();
  const { at, heap } = k.reserve([n * 3, n * 4, n * 4, n * 4, n * 16]);
  const [src, label, stack, sizes, boxes] = at as [number, number, number, number, number];
  heap.set(rgb.subarray(0, n * 3), src);
  const regions = k.exports.evenRegions(src, width, height, GROUND_STEP, label, stack, sizes, boxes);
  const words = new Int32Array(heap.buffer);
  return {
    label: words.slice(label >> 2, (label >> 2) + n),
    size: Array.from(words.subarray(sizes >> 2, (sizes >> 2) + regions)),
    boxes: Array.from({ length: regions }, (_, r) => {
      const b = (boxes >> 2) + r * 4;
      return [words[b]!, words[b + 1]!, words[b + 2]!, words[b + 3]!] as Box;
    }),
  };
}

/**
 * What ground g holds: the pixels of its box that are not g and do not reach the box's edge through others that are
 * not g; its box and the number of its elements (8-connected pieces of at least MIN_ELEMENT of the picture: a
 * character at this size is a piece of many uneven regions). Null when it is less than MIN_HELD of the picture.
 */
function heldBy(g: number, label: Int32Array, width: number, box: Box, total: number): { box: Box; elements: number } | null {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0, h = y1 - y0;
  // 0: not yet known, 1: the ground, 2: reaches the edge, 3: held
  const state = new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (label[y * width + x] === g) state[(y - y0) * w + (x - x0)] = 1;
  const stack: number[] = [];
  const reach = (k: number) => {
    if (state[k] !== 0) return;
    state[k] = 2;
    stack.push(k);
  };
  for (let x = 0; x < w; x++) { reach(x); reach((h - 1) * w + x); }
  for (let y = 0; y < h; y++) { reach(y * w); reach(y * w + w - 1); }
  while (stack.length) {
    const k = stack.pop()!;
    const x = k % w, y = (k - x) / w;
    if (x > 0) reach(k - 1);
    if (x + 1 < w) reach(k + 1);
    if (y > 0) reach(k - w);
    if (y + 1 < h) reach(k + w);
  }
  const held: Box = [w, h, 0, 0];
  let count = 0;
  let elements = 0;
  for (let k = 0; k < w * h; k++) {
    if (state[k] !== 0) continue;
    // a piece of what is held, flooded 8-connected
    let size = 0;
    state[k] = 3;
    stack.push(k);
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      const x = i % w, y = (i - x) / w;
      if (x < held[0]) held[0] = x;
      if (y < held[1]) held[1] = y;
      if (x + 1 > held[2]) held[2] = x + 1;
      if (y + 1 > held[3]) held[3] = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const X = x + dx, Y = y + dy;
          if (X < 0 || Y < 0 || X >= w || Y >= h || state[Y * w + X] !== 0) continue;
          state[Y * w + X] = 3;
          stack.push(Y * w + X);
        }
      }
    }
    count += size;
    if (size >= MIN_ELEMENT * total) elements++;
  }
  return count >= MIN_HELD * total ? { box: [x0 + held[0], y0 + held[1], x0 + held[2], y0 + held[3]], elements } : null;
}

/**
 * The boxes (in the picture's pixels) of the figures that the picture's innermost grounds hold, largest first: a
 * logo on a label on a product gives the logo's box. None for a picture whose grounds hold nothing of two elements
 * or more — a logo drawn on a plain background gives none (its background touches the picture's edge).
 */
export function groundFigures(rgb: Uint8Array, width: number, height: number): Box[] {
  const total = width * height;
  const { label, size, boxes } = evenRegions(rgb, width, height);
  const grounds: Ground[] = [];
  size.forEach((s, g) => {
    const box = boxes[g]!;
    // the picture's own background reaches its edge: what it holds is the whole content, which is hashed already
    if (s < MIN_GROUND * total || box[0] === 0 || box[1] === 0 || box[2] === width || box[3] === height) return;
    grounds.push({ box, held: heldBy(g, label, width, box, total) });
  });
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
