// The blobs in WebAssembly (assembly/blobs.ts through shared/engine/logo/blobs.ts): the same labels, counts and
// boxes, blob by blob in the same order, as the JavaScript the stored features were computed with, kept here as the
// reference: findBlobs over boxes anywhere in gray images of many shapes, and labelComponents of masks with ink apart
// from the mask and the same.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { type Blobs, findBlobs, labelComponents } from '../../../shared/engine/logo/blobs';
import type { GrayImage } from '../../../shared/engine/logo/prepare';
import type { Box } from '../../../shared/engine/logo/regions';

const INK_STEP = 64;
const JOIN = 2;

/** Ink of the box joined over JOIN pixels (a square dilation) and labelled into 4-connected blobs. */
function referenceFindBlobs(img: GrayImage, box: Box, background: number): Blobs {
  const { width: w, height: h, data } = img;
  const ink = new Uint8Array(w * h);
  for (let y = box[1]; y < box[3]; y++) for (let x = box[0]; x < box[2]; x++) if (Math.abs(data[y * w + x]! - background) >= INK_STEP) ink[y * w + x] = 1;
  // the dilation as two running counts: a pixel is joined when any ink lies within JOIN across, then down
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) dilateLine(ink, across, y * w, 1, w);
  const joined = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) dilateLine(across, joined, x, w, h);
  return referenceLabel(joined, ink, w, h);
}

let fillStack = new Int32Array(0);

/**
 * The 4-connected components of `joined` (w × h), each with the count and box of its pixels set in `ink` (the
 * ink a component was grown from; pass `joined` itself to count every pixel).
 */
function referenceLabel(joined: Uint8Array, ink: Uint8Array, w: number, h: number): Blobs {
  const labels = new Int32Array(w * h);
  const blobs: Blobs = { labels, ink: [], boxes: [] };
  // the flood fill's stack is scratch, kept between calls (every logo labels its ink twice or more)
  if (fillStack.length < w * h) fillStack = new Int32Array(w * h);
  const stack = fillStack;
  for (let start = 0; start < w * h; start++) {
    if (!joined[start] || labels[start]) continue;
    const id = blobs.ink.length + 1;
    let count = 0;
    const b: Box = [w, h, 0, 0];
    labels[start] = id;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % w;
      const y = (p - x) / w;
      if (ink[p]) {
        count++;
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x + 1 > b[2]) b[2] = x + 1;
        if (y + 1 > b[3]) b[3] = y + 1;
      }
      // the four neighbours; labelled when pushed, so each pixel is pushed once
      if (x > 0 && joined[p - 1] && !labels[p - 1]) { labels[p - 1] = id; stack[top++] = p - 1; }
      if (x < w - 1 && joined[p + 1] && !labels[p + 1]) { labels[p + 1] = id; stack[top++] = p + 1; }
      if (y > 0 && joined[p - w] && !labels[p - w]) { labels[p - w] = id; stack[top++] = p - w; }
      if (y < h - 1 && joined[p + w] && !labels[p + w]) { labels[p + w] = id; stack[top++] = p + w; }
    }
    blobs.ink.push(count);
    blobs.boxes.push(b);
  }
  return blobs;
}

/** out[i] = 1 where src has a set pixel within JOIN steps along one line (n pixels from `from`, `step` apart). */
function dilateLine(src: Uint8Array, out: Uint8Array, from: number, step: number, n: number): void {
  let count = 0;
  for (let k = 0; k < Math.min(JOIN, n); k++) count += src[from + k * step]!;
  for (let k = 0; k < n; k++) {
    if (k + JOIN < n) count += src[from + (k + JOIN) * step]!;
    if (k - JOIN - 1 >= 0) count -= src[from + (k - JOIN - 1) * step]!;
    if (count > 0) out[from + k * step] = 1;
  }
}

/** A light ground with dark rectangles and specks: blobs of every size, some joined over small gaps. */
function figures(next: () => number, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height).fill(240);
  for (let r = 0; r < 1 + (next() % 12); r++) {
    const [x, y, w, h] = [next() % width, next() % height, 1 + (next() % 30), 1 + (next() % 30)];
    const level = next() % 120;
    for (let yy = y; yy < Math.min(height, y + h); yy++) for (let xx = x; xx < Math.min(width, x + w); xx++) data[yy * width + xx] = level;
  }
  for (let k = 0; k < (width * height) / 40; k++) data[next() % data.length] = next() & 255;
  return { width, height, data };
}

/** The same labels (compared as bytes: element by element they are slow to compare), counts and boxes. */
function expectSame(got: Blobs, want: Blobs): void {
  expect(Buffer.from(got.labels.buffer, got.labels.byteOffset, got.labels.byteLength).equals(Buffer.from(want.labels.buffer, want.labels.byteOffset, want.labels.byteLength))).toBe(true);
  expect(got.ink).toEqual(want.ink);
  expect(got.boxes).toEqual(want.boxes);
}

describe('the blobs in WebAssembly', () => {
  it('are the blobs the JavaScript found, for boxes anywhere in images of many shapes', () => {
    const next = rng(44);
    let blobs = 0;
    for (let trial = 0; trial < 200; trial++) {
      const img = figures(next, 1 + (next() % 140), 1 + (next() % 140));
      const x0 = next() % img.width;
      const y0 = next() % img.height;
      const box: Box = trial % 3 === 0 ? [0, 0, img.width, img.height] : [x0, y0, x0 + 1 + (next() % (img.width - x0)), y0 + 1 + (next() % (img.height - y0))];
      const background = trial % 4 === 0 ? 20 : 240;
      const got = findBlobs(img, box, background);
      expectSame(got, referenceFindBlobs(img, box, background));
      blobs += got.ink.length;
    }
    expect(blobs).toBeGreaterThan(1000);
  });

  it('labels a mask counting the pixels of another mask, or its own', () => {
    const next = rng(45);
    for (let trial = 0; trial < 100; trial++) {
      const [w, h] = [1 + (next() % 90), 1 + (next() % 90)];
      const joined = Uint8Array.from({ length: w * h }, () => (next() % 3 === 0 ? 0 : 1 + (next() % 2)));
      const ink = joined.map((v) => (v && next() % 2 ? 1 : 0));
      expectSame(labelComponents(joined, ink, w, h), referenceLabel(joined, ink, w, h));
      expectSame(labelComponents(joined, joined, w, h), referenceLabel(joined, joined, w, h));
    }
  });
});
