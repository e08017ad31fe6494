// Decoding an encoded logo into sRGB pixels no larger than DECODE_SIDE, whole or a region of it. Most gazette and
// registry images are small PNGs and JPEGs, read in this thread: 8-bit RGB and RGBA PNGs by ./png.ts, other PNGs by
// pngjs (zlib inflate and the row filters), at about a quarter of a libvips pipeline's cost for them, and JPEGs by
// mozjpeg in WebAssembly (./jpeg.ts), about a sixth; every other format, and PNGs or JPEGs that are large,
// interlaced, CMYK or carry a colour profile, go through sharp (libvips), which also shrinks large images
// (SHRINK_SIDE). Every image, whatever read it, is then resampled to DECODE_SIDE by one resampler (fitPixels,
// ./fit-pixels.ts). BMPs, which libvips does not read, are read by bmp-ts (./bmp.ts).
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_IMAGE_PIXELS } from '../../shared/contract/files';
import { isBmp, readBmp } from './bmp';
import { fitInside, type Pixels } from './fit-pixels';
import { plainJpeg, readJpeg } from './jpeg';
import { readPlainRgbPng } from './png';

/** Decoded size: four times the hash square keeps thin strokes and small logos on large canvases visible. */
export const DECODE_SIDE = 128;
/**
 * PNGs and JPEGs up to this many pixels are decoded in this thread (pngjs, mozjpeg: 4 MB of RGBA at most); larger
 * ones by libvips, in tiles, which shrinks a JPEG as it decodes it (by its DCT scaling) and so reads a large one faster.
 */
export const IN_THREAD_PIXELS = 1024 * 1024;
/**
 * libvips shrinks only images larger than this (a JPEG by its DCT scaling as it decodes); the last step to
 * DECODE_SIDE is fitPixels', whatever the format: a gazette-size image costs libvips twice as much to resize as to
 * decode, and one resampler for all formats keeps a PNG and a JPEG of the same figure alike.
 */
const SHRINK_SIDE = 4 * DECODE_SIDE;

/** 3-channel sRGB pixels, row-major. */
export interface Rgb {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The size of an encoded image, and whether an EXIF orientation turns it (a region would then be another). */
export interface SourceSize {
  width: number;
  height: number;
  oriented: boolean;
}

/** An image opened once and decoded, whole or by region, each fitted inside DECODE_SIDE². */
export interface LogoSource {
  decode(region?: Region): Promise<Result<Rgb>>;
  /** asked only for a region's decoding, so most images never pay for reading their header twice */
  size(): Promise<Result<SourceSize>>;
}

const unreadable = (error: unknown) => fail('invalid-input', `无法读取图片：${error instanceof Error ? error.message : String(error)}`);

/** A source whose pixels are already in hand. */
function decodedSource(pixels: Pixels): LogoSource {
  const size = ok({ width: pixels.width, height: pixels.height, oriented: false });
  return { decode: (region) => Promise.resolve(ok(fitPixels(pixels, region))), size: () => Promise.resolve(size) };
}

/**
 * Opens an encoded image (PNG, JPEG, SVG, TIFF, WebP, GIF, BMP): a small plain PNG or a BMP is decoded here and
 * now, anything else when asked (and an unreadable image says so then, in Chinese).
 */
export function openLogo(input: Buffer | Uint8Array): LogoSource {
  if (isBmp(input)) {
    const rgba = readBmp(input);
    if (!rgba.ok) return { decode: () => Promise.resolve(rgba), size: () => Promise.resolve(rgba) };
    return decodedSource({ ...rgba.value, channels: 4 });
  }
  const png = plainPng(input);
  if (png) {
    const rgb = readPlainRgbPng(input);
    if (rgb) return decodedSource(rgb);
    try {
      const rgba = PNG.sync.read(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
      return decodedSource({ width: rgba.width, height: rgba.height, channels: 4, data: rgba.data });
    } catch {
      // a PNG pngjs refuses (damaged, or a variant it does not read) gets libvips' verdict and message below
    }
  }
  if (plainJpeg(input, IN_THREAD_PIXELS)) return jpegSource(input);
  return sharpSource(input);
}

/** A plain JPEG (./jpeg.ts), decoded by mozjpeg once when first asked; libvips' when mozjpeg cannot. */
function jpegSource(input: Buffer | Uint8Array): LogoSource {
  let opened: Promise<LogoSource> | null = null;
  const open = () => (opened ??= readJpeg(input).then((pixels) => (pixels ? decodedSource(pixels) : sharpSource(input))));
  return {
    decode: async (region) => (await open()).decode(region),
    size: async () => (await open()).size(),
  };
}

/** An image libvips decodes (and measures) each time it is asked. */
function sharpSource(input: Buffer | Uint8Array): LogoSource {
  return {
    decode: (region) => decodeWithSharp(input, region),
    async size() {
      try {
        const meta = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
        return ok({ width: meta.width ?? 0, height: meta.height ?? 0, oriented: meta.orientation !== undefined });
      } catch (error) {
        return unreadable(error);
      }
    },
  };
}

/** sRGB pixels of an encoded image, or of a region of it, by libvips, fitted inside DECODE_SIDE² by fitPixels. */
export async function decodeWithSharp(input: Buffer | Uint8Array, region?: Region): Promise<Result<Rgb>> {
  try {
    let pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    if (region) pipeline = pipeline.extract(region);
    const { data, info } = await pipeline
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .resize(SHRINK_SIDE, SHRINK_SIDE, { fit: 'inside', withoutEnlargement: true, kernel: 'linear' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return fail('internal', `图片解码后通道数为 ${info.channels}，应为 3`);
    return ok(fitPixels({ width: info.width, height: info.height, channels: 3, data }));
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * Whether the bytes are a PNG that pngjs reads as libvips would: small enough, 8 bits or fewer a sample, not
 * interlaced (pngjs reads those, but they are rare and slower), and without a colour profile or gamma (sRGB conversion is libvips' job).
 */
export function plainPng(input: Uint8Array): boolean {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (input.length < 33 || sig.some((b, i) => input[i] !== b)) return false;
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  // 16-bit samples are libvips' too (pngjs would hand them back unscaled)
  if (width === 0 || height === 0 || width * height > IN_THREAD_PIXELS || input[24]! > 8 || input[28] !== 0) return false;
  // chunks before the image data: a profile (iCCP), gamma (gAMA) or chromaticities (cHRM) ask for conversion
  for (let at = 8; at + 8 <= input.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(input[at + 4]!, input[at + 5]!, input[at + 6]!, input[at + 7]!);
    if (type === 'IDAT' || type === 'IEND') return true;
    if (type === 'iCCP' || type === 'gAMA' || type === 'cHRM') return false;
    at += 12 + length;
  }
  return false;
}

/** The region (default: all) of decoded pixels fitted inside DECODE_SIDE² (./fit-pixels.ts). */
function fitPixels(img: Pixels, region?: Region): Rgb {
  return fitInside(img, DECODE_SIDE, region);
}
