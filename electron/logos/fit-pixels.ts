// The one resampler every decoded logo goes through (decode.ts fitPixels): decoded pixels, RGBA over white or RGB,
// area-resampled to fit inside side × side as sharp's resize would — each output pixel the mean of the source area it
// covers, fractions weighted (prepare.ts areaWeights). It was the largest single step of hashing a gazette's images,
// so it runs in WebAssembly with SIMD (assembly/fit-pixels.ts, compiled into ./fit-pixels-wasm.ts), with the
// arithmetic of the JavaScript it replaced: the stored features of every image are the bytes they were.
import { areaWeights } from '../../shared/engine/logo/prepare';
import type { Region, Rgb } from './decode';
import { FIT_PIXELS_WASM } from './fit-pixels-wasm';

/** Decoded pixels at full size: RGBA (pngjs, bmp-ts, mozjpeg) or RGB over white (libvips). */
export interface Pixels {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
}

type FitKernel = (
  src: number, imgWidth: number, channels: number, top: number, rh: number, width: number, height: number,
  wxs: number, wxa: number, wxp: number, wys: number, wya: number, wyp: number,
  mid: number, row: number, out: number, area: number,
) => void;

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The part of the WebAssembly API used here: the project's libs (ES2023, @types/node 20) do not declare it. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

interface Kernel {
  memory: WasmMemory;
  fit: FitKernel;
}

/** One instance a thread (the main process, each hashing worker), its memory grown to the largest image seen. */
let kernel: Kernel | null = null;

function theKernel(): Kernel {
  if (!kernel) {
    // 1 KB: compiled synchronously, which every thread of Node and Electron allows for a module this small
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const instance = new wasm.Instance(new wasm.Module(Buffer.from(FIT_PIXELS_WASM, 'base64')));
    kernel = { memory: instance.exports.memory as WasmMemory, fit: instance.exports.fit as FitKernel };
  }
  return kernel;
}

const PAGE = 65536;

/** Byte offsets in the kernel's memory, each block 16-byte aligned for SIMD loads. */
function layout(sizes: readonly number[]): { at: number[]; end: number } {
  const at: number[] = [];
  let end = 0;
  for (const size of sizes) {
    at.push(end);
    end += (size + 15) & ~15;
  }
  return { at, end };
}

const bytesOf = (a: Uint32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The region (default: all) of `img` resampled to fit inside side × side. */
export function fitInside(img: Pixels, side: number, region?: Region): Rgb {
  const r = region ?? { left: 0, top: 0, width: img.width, height: img.height };
  const scale = side / Math.max(r.width, r.height);
  const width = Math.max(1, Math.round(r.width * scale));
  const height = Math.max(1, Math.round(r.height * scale));
  const wx = areaWeights(r.left, r.width / width, width);
  const wy = areaWeights(r.top, r.height / height, height);
  const blocks = [img.data, wx.start, wx.at, wx.part, wy.start, wy.at, wy.part].map((a) => (a instanceof Uint8Array ? a : bytesOf(a)));
  const { at, end } = layout([...blocks.map((b) => b.byteLength), r.height * width * 3 * 4, width * 3 * 8, width * height * 3]);
  const k = theKernel();
  if (k.memory.buffer.byteLength < end) k.memory.grow(Math.ceil((end - k.memory.buffer.byteLength) / PAGE));
  const heap = new Uint8Array(k.memory.buffer);
  blocks.forEach((b, i) => heap.set(b, at[i]!));
  const [src, wxs, wxa, wxp, wys, wya, wyp, mid, row, out] = at as [number, number, number, number, number, number, number, number, number, number];
  const area = (r.width / width) * (r.height / height);
  k.fit(src, img.width, img.channels, r.top, r.height, width, height, wxs, wxa, wxp, wys, wya, wyp, mid, row, out, area);
  return { width, height, data: heap.slice(out, out + width * height * 3) };
}
