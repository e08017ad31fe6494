// Decoding a logo with sharp (libvips) into the ink image shared/engine/logo/ hashes. sharp flattens any
// transparency onto white, converts to sRGB and shrinks to at most DECODE_SIDE (JPEGs shrink while decoding, which
// is most of the speed); the ink (each pixel's colour distance from the background), cropping, contrast, the
// sub-regions and the hashes are the pure code's, so every test and worker agrees.
import sharp from 'sharp';
import { fail, ok, type Result } from '../../shared/result';
import { aspectOf, backgroundLevel, contentBox, inkImage, prepareBox, type GrayImage } from '../../shared/engine/logo/prepare';
import { logoHashes, thumbnail, type LogoHashes } from '../../shared/engine/logo/hash';
import { cropRegions, peelRegions, type Region } from '../../shared/engine/logo/regions';

/**
 * Version of the features below (the ink image, the regions): stored features of another version are computed
 * again from the stored image (electron/logos/store.ts), never compared with these.
 */
export const FEATURES_VERSION = 2;

/** Decoded size: four times the hash square keeps thin strokes and small logos on large canvases visible. */
export const DECODE_SIDE = 128;
/** Refuse images that would take more memory to decode than a gazette image ever needs (~ 8000 × 8000). */
const MAX_INPUT_PIXELS = 64_000_000;

/** A sub-region of the logo hashed like a whole one: see shared/engine/logo/regions.ts. */
export interface LogoVariant extends LogoHashes {
  kind: Region['kind'];
  thumb: Uint8Array;
  /** log2(width / height) of its box */
  aspect: number;
}

export interface LogoFeatures extends LogoHashes {
  /** THUMB_SIDE² levels of the prepared figure as it is (ink dark on light), for checking candidates */
  thumb: Uint8Array;
  /** The content box in the decoded image (≤ DECODE_SIDE; of the re-decoded region for a small figure). */
  box: [number, number, number, number];
  /** log2(width / height) of the box */
  aspect: number;
  /** the figure's peels (a query's) and crops (a registry logo's) */
  variants: LogoVariant[];
}

/** Hashes and thumbnail of a prepared square; the hashes are taken from the rounded thumbnail, as stored. */
export function hashedThumb(pixels: Float64Array): LogoHashes & { thumb: Uint8Array } {
  const thumb = thumbnail(pixels);
  return { ...logoHashes(new Float64Array(thumb)), thumb };
}

type Gray = { width: number; height: number; data: Buffer };

/** sRGB pixels of an encoded image (PNG, JPEG, SVG, TIFF, WebP, GIF), or of a region of it. */
export async function decodeRgb(
  input: Buffer | Uint8Array, region?: { left: number; top: number; width: number; height: number },
): Promise<Result<Gray>> {
  try {
    let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    if (region) pipeline = pipeline.extract(region);
    const { data, info } = await pipeline
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      // linear rather than lanczos: a fifth less decoding time, and the area resampling after it smooths anyway
      .resize(DECODE_SIDE, DECODE_SIDE, { fit: 'inside', kernel: 'linear' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return fail('internal', `图片解码后通道数为 ${info.channels}，应为 3`);
    return ok({ width: info.width, height: info.height, data });
  } catch (error) {
    return fail('invalid-input', `无法读取图片：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A small figure on a large canvas (under half the decoded side) is decoded again from its own region of the
 * original, so that it reaches the hash square with the detail a tightly cropped copy has.
 */
async function decodeContent(input: Buffer | Uint8Array): Promise<Result<GrayImage>> {
  const decoded = await decodeRgb(input);
  if (!decoded.ok) return decoded;
  const ink = inkOf(decoded.value);
  const first = ok(ink);
  const box = contentBox(ink, backgroundLevel(ink));
  if (!box || Math.max(box[2] - box[0], box[3] - box[1]) * 2 >= DECODE_SIDE) return first;
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  const scale = Math.max(meta.width ?? 0, meta.height ?? 0) / Math.max(ink.width, ink.height);
  if (!(scale > 1.5) || meta.orientation !== undefined) return first;
  const left = Math.max(0, Math.floor((box[0] - 1) * scale));
  const top = Math.max(0, Math.floor((box[1] - 1) * scale));
  const right = Math.min(meta.width!, Math.ceil((box[2] + 1) * scale));
  const bottom = Math.min(meta.height!, Math.ceil((box[3] + 1) * scale));
  const again = await decodeRgb(input, { left, top, width: right - left, height: bottom - top });
  return again.ok ? ok(inkOf(again.value)) : first;
}

const inkOf = (g: Gray) => inkImage(g.data, g.width, g.height, 3);

export interface FeatureOptions {
  /**
   * Whether to hash the crops too (default true): a registry logo needs them (a query may be a crop of it), a query
   * that will never be a registry logo (以图查询, a batch screened without storing) does not.
   */
  crops?: boolean;
}

/** The hashes of an encoded image, or a Chinese reason it has none (unreadable, blank). */
export async function logoFeatures(input: Buffer | Uint8Array, options: FeatureOptions = {}): Promise<Result<LogoFeatures>> {
  const gray = await decodeContent(input);
  if (!gray.ok) return gray;
  const img = gray.value;
  const box = contentBox(img, backgroundLevel(img));
  if (!box) return fail('invalid-input', '图片为空白，没有可比对的图形');
  const regions = [...peelRegions(img, box), ...(options.crops === false ? [] : cropRegions(img, box))];
  const variants = regions.map((r) => ({ kind: r.kind, ...hashedThumb(prepareBox(img, r.box, r.erase).pixels), aspect: aspectOf(r.box) }));
  return ok({ ...hashedThumb(prepareBox(img, box).pixels), box, aspect: aspectOf(box), variants });
}
