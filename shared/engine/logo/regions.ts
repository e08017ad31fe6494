// The parts of a logo that a copy may keep when its whole box does not: one global hash over the content box
// changes in every bit when the box changes, and a crop, an added element or an added line of text all change it.
// - peel: the figure without one separate element at its edge (an element or a text line that was added), found as
//   a blob of the ink joined over small gaps whose removal shrinks the content box, or without a frame drawn round
//   it (a clipping's rule);
// - crop: the figure with a strip cut from one side, as a crop of the registry logo would leave it.
// The registry side keeps its crops, the query side its peels; each is then hashed like a whole logo.
import { type Blobs, findBlobs, JOIN } from './blobs';
import { backgroundLevel, contentMask, type GrayImage, maskBox } from './prepare';

export type Box = [number, number, number, number];

/** What every region finder reads first: the background level and the content mask (computed once a logo). */
export interface Seen {
  background: number;
  mask: Uint8Array;
}

export function seeOf(img: GrayImage): Seen {
  const background = backgroundLevel(img);
  return { background, mask: contentMask(img, background) };
}

export interface Region {
  kind: 'peel' | 'crop';
  box: Box;
  /** pixels to read as background (the peeled element), or undefined */
  erase?: Uint8Array;
  /** a peel of the frame round the figure (isFrame): its box is the figure inside the frame */
  frame?: true;
  /** a peel of a ring or another outline round the figure (isEnclosure): its box is the figure inside */
  enclosed?: true;
}

/** A peeled element holds at most this share of the ink (it was added to the figure, not the figure). */
export const PEEL_MAX_INK = 0.3;
/** and its removal shrinks the content box by at least this share of its area. */
const PEEL_MIN_SHRINK = 0.05;
/** The most peels kept, largest shrink first. */
const MAX_PEELS = 3;
/** Strips cut from each side for the crops, as shares of the content box's side (a crop cuts about 4–10 %). */
export const CROP_CUTS = [0.055, 0.085] as const;


const area = (b: Box) => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);

/** The box around boxes, each widened by margin pixels. */
export function unionBox(boxes: Iterable<Box>, margin = 0): Box {
  const out: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0] - margin);
    out[1] = Math.min(out[1], b[1] - margin);
    out[2] = Math.max(out[2], b[2] + margin);
    out[3] = Math.max(out[3], b[3] + margin);
  }
  return out;
}

/**
 * Whether taking an element off could shrink the content box enough when the rest of the ink lies in `rest`: an
 * element inside the rest's box cannot, and most are, so they cost no erase mask.
 */
export const couldShrink = (rest: Box, box: Box): boolean => 1 - area(rest) / area(box) >= PEEL_MIN_SHRINK;

type Peel = Region & { shrink: number };

/** The figure with `erase` read as background (content mask `mask`, width × height), when its box shrinks enough. */
export function peelOf(mask: Uint8Array, width: number, height: number, box: Box, erase: Uint8Array): Peel | null {
  const peeled = maskBox(mask, width, [0, 0, width, height], erase);
  if (!peeled) return null;
  const shrink = 1 - area(peeled) / area(box);
  return shrink >= PEEL_MIN_SHRINK ? { kind: 'peel', box: peeled, erase, shrink } : null;
}

/** The peels that shrink the box most, largest first, at most `max`. */
export const largestPeels = (peels: Peel[], max: number): Region[] =>
  peels.sort((a, b) => b.shrink - a.shrink).slice(0, max)
    .map(({ kind, box, erase, frame, enclosed }) => ({ kind, box, erase, ...(frame ? { frame } : {}), ...(enclosed ? { enclosed } : {}) }));

/** A frame's joined ink lies within this share of its box's shorter side (and JOIN) from the box's edges … */
const FRAME_BAND = 0.06;
/** … and runs along at least this share of each of the box's four sides. */
const FRAME_RUN = 0.8;

/**
 * Whether blob k is a frame round the rest: a thin outline along the four sides of its box (a gazette clipping's
 * rule, a border drawn round a listing's picture) with every other blob inside it. A frame may hold more of the ink
 * than an added element does (a thin rule round a small figure holds half of it), so it is peeled whatever its
 * share; a ring is not one (its ink leaves the band at the corners), nor a bracket (it misses a side).
 */
export function isFrame(blobs: Blobs, k: number, width: number, rest: Box = othersBox(blobs, k)): boolean {
  const [x0, y0, x1, y1] = blobs.boxes[k]!;
  if (!allInside(rest, blobs.boxes[k]!)) return false;
  const band = Math.max(2, Math.round(FRAME_BAND * Math.min(x1 - x0, y1 - y0))) + JOIN;
  const id = k + 1;
  let top = 0, bottom = 0, left = 0, right = 0;
  for (let y = y0; y < y1; y++) {
    let l = false, r = false;
    for (let x = x0; x < x1; x++) {
      if (blobs.labels[y * width + x] !== id) continue;
      const nearX = x - x0 < band || x1 - 1 - x < band;
      if (!nearX && y - y0 >= band && y1 - 1 - y >= band) return false;
      if (x - x0 < band) l = true;
      if (x1 - 1 - x < band) r = true;
    }
    if (l) left++;
    if (r) right++;
  }
  for (let x = x0; x < x1; x++) {
    let t = false, b = false;
    for (let y = y0; y < y1; y++) {
      if (blobs.labels[y * width + x] !== id) continue;
      if (y - y0 < band) t = true;
      if (y1 - 1 - y < band) b = true;
    }
    if (t) top++;
    if (b) bottom++;
  }
  const h = y1 - y0;
  const w = x1 - x0;
  return Math.min(left, right) >= FRAME_RUN * h && Math.min(top, bottom) >= FRAME_RUN * w;
}

/** An enclosing outline's ink covers at most this share of its box (a ring's stroke, not a disc behind the figure). */
const ENCLOSURE_INK = 0.35;

/**
 * Whether blob k is drawn round the rest without being a frame (isFrame): every other blob lies inside its box and
 * its ink is a thin outline — a ring or a badge's rim drawn round a copied logo, which may hold more of the ink than
 * an added element does. Its peel is a query's figure inside, decoded again (features.ts peelDecodedAgain) and held to
 * a peel's limits: an emblem is a ring round a figure, and its inner figure as a whole would meet every registry
 * logo that is that figure alone.
 */
export function isEnclosure(blobs: Blobs, k: number, rest: Box = othersBox(blobs, k)): boolean {
  const [x0, y0, x1, y1] = blobs.boxes[k]!;
  return allInside(rest, blobs.boxes[k]!) && blobs.ink[k]! <= ENCLOSURE_INK * (x1 - x0) * (y1 - y0);
}

/** The joint box of every blob but k that holds ink (unionBox's empty box when there is none). */
const othersBox = (blobs: Blobs, k: number): Box => unionBox(blobs.boxes.filter((_, j) => j !== k && blobs.ink[j]! > 0));

/**
 * othersBox for every blob at once, from the joint boxes of the blobs before it and after it: a JPEG's or a scan's
 * blobs may be hundreds, and each one's peel asks for the others' box.
 */
function othersBoxes(blobs: Blobs): Box[] {
  const n = blobs.boxes.length;
  const after: Box[] = new Array<Box>(n + 1);
  after[n] = unionBox([]);
  for (let j = n - 1; j >= 0; j--) after[j] = blobs.ink[j]! > 0 ? unionBox([after[j + 1]!, blobs.boxes[j]!]) : after[j + 1]!;
  const out: Box[] = new Array<Box>(n);
  let before = unionBox([]);
  for (let j = 0; j < n; j++) {
    out[j] = unionBox([before, after[j + 1]!]);
    if (blobs.ink[j]! > 0) before = unionBox([before, blobs.boxes[j]!]);
  }
  return out;
}

/** Whether joint box `rest` holds a blob and lies strictly inside `outer`: every blob it joins does. */
const allInside = (rest: Box, outer: Box): boolean =>
  rest[0] <= rest[2] && rest[0] > outer[0] && rest[1] > outer[1] && rest[2] < outer[2] && rest[3] < outer[3];

/**
 * The figure without one blob at its edge, for each blob whose removal shrinks the box enough (or without the
 * frame or the outline round it, isFrame, isEnclosure); largest first.
 */
export function peelRegions(img: GrayImage, box: Box, seen: Seen = seeOf(img)): Region[] {
  const { background } = seen;
  const blobs = findBlobs(img, box, background);
  const total = blobs.ink.reduce((a, b) => a + b, 0);
  if (blobs.ink.length < 2 || total === 0) return [];
  const out: Peel[] = [];
  const others = othersBoxes(blobs);
  blobs.ink.forEach((ink, k) => {
    if (ink === 0) return;
    const rest = others[k]!;
    const frame = isFrame(blobs, k, img.width, rest);
    const enclosed = !frame && isEnclosure(blobs, k, rest);
    if (ink > PEEL_MAX_INK * total && !frame && !enclosed) return;
    if (!couldShrink(rest, box)) return;
    const erase = new Uint8Array(blobs.labels.length);
    // a blob's pixels lie within JOIN of its ink, whose box it keeps (the joining is a square of that reach)
    const [bx0, by0, bx1, by1] = blobs.boxes[k]!;
    const x0 = Math.max(0, bx0 - JOIN), x1 = Math.min(img.width, bx1 + JOIN);
    for (let y = Math.max(0, by0 - JOIN); y < Math.min(img.height, by1 + JOIN); y++) {
      for (let i = y * img.width + x0, end = y * img.width + x1; i < end; i++) if (blobs.labels[i] === k + 1) erase[i] = 1;
    }
    const peel = peelOf(seen.mask, img.width, img.height, box, erase);
    if (peel) out.push(frame ? { ...peel, frame } : enclosed ? { ...peel, enclosed } : peel);
  });
  return largestPeels(out, MAX_PEELS);
}

/** How many content pixels (mask) each row and each column of the box holds. */
function contentProfile(mask: Uint8Array, width: number, [x0, y0, x1, y1]: Box): { rows: Uint32Array; cols: Uint32Array } {
  const rows = new Uint32Array(y1 - y0);
  const cols = new Uint32Array(x1 - x0);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (mask[y * width + x]) { rows[y - y0]!++; cols[x - x0]!++; }
  return { rows, cols };
}

/** A valley cut looks for its row or column within this share of the box from each side … */
const VALLEY_BAND = 0.35;
/** … not nearer the side than this share, */
const VALLEY_MIN = 0.03;
/** and takes it only when it carries at most this share of the median row's (column's) content. */
const VALLEY_DEPTH = 0.35;

/**
 * The figure without a strip at one side cut where the content thins out most (a valley of the row or column
 * counts): an added line of text or an element beside the figure that touches it, so that no blob separates it.
 */
export function valleyRegions(img: GrayImage, box: Box, { mask }: Seen = seeOf(img)): Region[] {
  const [x0, y0, x1, y1] = box;
  const { rows, cols } = contentProfile(mask, img.width, box);
  const median = (c: Uint32Array) => { const s = Uint32Array.from(c).sort(); return s[s.length >> 1]!; };
  const out: Region[] = [];
  const seen = new Set<string>();
  const take = (b: Box) => {
    const inside = b[2] - b[0] >= 2 && b[3] - b[1] >= 2 ? maskBox(mask, img.width, b) : null;
    if (!inside || 1 - area(inside) / area(box) < PEEL_MIN_SHRINK) return;
    const key = inside.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: 'peel', box: inside });
  };
  // per side, the valley nearest the edge (an added line just beyond the logo) and the deepest one in the band
  const cut = (counts: Uint32Array, fromEnd: boolean, make: (at: number) => Box) => {
    const n = counts.length;
    const limit = VALLEY_DEPTH * median(counts);
    const at = (k: number) => (fromEnd ? n - 1 - k : k);
    let nearest = -1;
    let deepest = -1;
    for (let k = Math.max(1, Math.round(n * VALLEY_MIN)), end = Math.round(n * VALLEY_BAND); k <= end; k++) {
      const i = at(k);
      if (counts[i]! > limit) {
        if (nearest >= 0) break;
        continue;
      }
      if (nearest < 0 || counts[i]! < counts[nearest]!) nearest = i;
    }
    for (let k = Math.max(1, Math.round(n * VALLEY_MIN)), end = Math.round(n * VALLEY_BAND); k <= end; k++) {
      const i = at(k);
      if (counts[i]! <= limit && (deepest < 0 || counts[i]! < counts[deepest]!)) deepest = i;
    }
    for (const i of new Set([nearest, deepest])) if (i >= 0) take(make(i));
  };
  cut(cols, false, (i) => [x0 + i + 1, y0, x1, y1]);
  cut(rows, false, (i) => [x0, y0 + i + 1, x1, y1]);
  cut(cols, true, (i) => [x0, y0, x0 + i, y1]);
  cut(rows, true, (i) => [x0, y0, x1, y0 + i]);
  return out;
}

/** A gap cut takes an empty run of columns (rows) at least this share of the box wide, */
const GAP_MIN = 0.03;
/** … that leaves on each side at least this share of the box, */
const GAP_SIDE = 0.1;
/**
 * … across a box at least this many times longer than it is deep: a name set beside the figure makes the box long,
 * and a square layout (a name below its figure) is the valley cuts' (each side is decoded again, features.ts).
 */
const GAP_ELONGATION = 1.3;

/**
 * Each side of the widest empty gap across the figure, column-wise and row-wise: a figure with a name or a slogan set
 * beside it (a combination mark laid out in a row), which the valley cuts miss when the name is wider than their band
 * and the blob peels when it is many characters. Only the query's: the registry logo is compared whole and by its
 * crops, and a query's side meets it as a peel does.
 */
export function gapRegions(img: GrayImage, box: Box, { mask }: Seen = seeOf(img)): Region[] {
  const [x0, y0, x1, y1] = box;
  const { rows, cols } = contentProfile(mask, img.width, box);
  const out: Region[] = [];
  const take = (b: Box) => {
    const inside = maskBox(mask, img.width, b);
    if (inside && 1 - area(inside) / area(box) >= PEEL_MIN_SHRINK) out.push({ kind: 'peel', box: inside });
  };
  const widest = (counts: Uint32Array): [number, number] | null => {
    const n = counts.length;
    const from = Math.round(n * GAP_SIDE);
    let best: [number, number] | null = null;
    for (let i = from; i < n - from; i++) {
      if (counts[i] !== 0) continue;
      let j = i;
      while (j < n - from && counts[j] === 0) j++;
      if (j - i >= Math.max(2, GAP_MIN * n) && (!best || j - i > best[1] - best[0])) best = [i, j];
      i = j;
    }
    return best;
  };
  const across = cols.length >= GAP_ELONGATION * rows.length ? widest(cols) : null;
  if (across) {
    take([x0, y0, x0 + across[0], y1]);
    take([x0 + across[1], y0, x1, y1]);
  }
  const down = rows.length >= GAP_ELONGATION * cols.length ? widest(rows) : null;
  if (down) {
    take([x0, y0, x1, y0 + down[0]]);
    take([x0, y0 + down[1], x1, y1]);
  }
  return out;
}

/** The box with a strip of each CROP_CUTS share cut from each side, trimmed again to the content left. */
export function cropRegions(img: GrayImage, box: Box, { mask }: Seen = seeOf(img)): Region[] {
  const out: Region[] = [];
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  for (const cut of CROP_CUTS) {
    for (let side = 0; side < 4; side++) {
      const b: Box = [...box];
      if (side === 0) b[0] += Math.round(w * cut);
      else if (side === 1) b[1] += Math.round(h * cut);
      else if (side === 2) b[2] -= Math.round(w * cut);
      else b[3] -= Math.round(h * cut);
      const inside = b[2] - b[0] >= 2 && b[3] - b[1] >= 2 ? maskBox(mask, img.width, b) : null;
      if (inside) out.push({ kind: 'crop', box: inside });
    }
  }
  return out;
}
