// The even regions a picture's grounds are read from, in WebAssembly (assembly/grounds.ts through
// shared/engine/logo/grounds.ts): the labels, sizes and boxes the JavaScript gave, kept here as the reference, for
// flat figures, gradients (a product's shading), grain and pictures one pixel wide.
import { describe, expect, it } from 'vitest';
import { evenRegions } from '../../../shared/engine/logo/grounds';

/** grounds.ts GROUND_STEP. */
const GROUND_STEP = 10;

/** grounds.ts evenRegions before the port. */
function referenceRegions(rgb: Uint8Array, width: number, height: number): { label: Int32Array; size: number[]; boxes: number[][] } {
  const n = width * height;
  const label = new Int32Array(n).fill(-1);
  const size: number[] = [];
  const boxes: number[][] = [];
  const stack = new Int32Array(n);
  const near = (a: number, b: number) => {
    const p = a * 3, q = b * 3;
    return Math.abs(rgb[p]! - rgb[q]!) <= GROUND_STEP && Math.abs(rgb[p + 1]! - rgb[q + 1]!) <= GROUND_STEP && Math.abs(rgb[p + 2]! - rgb[q + 2]!) <= GROUND_STEP;
  };
  for (let start = 0; start < n; start++) {
    if (label[start]! >= 0) continue;
    const id = size.length;
    let top = 0, count = 0;
    let x0 = width, y0 = height, x1 = 0, y1 = 0;
    stack[top++] = start;
    label[start] = id;
    while (top > 0) {
      const i = stack[--top]!;
      count++;
      const x = i % width, y = (i - x) / width;
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x >= x1) x1 = x + 1;
      if (y >= y1) y1 = y + 1;
      if (x > 0 && label[i - 1]! < 0 && near(i, i - 1)) { label[i - 1] = id; stack[top++] = i - 1; }
      if (x + 1 < width && label[i + 1]! < 0 && near(i, i + 1)) { label[i + 1] = id; stack[top++] = i + 1; }
      if (y > 0 && label[i - width]! < 0 && near(i, i - width)) { label[i - width] = id; stack[top++] = i - width; }
      if (y + 1 < height && label[i + width]! < 0 && near(i, i + width)) { label[i + width] = id; stack[top++] = i + width; }
    }
    size.push(count);
    boxes.push([x0, y0, x1, y1]);
  }
  return { label, size, boxes };
}

/** A shaded ground (steps of a few levels a pixel), flat shapes on it, and grain on some draws. */
function photo(seed: number, width: number, height: number): Uint8Array {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const data = new Uint8Array(width * height * 3);
  const slope = Math.floor(next() * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = Math.min(255, 60 + c * 30 + ((x + y) * slope) % 150);
  for (let f = 0; f < 6; f++) {
    const colour = [0, 1, 2].map(() => Math.floor(next() * 256));
    const x0 = Math.floor(next() * width), y0 = Math.floor(next() * height);
    const w = 1 + Math.floor(next() * width * 0.4), h = 1 + Math.floor(next() * height * 0.4);
    for (let y = y0; y < Math.min(height, y0 + h); y++) for (let x = x0; x < Math.min(width, x0 + w); x++) for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = colour[c]!;
  }
  if (seed % 2) for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i]! + Math.floor((next() - 0.5) * 16)));
  return data;
}

describe('the even regions of a picture (WebAssembly)', () => {
  it('give the labels, sizes and boxes the JavaScript gave', () => {
    let seed = 1;
    for (const [width, height] of [[128, 112], [128, 128], [97, 61], [1, 1], [1, 40], [40, 1], [3, 2]]) {
      for (let draw = 0; draw < 4; draw++, seed++) {
        const rgb = photo(seed, width!, height!);
        const got = evenRegions(rgb, width!, height!);
        const want = referenceRegions(rgb, width!, height!);
        const label = `${width}×${height}, seed ${seed}`;
        expect(got.size, label).toEqual(want.size);
        expect(got.boxes, label).toEqual(want.boxes);
        expect(Buffer.from(got.label.buffer, got.label.byteOffset, got.label.byteLength).equals(Buffer.from(want.label.buffer)), label).toBe(true);
      }
    }
  });

  it('joins a gradient into one region and keeps a drawn edge apart', () => {
    const width = 30, height = 10;
    const rgb = new Uint8Array(width * height * 3);
    // a ramp of 5 levels a pixel (within the step) across the left two thirds, then a flat block 50 levels off
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.fill(x < 20 ? 20 + 5 * x : 170, (y * width + x) * 3, (y * width + x) * 3 + 3);
    const { size, boxes } = evenRegions(rgb, width, height);
    expect(size).toEqual([200, 100]);
    expect(boxes).toEqual([[0, 0, 20, 10], [20, 0, 30, 10]]);
  });
});
