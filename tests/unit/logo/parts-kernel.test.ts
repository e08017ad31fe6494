// The pass that cuts a figure's core ink where its colour changes, in WebAssembly (assembly/parts.ts through
// shared/engine/logo/parts.ts coreInk): the same core pixels as the JavaScript the stored features were computed with,
// kept here as the reference — for colours a channel step apart, hues near the 40° edge and round red's 0°/360°,
// colours just under and at the chroma that gives a hue, and boxes at the picture's edges and inside it. And a colour
// peel's rim (parts.ts rimmedPart), widened across then down, against the square round every pixel it replaced.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { colourCut, coreInk, rimmedPart } from '../../../shared/engine/logo/parts';
import type { GrayImage } from '../../../shared/engine/logo/prepare';
import type { Box } from '../../../shared/engine/logo/regions';
import type { Blobs } from '../../../shared/engine/logo/blobs';

const CORE_LEVEL = 64;
const INK_LEVEL = 128;
const COLOUR_EDGE = 80;
const COLOUR_HUE_EDGE = 40;
const MIN_HUE_CHROMA = 60;

/** parts.ts huesAround before the port. */
function referenceHues(img: GrayImage, rgb: Uint8Array, box: Box): Float32Array {
  const { width: w, height: h, data } = img;
  const hue = new Float32Array(w * h).fill(-1);
  for (let y = Math.max(0, box[1] - 1); y < Math.min(h, box[3] + 1); y++) {
    for (let x = Math.max(0, box[0] - 1), i = y * w + x; x < Math.min(w, box[2] + 1); x++, i++) {
      if (data[i]! > INK_LEVEL) continue;
      const r = rgb[3 * i]!, g = rgb[3 * i + 1]!, b = rgb[3 * i + 2]!;
      const max = Math.max(r, g, b);
      const chroma = max - Math.min(r, g, b);
      if (chroma < MIN_HUE_CHROMA) continue;
      const sector = max === r ? ((g - b) / chroma + 6) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
      hue[i] = sector * 60;
    }
  }
  return hue;
}

/** parts.ts colourCut's core pass before the port. */
function referenceCore(img: GrayImage, rgb: Uint8Array, box: Box): Uint8Array {
  const { width: w, height: h, data } = img;
  const core = new Uint8Array(w * h);
  const hue = referenceHues(img, rgb, box);
  const huesApart = (a: number, b: number) => {
    if (a < 0 || b < 0) return false;
    const d = Math.abs(a - b);
    return Math.min(d, 360 - d) >= COLOUR_HUE_EDGE;
  };
  const differ = (a: number, b: number) => data[a]! <= INK_LEVEL && data[b]! <= INK_LEVEL &&
    (Math.abs(rgb[3 * a]! - rgb[3 * b]!) > COLOUR_EDGE || Math.abs(rgb[3 * a + 1]! - rgb[3 * b + 1]!) > COLOUR_EDGE ||
      Math.abs(rgb[3 * a + 2]! - rgb[3 * b + 2]!) > COLOUR_EDGE || huesApart(hue[a]!, hue[b]!));
  for (let y = box[1]; y < box[3]; y++) {
    for (let x = box[0], i = y * w + x; x < box[2]; x++, i++) {
      if (data[i]! > CORE_LEVEL) continue;
      if (x > 0 && x < w - 1 && differ(i - 1, i + 1)) continue;
      if (y > 0 && y < h - 1 && differ(i - w, i + w)) continue;
      core[i] = 1;
    }
  }
  return core;
}

/**
 * Colours drawn near the limits: a base colour per patch, its neighbours a channel step of about 80 away, a hue
 * about 40° round, gray, or just under the hue's chroma; ink levels about the core's and the ink's limits.
 */
function picture(seed: number, w: number, h: number): { img: GrayImage; rgb: Uint8Array } {
  const next = rng(seed);
  const byte = () => next() % 256;
  const rgb = new Uint8Array(w * h * 3);
  const data = new Uint8Array(w * h);
  const base = [byte(), byte(), byte()];
  for (let i = 0; i < w * h; i++) {
    const kind = next() % 7;
    let c: number[];
    if (kind === 0) c = base.map((v) => Math.max(0, Math.min(255, v + (next() % 3) - 1)));
    else if (kind === 1) c = base.map((v, k) => (k === next() % 3 ? Math.max(0, Math.min(255, v + 79 + (next() % 4) - (v > 127 ? 162 : 0))) : v));
    else if (kind === 2) {
      // a colour of chroma near MIN_HUE_CHROMA, red's sector included (g = b gives the sector 6 taken back to 0)
      const top = 70 + (next() % 180);
      const chroma = 58 + (next() % 5);
      const mid = top - chroma + (next() % (chroma + 1));
      const order = next() % 6;
      c = [[top, mid, top - chroma], [top, top - chroma, top - chroma], [mid, top, top - chroma], [top - chroma, top, mid], [top - chroma, mid, top], [mid, top - chroma, top]][order]!;
    } else if (kind === 3) {
      const v = byte();
      c = [v, v, v];
    } else c = [byte(), byte(), byte()];
    rgb.set(c, i * 3);
    // ink levels round the core's (64) and the ink's (128) limits, and background
    data[i] = [0, 30, 63, 64, 65, 127, 128, 129, 255][next() % 9]!;
  }
  // patches of one colour, so that runs of neighbours agree and cores form
  for (let p = 0; p < 5; p++) {
    const c = [byte(), byte(), byte()];
    const x0 = next() % w, y0 = next() % h;
    for (let y = y0; y < Math.min(h, y0 + 2 + (next() % h)); y++) {
      for (let x = x0; x < Math.min(w, x0 + 2 + (next() % w)); x++) {
        rgb.set(c, (y * w + x) * 3);
        data[y * w + x] = 20;
      }
    }
  }
  return { img: { width: w, height: h, data }, rgb };
}

describe('the core ink of a figure cut where its colour changes (WebAssembly)', () => {
  it('gives the core pixels the JavaScript gave', () => {
    for (let seed = 1; seed <= 160; seed++) {
      const w = 1 + (seed % 37), h = 1 + ((seed * 7) % 41);
      const { img, rgb } = picture(seed, w, h);
      // the inner box first: the band round it is read from the scratch, which the whole box's call would fill
      const boxes: Box[] = [[Math.min(1, w - 1), Math.min(2, h - 1), Math.max(1, w - 1), Math.max(2, h - 2)], [0, 0, w, h]];
      for (const box of boxes) expect(coreInk(img, rgb, box), `seed ${seed}, box ${box.join(',')}`).toEqual(referenceCore(img, rgb, box));
    }
  });

  it('cuts at hues exactly COLOUR_HUE_EDGE apart, round red too, and not at two colours just short of it', () => {
    // hues 0° and 40°, 320° and 0°, 80° and 120° (each colour of chroma 60, channels within 80 of each other), and
    // 0° against a gray of the same channels' spread short of a hue
    const pairs: Array<[number[], number[]]> = [
      [[200, 140, 140], [200, 180, 140]], [[200, 140, 180], [200, 140, 140]], [[180, 200, 140], [140, 200, 140]],
      [[200, 140, 140], [200, 141, 141]], [[200, 141, 142], [200, 182, 142]],
    ];
    for (const [a, b] of pairs) {
      // the middle pixel's neighbours across are the two colours; across the picture's top and bottom rows nothing
      const w = 3, h = 3;
      const rgb = new Uint8Array(w * h * 3);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set(x === 2 ? b : a, (y * w + x) * 3);
      const img = { width: w, height: h, data: new Uint8Array(w * h).fill(10) };
      expect(coreInk(img, rgb, [0, 0, w, h]), `${a.join(',')} / ${b.join(',')}`).toEqual(referenceCore(img, rgb, [0, 0, w, h]));
    }
    // the first pair is cut: the middle column, between the two colours, is no core
    const rgb = new Uint8Array(27);
    for (let i = 0; i < 9; i++) rgb.set(i % 3 === 2 ? [200, 180, 140] : [200, 140, 140], i * 3);
    expect(Array.from(coreInk({ width: 3, height: 3, data: new Uint8Array(9).fill(10) }, rgb, [0, 0, 3, 3]))).toEqual([1, 0, 1, 1, 0, 1, 1, 0, 1]);
  });

  it('cuts two colours of the same channels apart by their hues, and not a colour from its own paler rim', () => {
    // a teal bar beside a violet one: every channel within 80, hues 180° and 270°
    const w = 12, h = 4;
    const rgb = new Uint8Array(w * h * 3);
    const data = new Uint8Array(w * h).fill(10);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set(x < 6 ? [20, 110, 110] : [70, 20, 120], (y * w + x) * 3);
    const cut = colourCut({ width: w, height: h, data }, rgb, [0, 0, w, h]);
    expect(cut.kept).toHaveLength(2);
    // the same bars in one hue, the right one paler (a rim blended with white): one part
    for (let y = 0; y < h; y++) for (let x = 6; x < w; x++) rgb.set([90, 170, 170], (y * w + x) * 3);
    expect(colourCut({ width: w, height: h, data }, rgb, [0, 0, w, h]).kept).toHaveLength(1);
  });
});

/** parts.ts colourPeels' rim before it was widened across, then down: a square round every pixel of the part. */
function referenceRim(labels: Int32Array, box: Box, k: number, isPart: Uint8Array, w: number, h: number): Uint8Array {
  const rim = 3;
  const erase = new Uint8Array(w * h);
  for (let y = box[1]; y < box[3]; y++) {
    for (let x = box[0]; x < box[2]; x++) {
      if (labels[y * w + x] !== k + 1) continue;
      for (let yy = Math.max(0, y - rim); yy <= Math.min(h - 1, y + rim); yy++) {
        for (let xx = Math.max(0, x - rim), i = yy * w + xx; xx <= Math.min(w - 1, x + rim); xx++, i++) {
          if (labels[i] === k + 1 || !isPart[labels[i]!]) erase[i] = 1;
        }
      }
    }
  }
  return erase;
}

describe('a colour peel\'s rim', () => {
  it('takes the pixels within 3 of the part that no other part holds, at the picture\'s edges too', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const next = rng(seed);
      const w = 4 + (next() % 30), h = 4 + (next() % 30);
      // labels 0 (none) to 4, the part (1) drawn as a patch that may touch any edge, the rest scattered
      const labels = new Int32Array(w * h);
      for (let i = 0; i < w * h; i++) labels[i] = next() % 3 === 0 ? 2 + (next() % 3) : 0;
      const x0 = next() % w, y0 = next() % h;
      const x1 = Math.min(w, x0 + 1 + (next() % 8)), y1 = Math.min(h, y0 + 1 + (next() % 8));
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (next() % 4 !== 0 || (x === x0 && y === y0)) labels[y * w + x] = 1;
      let box: Box = [w, h, 0, 0];
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (labels[y * w + x] === 1) box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x + 1), Math.max(box[3], y + 1)];
      // labels 2 and 4 are parts, 3 is a region too small to be one (it goes with the rim)
      const isPart = Uint8Array.from([0, 1, 1, 0, 1]);
      const blobs: Blobs = { labels, boxes: [box], ink: [1] };
      expect(rimmedPart(blobs, 0, isPart, w, h), `seed ${seed}`).toEqual(referenceRim(labels, box, 0, isPart, w, h));
    }
  });
});
