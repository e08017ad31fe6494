// The blobs a logo's peels (regions.ts) and parts (parts.ts) are cut from: the ink of a box joined over small gaps
// and labelled into 4-connected components. Every logo is labelled two or more times, so the passes over its pixels
// run in WebAssembly (assembly/blobs.ts), in the JavaScript's order of visits: each blob keeps the number, the ink
// count and the box it had. The thresholds stay here and are passed in.
import { BLOBS_WASM } from './blobs-wasm';
import { backgroundLevel, type GrayImage } from './prepare';
import type { Box } from './regions';
import { wasmKernel } from './wasm-kernel';

/** A pixel is ink when its level (dark on light) is at least this far below the background. */
const INK_STEP = 64;
/** Ink within this many decoded pixels joins one blob: the strokes of a character and the characters of a line. */
export const JOIN = 2;

export interface Blobs {
  /** blob number + 1 of each pixel of the joined mask, 0 outside */
  labels: Int32Array;
  /** ink pixels per blob */
  ink: number[];
  /** the box of each blob's ink */
  boxes: Box[];
}

interface BlobsExports {
  joinInk(data: number, w: number, h: number, x0: number, y0: number, x1: number, y1: number, background: number, inkStep: number, join: number, ink: number, across: number, joined: number): void;
  label(joined: number, ink: number, w: number, h: number, labels: number, runs: number, counts: number, boxes: number): number;
}

const kernel = wasmKernel<BlobsExports>(BLOBS_WASM);

/**
 * The labelling's output and scratch after the given blocks, for w × h pixels: labels, runs (16 bytes each, at most
 * ⌈w / 2⌉ a row), counts and boxes.
 */
const labelBlocks = (w: number, h: number) => [4 * w * h, 16 * Math.ceil(w / 2) * h, 4 * w * h, 16 * w * h];

/** Ink of the box joined over JOIN pixels (a square dilation, as two running counts: across, then down) and labelled into 4-connected blobs. */
export function findBlobs(img: GrayImage, box: Box, background = backgroundLevel(img)): Blobs {
  const { width: w, height: h } = img;
  const n = w * h;
  const k = kernel();
  const { at, heap } = k.reserve([n, n, n, n, ...labelBlocks(w, h)]);
  const [data, ink, across, joined, labels, runs, counts, boxes] = at as [number, number, number, number, number, number, number, number];
  heap.set(img.data, data);
  k.exports.joinInk(data, w, h, box[0], box[1], box[2], box[3], background, INK_STEP, JOIN, ink, across, joined);
  return blobsOf(heap, n, k.exports.label(joined, ink, w, h, labels, runs, counts, boxes), labels, counts, boxes);
}

/**
 * The 4-connected components of `joined` (w × h), each with the count and box of its pixels set in `ink` (the
 * ink a component was grown from; pass `joined` itself to count every pixel).
 */
export function labelComponents(joined: Uint8Array, ink: Uint8Array, w: number, h: number): Blobs {
  const n = w * h;
  const k = kernel();
  const { at, heap } = k.reserve([n, ink === joined ? 0 : n, ...labelBlocks(w, h)]);
  const [joinedAt, inkAt, labels, runs, counts, boxes] = at as [number, number, number, number, number, number];
  heap.set(joined.subarray(0, n), joinedAt);
  if (ink !== joined) heap.set(ink.subarray(0, n), inkAt);
  const found = k.exports.label(joinedAt, ink === joined ? joinedAt : inkAt, w, h, labels, runs, counts, boxes);
  return blobsOf(heap, n, found, labels, counts, boxes);
}

function blobsOf(heap: Uint8Array, n: number, found: number, labels: number, counts: number, boxes: number): Blobs {
  const count = new Int32Array(heap.buffer, counts, found);
  const box = new Int32Array(heap.buffer, boxes, 4 * found);
  return {
    labels: new Int32Array(heap.buffer.slice(labels, labels + 4 * n)),
    ink: Array.from(count),
    boxes: Array.from({ length: found }, (_, b) => [box[4 * b]!, box[4 * b + 1]!, box[4 * b + 2]!, box[4 * b + 3]!] as Box),
  };
}
