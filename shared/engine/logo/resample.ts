// The area-averaging resample of logo images (each output pixel the mean of the source area it covers, fractions
// weighted): every part, peel, crop, thumbnail and colour grid goes through it, and the decoded image before them
// (electron/logos/fit-pixels.ts, with these weights). Its loops run in WebAssembly (assembly/resample.ts, SIMD down
// the columns) with the arithmetic of the JavaScript they replaced, so the features are the bytes they were.
import { RESAMPLE_WASM } from './resample-wasm';
import { bytesOf, wasmKernel } from './wasm-kernel';

interface ResampleExports {
  resample(
    src: number, f64s: boolean, srcWidth: number, channels: number, channel: number, y0: number, rows: number, dw: number, dh: number,
    sx: number, sy: number, wxs: number, wxa: number, wxp: number, wys: number, wya: number, wyp: number, mid: number, out: number,
  ): void;
  erase(rows: number, mask: number, width: number, channels: number, x0: number, x1: number, count: number, fill: number): void;
}

const kernel = wasmKernel<ResampleExports>(RESAMPLE_WASM);

type Box = readonly [number, number, number, number];

/**
 * The kernel laid out for resampling the box of src to dw × dh, `outputs` results of dw × dh f64: the box's rows
 * (whole: the weights index them by column) copied in, as bytes or doubles as src holds them, and both axes'
 * weights; `run(channel, k)` resamples that channel into result k and `result(k)` reads it back. With `erased`, the
 * copied rows' erased pixels are made the fill in the kernel before any run.
 */
function laidOut(name: string, src: Uint8Array | Float64Array, srcWidth: number, box: Box, dw: number, dh: number, channels: number, outputs: number, erased?: Erased) {
  const [x0, y0, x1, y1] = box;
  if (![x0, y0, x1, y1, dw, dh].every(Number.isInteger) || x1 <= x0 || y1 <= y0) throw new RangeError(`${name}: box ${box.join(',')} → ${dw} × ${dh}`);
  const sx = (x1 - x0) / dw;
  const sy = (y1 - y0) / dh;
  const wx = areaWeights(x0, sx, dw);
  const wy = areaWeights(y0, sy, dh);
  const rows = src.subarray(y0 * srcWidth * channels, y1 * srcWidth * channels);
  const f64s = rows instanceof Float64Array;
  const weights = [wx.start, wx.at, wx.part, wy.start, wy.at, wy.part].map(bytesOf);
  const cells = dw * dh * 8;
  const k = kernel();
  const mask = erased ? erased.erase.subarray(y0 * srcWidth, y1 * srcWidth) : null;
  const { at, heap } = k.reserve([rows.byteLength, ...weights.map((w) => w.byteLength), (y1 - y0) * dw * 8, cells * outputs, mask?.length ?? 0, channels]);
  if (f64s) new Float64Array(heap.buffer, at[0]!, rows.length).set(rows);
  else heap.set(rows, at[0]!);
  weights.forEach((w, i) => heap.set(w, at[i + 1]!));
  const [from, wxs, wxa, wxp, wys, wya, wyp, mid, out, maskAt, fillAt] = at as [number, number, number, number, number, number, number, number, number, number, number];
  if (erased && mask) {
    heap.set(mask, maskAt);
    // each fill as a byte, as storing it in the rows' bytes made it
    heap.set(Uint8Array.from({ length: channels }, (_, c) => erased.fill[c]!), fillAt);
    k.exports.erase(from, maskAt, srcWidth, channels, x0, x1, y1 - y0, fillAt);
  }
  return {
    run: (channel: number, result: number) =>
      k.exports.resample(from, f64s, srcWidth, channels, channel, y0, y1 - y0, dw, dh, sx, sy, wxs, wxa, wxp, wys, wya, wyp, mid, out + result * cells),
    result: (r: number) => new Float64Array(heap.buffer.slice(out + r * cells, out + (r + 1) * cells)),
  };
}

/**
 * Area-averaging resample of the box [x0, x1) × [y0, y1) (whole pixels) of src to dw × dh, which commutes with
 * mirroring and, for square outputs, transposition. For interleaved pixels, `channels` and `channel` say which values
 * of src are read (a colour grid reads each channel of the decoded image in place rather than from a copy of it).
 */
export function resampleArea(src: Uint8Array | Float64Array, srcWidth: number, box: Box, dw: number, dh: number, channels = 1, channel = 0): Float64Array {
  const kernelled = laidOut('resampleArea', src, srcWidth, box, dw, dh, channels, 1);
  kernelled.run(channel, 0);
  return kernelled.result(0);
}

/** Pixels read as another value: those with erase[i] set read as fill[c] in channel c (an element peeled off, read as the background). */
export interface Erased {
  erase: Uint8Array;
  fill: readonly number[];
}

/**
 * resampleArea of every channel of interleaved bytes at once, with the same arithmetic: the box's rows copied into
 * the kernel once and the weights made once for all channels, where a call a channel copied and weighed them again
 * (a colour grid's three channels; a peel's gray square, whose erased copy of the whole image it replaces). With
 * `erased`, pixels of the box whose erase[i] is set read as the fill: the values are whole bytes either way, so the
 * sums are those a plane of doubles filled the same way gave.
 */
export function resampleChannels(src: Uint8Array, srcWidth: number, box: Box, dw: number, dh: number, channels: number, erased?: Erased): Float64Array[] {
  const kernelled = laidOut('resampleChannels', src, srcWidth, box, dw, dh, channels, channels, erased);
  for (let c = 0; c < channels; c++) kernelled.run(c, c);
  return Array.from({ length: channels }, (_, c) => kernelled.result(c));
}

/**
 * For each of `cells` output cells of `scale` source pixels from `start`, the source indices at[start[c] ..
 * start[c + 1]) it covers and how much of each (also the RGBA resampling of electron/logos/decode.ts).
 */
export function areaWeights(start: number, scale: number, cells: number): { start: Uint32Array; at: Uint32Array; part: Float64Array } {
  const starts = new Uint32Array(cells + 1);
  // a cell covers at most ⌈scale⌉ + 1 source pixels
  const most = cells * (Math.ceil(scale) + 2);
  const at = new Uint32Array(most);
  const part = new Float64Array(most);
  let n = 0;
  for (let i = 0; i < cells; i++) {
    const a = start + i * scale;
    const b = start + (i + 1) * scale;
    for (let p = Math.floor(a); p < Math.ceil(b - 1e-9); p++) {
      const f = Math.min(b, p + 1) - Math.max(a, p);
      if (f > 1e-9) {
        at[n] = p;
        part[n++] = f;
      }
    }
    starts[i + 1] = n;
  }
  return { start: starts, at: at.subarray(0, n), part: part.subarray(0, n) };
}

