// The PNGs most gazettes and registries hold — 8-bit RGB or RGBA, not interlaced, no transparency key — read
// straight to the pixels the resampler takes (./fit-pixels.ts): zlib inflates, the row filters are undone here, and
// the rows are handed over as they are. pngjs, which reads every other PNG in this thread (./decode.ts), maps each
// pixel to RGBA through a call a sample, which had become a twentieth of hashing a gazette's image; its output for
// these PNGs is the same bytes (RGB with alpha 255 is resampled as RGB), which tests/unit/logo/png.test.ts checks.
// zlib.crc32 is Node 20.15's and later (package.json engines; Electron 45 runs Node 22)
import { crc32, inflateSync } from 'node:zlib';
import type { Pixels } from './fit-pixels';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Colour types read here and their channels: RGB and RGBA. Gray, palette and gray with alpha are pngjs's. */
const CHANNELS: Record<number, 3 | 4> = { 2: 3, 6: 4 };

/**
 * The pixels of an 8-bit RGB or RGBA PNG that is not interlaced and carries no transparency key (tRNS), or null for
 * any other PNG, and for one that is damaged (a chunk's checksum, the compressed data, the rows' length or filters):
 * those are left to pngjs and libvips, whose verdict and message they were given before.
 */
export function readPlainRgbPng(input: Uint8Array): Pixels | null {
  if (input.length < 45 || SIGNATURE.some((b, i) => input[i] !== b)) return null;
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let width = 0;
  let height = 0;
  let channels: 3 | 4 | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  for (let at = 8; at + 12 <= input.length && !ended;) {
    const length = view.getUint32(at);
    if (at + 12 + length > input.length) return null;
    const type = String.fromCharCode(input[at + 4]!, input[at + 5]!, input[at + 6]!, input[at + 7]!);
    const body = input.subarray(at + 8, at + 8 + length);
    // the checksum covers the type and the body; pngjs refuses a PNG whose checksums are wrong, and so does this
    if (crc32(input.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return null;
    if (at === 8) {
      if (type !== 'IHDR' || length !== 13) return null;
      width = view.getUint32(16);
      height = view.getUint32(20);
      channels = CHANNELS[input[25]!];
      // bit depth 8, compression and filter method 0, not interlaced
      if (!channels || input[24] !== 8 || input[26] !== 0 || input[27] !== 0 || input[28] !== 0 || width === 0 || height === 0) return null;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'tRNS') {
      return null;
    } else if (type === 'IEND') {
      ended = true;
    }
    at += 12 + length;
  }
  if (!ended || !channels || idat.length === 0) return null;
  let filtered: Uint8Array;
  try {
    filtered = inflateSync(idat.length === 1 ? idat[0]! : Buffer.concat(idat));
  } catch {
    return null;
  }
  const stride = width * channels;
  if (filtered.length !== (stride + 1) * height) return null;
  const data = new Uint8Array(stride * height);
  return unfilterRows(filtered, data, stride, height, channels) ? { width, height, channels, data } : null;
}

/** Undoes each row's filter (PNG's five: none, sub, up, average, Paeth) into out; false for an unknown filter. */
function unfilterRows(filtered: Uint8Array, out: Uint8Array, stride: number, height: number, bpp: number): boolean {
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)]!;
    const from = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    switch (filter) {
      case 0:
        out.set(filtered.subarray(from, from + stride), row);
        break;
      case 1:
        for (let x = 0; x < stride; x++) out[row + x] = filtered[from + x]! + (x >= bpp ? out[row + x - bpp]! : 0);
        break;
      case 2:
        for (let x = 0; x < stride; x++) out[row + x] = filtered[from + x]! + (y > 0 ? out[up + x]! : 0);
        break;
      case 3:
        for (let x = 0; x < stride; x++) {
          const left = x >= bpp ? out[row + x - bpp]! : 0;
          const above = y > 0 ? out[up + x]! : 0;
          out[row + x] = filtered[from + x]! + ((left + above) >> 1);
        }
        break;
      case 4:
        for (let x = 0; x < stride; x++) {
          const a = x >= bpp ? out[row + x - bpp]! : 0;
          const b = y > 0 ? out[up + x]! : 0;
          const c = x >= bpp && y > 0 ? out[up + x - bpp]! : 0;
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out[row + x] = filtered[from + x]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
        }
        break;
      default:
        return false;
    }
  }
  return true;
}
