// The one resampler every decoded logo goes through (decode.ts fitPixels): decoded pixels, RGBA over white or RGB,
// area-resampled to fit inside side × side as sharp's resize would — each output pixel the mean of the source area it
// covers, fractions weighted (shared/engine/logo/resample.ts areaWeights). It was the largest single step of hashing a gazette's images,
// so it runs in WebAssembly with SIMD (assembly/fit-pixels.ts, compiled into ./fit-pixels-wasm.ts), with the
// arithmetic of the JavaScript it replaced: the stored features of every image are the bytes they were.
import { areaWeights } from '../../shared/engine/logo/resample';
import { bytesOf, wasmKernel } from '../../shared/engine/logo/wasm-kernel';
import type { Region, Rgb } from './decode';
import { FIT_PIXELS_WASM } from './fit-pixels-wasm';

/** Decoded pixels at full size: RGBA (pngjs, bmp-ts, mozjpeg) or RGB over white (libvips). */
export interface Pixels {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
}

interface FitExports {
  fit(
    src: number, imgWidth: number, channels: number, top: number, rh: number, width: number, height: number,
    wxs: number, wxa: number, wxp: number, wys: number, wya: number, wyp: number,
    mid: number, row: number, out: number, area: number,
  ): void;
}

const kernel = wasmKernel<FitExports>(FIT_PIXELS_WASM);

/** The region (default: all) of `img` resampled to fit inside side × side. */
export function fitInside(img: Pixels, side: number, region?: Region): Rgb {
  const r = region ?? { left: 0, top: 0, width: img.width, height: img.height };
  const scale = side / Math.max(r.width, r.height);
  const width = Math.max(1, Math.round(r.width * scale));
  const height = Math.max(1, Math.round(r.height * scale));
  const wx = areaWeights(r.left, r.width / width, width);
  const wy = areaWeights(r.top, r.height / height, height);
  const blocks = [img.data, wx.start, wx.at, wx.part, wy.start, wy.at, wy.part].map((a) => (a instanceof Uint8Array ? a : bytesOf(a)));
  const k = kernel();
  const { at, heap } = k.reserve([...blocks.map((b) => b.byteLength), r.height * width * 3 * 4, width * 3 * 8, width * height * 3]);
  blocks.forEach((b, i) => heap.set(b, at[i]!));
  const [src, wxs, wxa, wxp, wys, wya, wyp, mid, row, out] = at as [number, number, number, number, number, number, number, number, number, number];
  const area = (r.width / width) * (r.height / height);
  k.exports.fit(src, img.width, img.channels, r.top, r.height, width, height, wxs, wxa, wxp, wys, wya, wyp, mid, row, out, area);
  return { width, height, data: heap.slice(out, out + width * height * 3) };
}
