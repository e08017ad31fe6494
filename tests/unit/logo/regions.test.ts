// The parts of a logo hashed beside the whole: peels (the figure without an element at its edge) and crops.
import { describe, expect, it } from 'vitest';
import { contentBox, inkImage } from '../../../shared/engine/logo/prepare';
import { findBlobs } from '../../../shared/engine/logo/blobs';
import { CROP_CUTS, cropRegions, gapRegions, isEnclosure, peelRegions, valleyRegions } from '../../../shared/engine/logo/regions';

type Rect = [number, number, number, number];

/** A 128 × 128 white ink image with dark rectangles [x0, y0, x1, y1). */
function drawn(rects: Rect[]) {
  const w = 128;
  const data = new Uint8Array(w * w).fill(255);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * w + x] = 0;
  return { width: w, height: w, data };
}

/** A figure (a square over a bar), a text line of four "characters" under it. */
const FIGURE: Rect[] = [[40, 20, 88, 60], [30, 62, 98, 70]];
const TEXT: Rect[] = [[34, 84, 46, 96], [49, 84, 61, 96], [64, 84, 76, 96], [79, 84, 91, 96]];
/** A ring drawn as a square annulus 6 px wide with its corners cut (its ink leaves a frame's band there). */
const RING: Rect[] = [[20, 10, 108, 16], [20, 112, 108, 118], [10, 20, 16, 108], [112, 20, 118, 108],
  [14, 14, 22, 22], [106, 14, 114, 22], [14, 106, 22, 114], [106, 106, 114, 114]];
/** A small figure: a block over a bar. */
const SMALL: Rect[] = [[50, 50, 78, 70], [54, 72, 74, 76]];

describe('logo regions', () => {
  it('joins a text line into one blob and keeps the figure apart from it', () => {
    const img = drawn([...FIGURE, ...TEXT]);
    const blobs = findBlobs(img, contentBox(img, 255)!);
    expect(blobs.boxes).toEqual([[30, 20, 98, 70], [34, 84, 91, 96]]);
  });

  it('peels an element added at the edge: what is left is the logo as registered', () => {
    const registered = drawn([...FIGURE, ...TEXT]);
    const withMark = drawn([...FIGURE, ...TEXT, [104, 30, 116, 42]]);
    const peels = peelRegions(withMark, contentBox(withMark, 255)!);
    expect(peels.map((p) => p.box)).toContainEqual(contentBox(registered, 255));
    // the text line (a quarter of the ink, under the figure) is a peel too: a copy with another name keeps the figure
    expect(peels.length).toBeGreaterThanOrEqual(1);
  });

  it('peels nothing from a single shape or when nothing lies at the edge', () => {
    const single = drawn([[20, 20, 100, 100]]);
    expect(peelRegions(single, contentBox(single, 255)!)).toEqual([]);
    const inside = drawn([[20, 20, 100, 100], [50, 50, 60, 60]]);
    expect(peelRegions(inside, contentBox(inside, 255)!)).toEqual([]);
  });

  it('cuts at a valley an added line that touches the logo, where no blob separates it', () => {
    const registered = drawn([...FIGURE, ...TEXT]);
    // a small line of text under the name, joined to it by a stroke: one blob with the name
    const withLine = drawn([...FIGURE, ...TEXT, [60, 96, 62, 99], [50, 99, 78, 106]]);
    expect(peelRegions(withLine, contentBox(withLine, 255)!).map((p) => p.box)).not.toContainEqual(contentBox(registered, 255));
    const valleys = valleyRegions(withLine, contentBox(withLine, 255)!);
    expect(valleys.map((p) => p.box)).toContainEqual(contentBox(registered, 255));
    expect(valleys.every((p) => p.kind === 'peel')).toBe(true);
  });

  it('makes no valley cut in an even figure', () => {
    const square = drawn([[20, 20, 100, 100]]);
    expect(valleyRegions(square, contentBox(square, 255)!)).toEqual([]);
    const ring = drawn([[20, 20, 100, 30], [20, 90, 100, 100], [20, 20, 30, 100], [90, 20, 100, 100]]);
    expect(valleyRegions(ring, contentBox(ring, 255)!)).toEqual([]);
  });

  it('cuts a long figure at its widest empty gap: the figure and the name set beside it, each trimmed', () => {
    // a figure (a square over a bar) at the left, a name of four characters beside it, wider than the figure
    const figure: Rect[] = [[4, 40, 34, 70], [2, 72, 36, 78]];
    const name: Rect[] = [[48, 52, 64, 68], [68, 52, 84, 68], [88, 52, 104, 68], [108, 52, 124, 68]];
    const img = drawn([...figure, ...name]);
    const sides = gapRegions(img, contentBox(img, 255)!);
    const alone = (rects: Rect[]) => contentBox(drawn(rects), 255);
    expect(sides.map((r) => r.box)).toEqual([alone(figure), alone(name)]);
    expect(sides.every((r) => r.kind === 'peel')).toBe(true);
    // the gaps between the characters are narrower: the name is not cut
    expect(sides).toHaveLength(2);
  });

  it('makes no gap cut in a figure about as long as it is deep, nor where no empty gap crosses it', () => {
    // a name below its figure is the valley cuts' (the box is not long)
    const square = drawn([...FIGURE, ...TEXT]);
    expect(gapRegions(square, contentBox(square, 255)!)).toEqual([]);
    // a long bar with a disc-like block on it: nothing empty runs across
    const bar = drawn([[4, 60, 124, 70], [50, 50, 70, 80]]);
    expect(gapRegions(bar, contentBox(bar, 255)!)).toEqual([]);
  });

  it('peels a ring drawn round the figure, however much of the ink it holds, and marks it enclosed', () => {
    // a ring (a square annulus with its corners cut, so not a frame) round a small figure: most of the ink, so no
    // element peel would take it
    const img = drawn([...RING, ...SMALL]);
    const box = contentBox(img, 255)!;
    expect(findBlobs(img, box).ink.length).toBe(2);
    const peels = peelRegions(img, box);
    const inside = peels.find((p) => p.enclosed);
    expect(inside?.box).toEqual(contentBox(drawn(SMALL), 255));
    expect(inside?.frame).toBeUndefined();
  });

  it('tells a ring round a figure from a disc behind it', () => {
    // a ring (drawn as a square annulus with cut corners, its ink thin) round a bar, and a solid block behind one
    const withRing = drawn([...RING, [50, 60, 78, 68]]);
    const ringBlobs = findBlobs(withRing, contentBox(withRing, 255)!);
    const outer = ringBlobs.boxes.findIndex((b) => b[0] <= 11);
    expect(isEnclosure(ringBlobs, outer)).toBe(true);
    // a thick band round the bar (most of its box inked): the figure's own ground, not an outline
    const band = drawn([[10, 10, 118, 40], [10, 88, 118, 118], [10, 10, 40, 118], [88, 10, 118, 118], [56, 60, 72, 68]]);
    const bandBlobs = findBlobs(band, contentBox(band, 255)!);
    expect(bandBlobs.ink.length).toBe(2);
    expect(isEnclosure(bandBlobs, bandBlobs.boxes.findIndex((b) => b[0] <= 11))).toBe(false);
    // nothing inside: a lone ring encloses nothing
    const lone = drawn(RING);
    const loneBlobs = findBlobs(lone, contentBox(lone, 255)!);
    expect(isEnclosure(loneBlobs, 0)).toBe(false);
  });

  it('cuts a strip from each side for the crops, trimmed again to the content left', () => {
    const img = drawn([...FIGURE, ...TEXT]);
    const box = contentBox(img, 255)!;
    const crops = cropRegions(img, box);
    expect(crops).toHaveLength(4 * CROP_CUTS.length);
    for (const c of crops) {
      expect(c.box[0]).toBeGreaterThanOrEqual(box[0]);
      expect(c.box[3]).toBeLessThanOrEqual(box[3]);
      expect((c.box[2] - c.box[0]) * (c.box[3] - c.box[1])).toBeLessThan((box[2] - box[0]) * (box[3] - box[1]));
    }
  });

  it('reads ink as the colour distance from the background, whatever the colours', () => {
    // yellow (255, 230, 0) and navy (20, 30, 90) inside a white border; then light inside a dark border
    const image = (ground: number[], a: number[], b: number[], bAt = 10) => {
      const px = Array.from({ length: 16 }, () => ground);
      px[5] = a;
      px[bAt] = b;
      return inkImage(Uint8Array.from(px.flat()), 4, 4, 3).data;
    };
    const yellowNavy = image([255, 255, 255], [255, 230, 0], [20, 30, 90]);
    expect([yellowNavy[0], yellowNavy[5], yellowNavy[10], yellowNavy[6]]).toEqual([255, 0, 0, 255]);
    const lightOnDark = image([20, 20, 40], [230, 240, 200], [30, 25, 45]);
    expect([lightOnDark[0], lightOnDark[5], lightOnDark[10]]).toEqual([255, 0, 255]);
    // side by side, the two colours keep a half-light border between them (both pixels of it)
    const touching = image([255, 255, 255], [255, 230, 0], [20, 30, 90], 6);
    expect([touching[5], touching[6]]).toEqual([128, 128]);
  });
});
