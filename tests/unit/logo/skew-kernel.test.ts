// The tilt search's loops in WebAssembly (assembly/skew.ts through shared/engine/logo/skew.ts): the same ink steps
// and the same profile sharpness, to the last bit, as the JavaScript the stored features were computed with, kept
// here as the reference, at every angle the search evaluates, for boxes anywhere in gray images of many shapes.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import type { GrayImage } from '../../../shared/engine/logo/prepare';
import { inkProfiles, MAX_SKEW, turnBack } from '../../../shared/engine/logo/skew';

const STEP_FLOOR = 16;

/** skew.ts inkSteps and profileSharpness before the port. */
function referenceProfiles(img: GrayImage, box: readonly [number, number, number, number]) {
  const xs: number[] = [];
  const ys: number[] = [];
  const dxs: number[] = [];
  const dys: number[] = [];
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const { width, height, data } = img;
  for (let y = Math.max(0, box[1] - 1); y < Math.min(height - 1, box[3]); y++) {
    for (let x = Math.max(0, box[0] - 1); x < Math.min(width - 1, box[2]); x++) {
      const i = y * width + x;
      const dx = data[i]! - data[i + 1]!;
      const dy = data[i]! - data[i + width]!;
      if (Math.abs(dx) + Math.abs(dy) < STEP_FLOOR) continue;
      xs.push(x + 0.5 - cx);
      ys.push(y + 0.5 - cy);
      dxs.push(dx / 255);
      dys.push(dy / 255);
    }
  }
  const reach = Math.ceil(Math.hypot(box[2] - box[0], box[3] - box[1]) / 2) + 4;
  const rows = new Float64Array(2 * reach + 2);
  const cols = new Float64Array(2 * reach + 2);
  const spread = (profile: Float64Array, at: number, w: number) => {
    const i = Math.floor(at);
    const f = at - i;
    profile[i] = profile[i]! + w * (1 - f);
    profile[i + 1] = profile[i + 1]! + w * f;
  };
  const sharpness = (degrees: number) => {
    const t = (degrees * Math.PI) / 180;
    const c = Math.cos(t);
    const s = Math.sin(t);
    rows.fill(0);
    cols.fill(0);
    for (let k = 0; k < xs.length; k++) {
      spread(rows, reach + ys[k]! * c - xs[k]! * s, dys[k]! * c - dxs[k]! * s);
      spread(cols, reach + xs[k]! * c + ys[k]! * s, dxs[k]! * c + dys[k]! * s);
    }
    let e = 0;
    for (let i = 0; i < rows.length; i++) e += rows[i]! * rows[i]! + cols[i]! * cols[i]!;
    return e;
  };
  return { count: xs.length, sharpness };
}

/** skew.ts turnBack before the port. */
function referenceTurnBack(data: Uint8Array, width: number, height: number, degrees: number, background: readonly number[]): { width: number; height: number; data: Uint8Array } {
  const t = (degrees * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const outW = Math.ceil(Math.abs(width * c) + Math.abs(height * s));
  const outH = Math.ceil(Math.abs(width * s) + Math.abs(height * c));
  const out = new Uint8Array(outW * outH * 3);
  const icx = (width - 1) / 2;
  const icy = (height - 1) / 2;
  const ocx = (outW - 1) / 2;
  const ocy = (outH - 1) / 2;
  const at = (x: number, y: number, ch: number) => (x < 0 || y < 0 || x >= width || y >= height ? background[ch]! : data[(y * width + x) * 3 + ch]!);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      // the output pixel turned forward by the angle lands where the tilted figure drew it
      const dx = ox - ocx;
      const dy = oy - ocy;
      const sx = icx + dx * c - dy * s;
      const sy = icy + dx * s + dy * c;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (oy * outW + ox) * 3;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        // inside: the four neighbours read directly (most pixels; the bounds-checked read below is for the rim)
        const p = (y0 * width + x0) * 3;
        const q = p + width * 3;
        for (let ch = 0; ch < 3; ch++) {
          const top = data[p + ch]! * (1 - fx) + data[p + 3 + ch]! * fx;
          const bottom = data[q + ch]! * (1 - fx) + data[q + 3 + ch]! * fx;
          out[o + ch] = Math.round(top * (1 - fy) + bottom * fy);
        }
        continue;
      }
      for (let ch = 0; ch < 3; ch++) {
        const top = at(x0, y0, ch) * (1 - fx) + at(x0 + 1, y0, ch) * fx;
        const bottom = at(x0, y0 + 1, ch) * (1 - fx) + at(x0 + 1, y0 + 1, ch) * fx;
        out[o + ch] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { width: outW, height: outH, data: out };
}

/** A light ground with a few tilted dark bars and some grain: ink that lines up at some angle. */
function tiltedBars(next: () => number, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height).fill(245);
  const t = (((next() % 300) / 10 - 15) * Math.PI) / 180;
  for (let bar = 0; bar < 1 + (next() % 4); bar++) {
    const [bx, by, bw, bh] = [next() % width, next() % height, 4 + (next() % 40), 3 + (next() % 12)];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const u = (x - bx) * Math.cos(t) + (y - by) * Math.sin(t);
        const v = -(x - bx) * Math.sin(t) + (y - by) * Math.cos(t);
        if (u >= 0 && u < bw && v >= 0 && v < bh) data[y * width + x] = 20 + (next() % 30);
      }
    }
  }
  for (let k = 0; k < (width * height) / 50; k++) data[next() % data.length] = next() & 255;
  return { width, height, data };
}

describe('the tilt search in WebAssembly', () => {
  it('finds the same steps and the same sharpness at every angle as the JavaScript', () => {
    const next = rng(33);
    let evaluated = 0;
    for (let trial = 0; trial < 60; trial++) {
      const img = tiltedBars(next, 2 + (next() % 130), 2 + (next() % 130));
      const x0 = next() % img.width;
      const y0 = next() % img.height;
      const box: [number, number, number, number] = trial % 4 === 0 ? [0, 0, img.width, img.height] : [x0, y0, x0 + 1 + (next() % (img.width - x0)), y0 + 1 + (next() % (img.height - y0))];
      const got = inkProfiles(img, box);
      const want = referenceProfiles(img, box);
      expect(got.count).toBe(want.count);
      for (let a = -MAX_SKEW - 1; a <= MAX_SKEW + 1; a += 0.25) {
        expect(got.sharpness(a)).toBe(want.sharpness(a));
        evaluated++;
      }
    }
    expect(evaluated).toBeGreaterThan(5000);
  });

  it('turns a figure back to the same pixels as the JavaScript, at any angle, on any background', () => {
    const next = rng(91);
    for (let trial = 0; trial < 40; trial++) {
      const width = 1 + (next() % 100);
      const height = 1 + (next() % 100);
      const rgb = Uint8Array.from({ length: width * height * 3 }, () => next() & 255);
      // whole and half degrees hit exact halves in the bilinear weights; tenths do not
      const degrees = trial % 3 === 0 ? (next() % 31) - 15 : trial % 3 === 1 ? ((next() % 61) - 30) / 2 : ((next() % 3601) - 1800) / 10;
      const background = [next() & 255, next() & 255, next() & 255];
      const got = turnBack(rgb, width, height, degrees, background);
      const want = referenceTurnBack(rgb, width, height, degrees, background);
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      expect(Buffer.from(got.data).equals(Buffer.from(want.data))).toBe(true);
    }
  });

  it('keeps a tilt search\'s steps while a figure is turned back in between', () => {
    const next = rng(5);
    const img = tiltedBars(next, 120, 90);
    const profiles = inkProfiles(img, [0, 0, img.width, img.height]);
    const before = profiles.sharpness(4);
    turnBack(Uint8Array.from({ length: 150 * 150 * 3 }, () => next() & 255), 150, 150, 7, [255, 255, 255]);
    expect(profiles.sharpness(4)).toBe(before);
  });
});
