// Small plain JPEGs decoded by mozjpeg compiled to WebAssembly (@jsquash/jpeg, Squoosh's codec), in this thread: a
// gazette-size JPEG costs a libvips pipeline about 1.7 ms of CPU, almost all of it the pipeline's own set-up, and
// mozjpeg about 0.3 ms (scratch measurement on the throughput set's 200 px JPEGs, 2026-12-02). Anything this path
// is not sure to read as libvips would (CMYK, a colour profile, 12-bit samples, a large image, a warning while
// decoding) goes to libvips, which also gives the verdict and the message on a damaged file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import mozjpegFactory from '@jsquash/jpeg/codec/dec/mozjpeg_dec.js';

/** Decoded pixels as mozjpeg returns them: RGBA, the alpha always 255. */
export interface JpegPixels {
  width: number;
  height: number;
  channels: 4;
  data: Uint8Array;
}

/** The part of the Emscripten module this file calls (its own .d.ts names DOM types the main process lacks). */
interface MozjpegDecoder {
  decode(data: Uint8Array, preserveOrientation: boolean): { width: number; height: number; data: Uint8ClampedArray } | null;
}

type Factory = (options: Record<string, unknown>) => Promise<MozjpegDecoder>;

/** The part of Node's WebAssembly this file uses (the main process's TypeScript libs do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** What libjpeg printed while decoding the current image (a warning: libvips is asked instead). */
let complaints = 0;
let decoder: Promise<MozjpegDecoder> | null = null;

function mozjpeg(): Promise<MozjpegDecoder> {
  if (decoder) return decoder;
  // a failure here is kept as the rejected promise: readJpeg then sends every JPEG to libvips without retrying
  // __filename exists both in the esbuild CJS bundle and under vitest; the .wasm is read from the installed package
  decoder = Promise.resolve().then(() => {
    const wasmFile = createRequire(__filename).resolve('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm');
    return new wasmApi.Module(readFileSync(wasmFile));
  }).then((wasm) => (mozjpegFactory as unknown as Factory)({
    noInitialRun: true,
    // compiled above, so the glue never looks for the file by URL (import.meta means nothing in the bundle)
    instantiateWasm: (imports: object, receive: (instance: { exports: object }) => void) => {
      const instance = new wasmApi.Instance(wasm, imports);
      receive(instance);
      return instance.exports;
    },
    print: () => {},
    printErr: () => {
      complaints++;
    },
  }));
  return decoder;
}

/**
 * Whether the bytes are a JPEG mozjpeg reads as libvips would: 8-bit samples, one or three components (not CMYK),
 * no ICC profile (converting to sRGB is libvips' job), at most maxPixels. Reads the markers up to the frame header.
 */
export function plainJpeg(input: Uint8Array, maxPixels: number): boolean {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) return false;
  for (let at = 2; at + 4 <= input.length;) {
    if (input[at] !== 0xff) return false;
    const marker = input[at + 1]!;
    // fill bytes before a marker
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = (input[at + 2]! << 8) | input[at + 3]!;
    // APP2 "ICC_PROFILE"
    if (marker === 0xe2 && at + 15 <= input.length && String.fromCharCode(...input.subarray(at + 4, at + 15)) === 'ICC_PROFILE') return false;
    // a frame header SOF0–SOF15 (not DHT C4, JPG C8, DAC CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 10 > input.length) return false;
      const precision = input[at + 4]!;
      const height = (input[at + 5]! << 8) | input[at + 6]!;
      const width = (input[at + 7]! << 8) | input[at + 8]!;
      const components = input[at + 9]!;
      return precision === 8 && (components === 1 || components === 3) && width > 0 && height > 0 && width * height <= maxPixels;
    }
    if (marker === 0xda || marker === 0xd9) return false;
    at += 2 + length;
  }
  return false;
}

/**
 * The pixels of a plain JPEG (plainJpeg), EXIF orientation not applied (as libvips without rotate() reads it), or
 * null when mozjpeg fails or complains (a truncated or damaged file): the caller then asks libvips.
 */
export async function readJpeg(input: Uint8Array): Promise<JpegPixels | null> {
  let codec: MozjpegDecoder;
  try {
    // a module that cannot be found or started, as in a broken install, leaves every JPEG to libvips
    codec = await mozjpeg();
  } catch {
    return null;
  }
  complaints = 0;
  try {
    const image = codec.decode(input, false);
    if (!image || complaints > 0) return null;
    return { width: image.width, height: image.height, channels: 4, data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength) };
  } catch {
    return null;
  }
}
