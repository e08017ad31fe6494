// Matching by parts: a copy with one element changed, an element or a line of text added, keeps the other elements
// of the figure where they were, while one hash over the whole box changes. A logo's parts are the regions of its
// ink of one colour (the ink image draws the borders between colours light, prepare.ts inkImage, and they cut the
// regions apart); each is hashed like a whole figure (electron/logos/features.ts), and a query meets a stored logo
// by parts when parts of both match pairwise (parts-match.ts) and sit in the same arrangement (arrangement.ts): one
// orientation, one scale and one placement carry the stored parts onto the query's. This file cuts the parts (and
// the colour peels, read from the same cut). Pure.
import { type GrayImage } from './prepare';
import { type Blobs, labelComponents } from './blobs';
import { PARTS_WASM } from './parts-wasm';
import { wasmKernel } from './wasm-kernel';
import { type Box, couldShrink, largestPeels, PEEL_MAX_INK, peelOf, type Region, unionBox } from './regions';

/** Ink images are dark on light: a pixel at most this light is a part's core (full ink, not a border between colours). */
const CORE_LEVEL = 64;
/** Ink at most this light (full ink and the borders inside it) may lie on an edge between two colours. */
const INK_LEVEL = 128;
/**
 * A pixel lies on an edge between two colours of the figure when its two neighbours across (or down), both ink,
 * differ by more than this in some channel. Two pixels apart, not one: a JPEG spreads the change of colour over two
 * or three pixels, where no two neighbours differ enough for the ink image's border (prepare.ts inkImage).
 */
const COLOUR_EDGE = 80;
/**
 * Or when both neighbours are colours (MIN_HUE_CHROMA) whose hues lie at least this many degrees apart. Two dark
 * colours — navy against a dark green or a purple, a recoloured copy's teal against its violet — differ by under 80
 * in every channel, and a lower limit on the channel step (or on the distance over all three) also splits a
 * character's stroke from its own anti-aliased rim, which blends the colour with the ground (logo/MEASUREMENTS.md, "Colour
 * edges by hue"). A blend with a white or gray ground keeps the hue, and 40° is a colour's name apart (red to orange
 * is 30°).
 */
const COLOUR_HUE_EDGE = 40;
/** A pixel has a hue for COLOUR_HUE_EDGE when its channels spread at least this far (of 255): gray, white and pale blends have none. */
const MIN_HUE_CHROMA = 60;
/** A part holds at least this share of the figure's core ink (scan specks and a character's dots fall below it). */
export const MIN_PART_SHARE = 0.015;
/** The most parts kept, largest first: a line of many characters would otherwise flood the index. */
export const MAX_PARTS = 12;
/** Shares are kept in 1/255 steps, as the images table stores them (electron/logos/stored-features.ts). */
export const SHARE_STEPS = 255;

/** Where a part lies in its figure's decoded image and what share of the figure's core ink it holds. */
export interface PartPlace {
  box: Box;
  share: number;
}

export interface PartRegion extends PartPlace {
  /** the other parts' pixels in its box, read as background when this part is hashed (none: undefined) */
  erase?: Uint8Array;
}

/** The figure's core ink cut where its colour changes, labelled; the regions that count as parts, largest first. */
export interface ColourCut {
  blobs: Blobs;
  /** the kept regions' numbers in blobs and their core ink */
  kept: Array<{ ink: number; k: number }>;
  /** all core ink */
  total: number;
}

/**
 * The 4-connected regions of core ink (ink image img, its RGB pixels rgb) inside box that lie on no edge between two
 * colours; those holding at least MIN_PART_SHARE of it kept, at most MAX_PARTS. Read by partRegions and colourPeels.
 */
export function colourCut(img: GrayImage, rgb: Uint8Array, box: Box): ColourCut {
  const core = coreInk(img, rgb, box);
  const blobs = labelComponents(core, core, img.width, img.height);
  const total = blobs.ink.reduce((a, b) => a + b, 0);
  const kept = blobs.ink
    .map((ink, k) => ({ ink, k }))
    .filter((b) => b.ink >= MIN_PART_SHARE * total)
    .sort((a, b) => b.ink - a.ink || a.k - b.k)
    .slice(0, MAX_PARTS);
  return { blobs, kept, total };
}

interface PartsExports {
  coreInk(data: number, rgb: number, w: number, h: number, x0: number, y0: number, x1: number, y1: number, hue: number, core: number,
    coreLevel: number, inkLevel: number, colourEdge: number, hueEdge: number, minChroma: number): void;
}

/** colourCut's pass over the box in WebAssembly (assembly/parts.ts), with the JavaScript's arithmetic. */
const partsKernel = wasmKernel<PartsExports>(PARTS_WASM);

/**
 * The core ink of the box (ink image img at most CORE_LEVEL, its RGB pixels rgb), without the pixels that lie on an
 * edge between two colours: their neighbours across or down, both ink (at most INK_LEVEL), differ by more than
 * COLOUR_EDGE in a channel, or are both colours (MIN_HUE_CHROMA) whose hues lie COLOUR_HUE_EDGE apart (exported for
 * its test).
 */
export function coreInk(img: GrayImage, rgb: Uint8Array, box: Box): Uint8Array {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const k = partsKernel();
  const { at, heap } = k.reserve([n, 3 * n, 4 * n, n]);
  const [gray, colours, hue, core] = at as [number, number, number, number];
  heap.set(data.subarray(0, n), gray);
  heap.set(rgb.subarray(0, 3 * n), colours);
  k.exports.coreInk(gray, colours, w, h, box[0], box[1], box[2], box[3], hue, core, CORE_LEVEL, INK_LEVEL, COLOUR_EDGE, COLOUR_HUE_EDGE, MIN_HUE_CHROMA);
  return heap.slice(core, core + n);
}

/**
 * The parts of the figure inside box: the kept regions of its colour cut, largest first. None when fewer than two
 * (the figure is then one part, the whole).
 */
export function partRegions(img: GrayImage, rgb: Uint8Array, box: Box, cut = colourCut(img, rgb, box)): PartRegion[] {
  const { width: w } = img;
  const { blobs, kept, total } = cut;
  if (kept.length < 2) return [];
  return kept.map(({ ink, k }) => {
    const b = blobs.boxes[k]!;
    // made only for a part whose box holds another part's pixels (a disc on its own needs none)
    let erase: Uint8Array | undefined;
    for (let y = b[1]; y < b[3]; y++) {
      for (let x = b[0], i = y * w + x; x < b[2]; x++, i++) {
        const label = blobs.labels[i]!;
        if (label && label !== k + 1) (erase ??= new Uint8Array(w * img.height))[i] = 1;
      }
    }
    return { box: b, ...(erase ? { erase } : {}), share: Math.max(1, Math.round((ink / total) * SHARE_STEPS)) / SHARE_STEPS };
  });
}

/**
 * How far around a peeled part its rim goes with it: the border the ink image draws between two colours, a JPEG's
 * halo and the content mask's own pixel around them (its 3 × 3 mean) lie within three decoded pixels of its core.
 */
const PEEL_RIM = 3;
/** The most colour peels kept, largest shrink first. */
const MAX_COLOUR_PEELS = 2;
/**
 * A region of one colour too small to be a part (under MIN_PART_SHARE) is still peeled when it holds at least this
 * share of the core ink and lies at the figure's edge: a thin stroke or a small arc added so that it touches the
 * figure (a line against a name's last character, an arc on a cross's arm) holds 0.5–1 % of the ink, and with it the
 * content box is a tenth larger than the logo's. A JPEG's specks hold a few pixels (under 0.1 %), and a character's
 * strokes lie inside the name's box, so taking one away shrinks nothing (peelOf).
 */
const MIN_SMALL_PEEL_SHARE = 0.002;

/**
 * The figure without one part of another colour at its edge: an element added so that it touches the figure (a
 * disc on a hexagon's corner), which no blob of the ink separates (regions.ts peelRegions), but its colour does.
 * Each part holding at most PEEL_MAX_INK of the core ink, and each region too small to be a part but holding at least
 * MIN_SMALL_PEEL_SHARE of it (when the figure has a part), is erased with its rim, and kept when the content box
 * (content mask `mask`) shrinks enough (regions.ts peelOf); largest shrink first.
 */
export function colourPeels(img: GrayImage, box: Box, mask: Uint8Array, cut: ColourCut): Region[] {
  const { width: w, height: h } = img;
  const { blobs, kept, total } = cut;
  // a scan's specks make hundreds of regions: only the few in range become records
  const small: Array<{ ink: number; k: number }> = [];
  for (let k = 0; kept.length > 0 && k < blobs.ink.length; k++) {
    const ink = blobs.ink[k]!;
    if (ink >= MIN_SMALL_PEEL_SHARE * total && ink < MIN_PART_SHARE * total) small.push({ ink, k });
  }
  const candidates = [...(kept.length >= 2 ? kept.filter((p) => p.ink <= PEEL_MAX_INK * total) : []), ...small];
  if (candidates.length === 0) return [];
  const out: Array<NonNullable<ReturnType<typeof peelOf>>> = [];
  // the labels of the kept parts: the regions below MIN_PART_SHARE (a JPEG's specks on the part's rim) go with it
  const isPart = new Uint8Array(blobs.ink.length + 1);
  for (const { k } of kept) isPart[k + 1] = 1;
  for (const { k } of candidates) {
    // the other parts' boxes, a pixel wider; not the regions too small to be parts (a JPEG's specks on this part's
    // own rim are among them), except for a small region, which must lie beyond the other small ones too (a
    // character's stroke inside its name)
    const others = isPart[k + 1] ? kept.filter((o) => o.k !== k) : [...kept, ...small.filter((o) => o.k !== k)];
    if (!couldShrink(unionBox(others.map((o) => blobs.boxes[o.k]!), 1), box)) continue;
    const peel = peelOf(mask, w, h, box, rimmedPart(blobs, k, isPart, w, h));
    if (peel) out.push(peel);
  }
  return largestPeels(out, MAX_COLOUR_PEELS);
}

/**
 * The pixels within PEEL_RIM of part k's (a square round each: its rim, the border, the halo, specks), but not
 * another part's, as a w × h mask: the part widened across, then down (exported for its test).
 */
export function rimmedPart(blobs: Blobs, k: number, isPart: Uint8Array, w: number, h: number): Uint8Array {
  const b = blobs.boxes[k]!;
  const x0 = Math.max(0, b[0] - PEEL_RIM), x1 = Math.min(w, b[2] + PEEL_RIM);
  const y0 = Math.max(0, b[1] - PEEL_RIM), y1 = Math.min(h, b[3] + PEEL_RIM);
  const across = new Uint8Array(w * h);
  for (let y = b[1]; y < b[3]; y++) {
    for (let x = b[0]; x < b[2]; x++) {
      if (blobs.labels[y * w + x] !== k + 1) continue;
      for (let xx = Math.max(x0, x - PEEL_RIM); xx <= Math.min(x1 - 1, x + PEEL_RIM); xx++) across[y * w + xx] = 1;
    }
  }
  const erase = new Uint8Array(w * h);
  for (let x = x0; x < x1; x++) {
    // how many of the rows y − PEEL_RIM .. y + PEEL_RIM are widened at x
    let count = 0;
    for (let y = y0; y < Math.min(y1, y0 + PEEL_RIM); y++) count += across[y * w + x]!;
    for (let y = y0; y < y1; y++) {
      if (y + PEEL_RIM < y1) count += across[(y + PEEL_RIM) * w + x]!;
      if (y - PEEL_RIM - 1 >= y0) count -= across[(y - PEEL_RIM - 1) * w + x]!;
      if (count === 0) continue;
      const label = blobs.labels[y * w + x]!;
      if (label === k + 1 || !isPart[label]) erase[y * w + x] = 1;
    }
  }
  return erase;
}
