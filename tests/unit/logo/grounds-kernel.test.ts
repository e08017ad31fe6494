// The even regions a picture's grounds are read from, in WebAssembly (assembly/grounds.ts through
// shared/engine/logo/grounds.ts): the labels, sizes and boxes the JavaScript gave, kept here as the reference, for
// flat figures, gradients (a product's shading), grain and pictures one pixel wide.
import { describe, expect, it } from 'vitest';
import { evenRegions, groundsOf } from '../../../shared/engine/logo/grounds';

/** grounds.ts GROUND_STEP, MIN_GROUND, MIN_HELD and MIN_ELEMENT. */
const GROUND_STEP = 10;
const MIN_GROUND = 0.02;
const MIN_HELD = 0.003;
const MIN_ELEMENT = 0.002;

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

/** grounds.ts heldBy before the port: what ground g holds within its box, or null when too little. */
function referenceHeldBy(g: number, label: Int32Array, width: number, box: number[], total: number): { box: number[]; elements: number } | null {
  const [x0, y0, x1, y1] = box as [number, number, number, number];
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
  const held = [w, h, 0, 0];
  let count = 0;
  let elements = 0;
  for (let k = 0; k < w * h; k++) {
    if (state[k] !== 0) continue;
    let size = 0;
    state[k] = 3;
    stack.push(k);
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      const x = i % w, y = (i - x) / w;
      if (x < held[0]!) held[0] = x;
      if (y < held[1]!) held[1] = y;
      if (x + 1 > held[2]!) held[2] = x + 1;
      if (y + 1 > held[3]!) held[3] = y + 1;
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
  return count >= MIN_HELD * total ? { box: [x0 + held[0]!, y0 + held[1]!, x0 + held[2]!, y0 + held[3]!], elements } : null;
}

/** grounds.ts's grounds before the port, from the reference regions. */
function referenceGrounds(rgb: Uint8Array, width: number, height: number) {
  const total = width * height;
  const { label, size, boxes } = referenceRegions(rgb, width, height);
  return size.flatMap((s, g) => {
    const box = boxes[g]!;
    if (s < MIN_GROUND * total || box[0] === 0 || box[1] === 0 || box[2] === width || box[3] === height) return [];
    return [{ box, held: referenceHeldBy(g, label, width, box, total) }];
  });
}

/**
 * Labels on a shaded ground, each with elements on it: blocks and specks inside (some a pixel, some touching only at
 * corners), and some across the label's edge, which reach past it; grain on some draws.
 */
function labels(seed: number, width: number, height: number): Uint8Array {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = 40 + c * 20 + Math.floor((x + y) / 4);
  const paint = (x0: number, y0: number, w: number, h: number, colour: number[]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = colour[c]!;
  };
  for (let l = 0; l < 1 + Math.floor(next() * 3); l++) {
    const lw = 8 + Math.floor(next() * width * 0.6), lh = 8 + Math.floor(next() * height * 0.6);
    const lx = 1 + Math.floor(next() * Math.max(1, width - lw - 2)), ly = 1 + Math.floor(next() * Math.max(1, height - lh - 2));
    paint(lx, ly, lw, lh, [230 - l * 40, 220, 200 + l * 20]);
    for (let e = 0; e < 2 + Math.floor(next() * 8); e++) {
      const big = next() < 0.5;
      const ew = big ? 2 + Math.floor(next() * lw * 0.4) : 1 + Math.floor(next() * 2), eh = big ? 2 + Math.floor(next() * lh * 0.4) : 1 + Math.floor(next() * 2);
      const colour = [0, 1, 2].map(() => Math.floor(next() * 120));
      const ex = lx - 2 + Math.floor(next() * (lw + 2)), ey = ly - 2 + Math.floor(next() * (lh + 2));
      paint(ex, ey, ew, eh, colour);
      // a speck touching this element at a corner only
      if (next() < 0.3) paint(ex + ew, ey + eh, 1, 1, colour);
    }
  }
  if (seed % 3 === 0) for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i]! + Math.floor((next() - 0.5) * 12)));
  return data;
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

  it('give each ground what it holds as the JavaScript found it: its box and its elements, or nothing when too little', () => {
    let grounds = 0;
    let holding = 0;
    let twoOrMore = 0;
    let seed = 100;
    for (const [width, height] of [[128, 128], [128, 96], [80, 120], [64, 64]]) {
      for (let draw = 0; draw < 25; draw++, seed++) {
        const rgb = labels(seed, width!, height!);
        const got = groundsOf(rgb, width!, height!);
        const want = referenceGrounds(rgb, width!, height!);
        expect(got, `${width}×${height}, seed ${seed}`).toEqual(want);
        grounds += want.length;
        holding += want.filter((g) => g.held).length;
        twoOrMore += want.filter((g) => (g.held?.elements ?? 0) >= 2).length;
      }
    }
    // the draws hold something and nothing, one element and several
    expect(grounds).toBeGreaterThan(100);
    expect(holding).toBeGreaterThan(40);
    expect(holding).toBeLessThan(grounds);
    expect(twoOrMore).toBeGreaterThan(5);
  });

  it('counts an element of exactly the least size, and one of two blocks touching at a corner', () => {
    // 100 × 50: an element is at least 10 pixels (MIN_ELEMENT of 5,000), exactly
    const width = 100, height = 50;
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.fill(40 + Math.floor((x + y) / 4), (y * width + x) * 3, (y * width + x) * 3 + 3);
    const paint = (x0: number, y0: number, w: number, h: number, level: number) => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgb.fill(level, (y * width + x) * 3, (y * width + x) * 3 + 3);
    };
    paint(10, 10, 80, 30, 200);
    paint(20, 20, 2, 5, 20); // 10 pixels: an element
    paint(40, 20, 3, 3, 20); // 9: not
    paint(60, 15, 4, 4, 20); // two blocks of 16 meeting at one corner: one element of 32
    paint(64, 19, 4, 4, 20);
    const got = groundsOf(rgb, width, height);
    expect(got).toEqual(referenceGrounds(rgb, width, height));
    expect(got).toEqual([{ box: [10, 10, 90, 40], held: { box: [20, 15, 68, 25], elements: 2 } }]);
  });
});
