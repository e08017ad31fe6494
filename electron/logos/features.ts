// Decoding a logo with sharp (libvips) into the gray pixels shared/engine/logo/ hashes. sharp flattens any
// transparency onto white, converts to gray and shrinks to at most DECODE_SIDE (JPEGs shrink while decoding, which
// is most of the speed); cropping, contrast and the hashes are the pure code's, so every test and worker agrees.
import sharp from 'sharp';
import { fail, ok, type Result } from '../../shared/result';
import { backgroundLevel, contentBox, prepareGray } from '../../shared/engine/logo/prepare';
import { logoHashes, thumbnail, type LogoHashes } from '../../shared/engine/logo/hash';

/** Decoded size: four times the hash square keeps thin strokes and small logos on large canvases visible. */
export const DECODE_SIDE = 128;
/** Refuse images that would take more memory to decode than a gazette image ever needs (~ 8000 × 8000). */
const MAX_INPUT_PIXELS = 64_000_000;

export interface LogoFeatures extends LogoHashes {
  /** THUMB_SIDE² gray levels of the prepared figure as it is, for checking candidates */
  thumb: Uint8Array;
  /** The content box in the decoded image (≤ DECODE_SIDE; of the re-decoded region for a small figure). */
  box: [number, number, number, number];
}

type Gray = { width: number; height: number; data: Buffer };

/** Gray pixels of an encoded image (PNG, JPEG, SVG, BMP via its decoder, TIFF, WebP, GIF), or of a region of it. */
export async function decodeGray(
  input: Buffer | Uint8Array, region?: { left: number; top: number; width: number; height: number },
): Promise<Result<Gray>> {
  try {
    let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    if (region) pipeline = pipeline.extract(region);
    const { data, info } = await pipeline
      .flatten({ background: '#ffffff' })
      .grayscale()
      .resize(DECODE_SIDE, DECODE_SIDE, { fit: 'inside' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) return fail('internal', `图片解码后通道数为 ${info.channels}，应为 1`);
    return ok({ width: info.width, height: info.height, data });
  } catch (error) {
    return fail('invalid-input', `无法读取图片：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A small figure on a large canvas (under half the decoded side) is decoded again from its own region of the
 * original, so that it reaches the hash square with the detail a tightly cropped copy has.
 */
async function decodeContent(input: Buffer | Uint8Array): Promise<Result<Gray>> {
  const first = await decodeGray(input);
  if (!first.ok) return first;
  const box = contentBox(first.value, backgroundLevel(first.value));
  if (!box || Math.max(box[2] - box[0], box[3] - box[1]) * 2 >= DECODE_SIDE) return first;
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  const scale = Math.max(meta.width ?? 0, meta.height ?? 0) / Math.max(first.value.width, first.value.height);
  if (!(scale > 1.5) || meta.orientation !== undefined) return first;
  const left = Math.max(0, Math.floor((box[0] - 1) * scale));
  const top = Math.max(0, Math.floor((box[1] - 1) * scale));
  const right = Math.min(meta.width!, Math.ceil((box[2] + 1) * scale));
  const bottom = Math.min(meta.height!, Math.ceil((box[3] + 1) * scale));
  const again = await decodeGray(input, { left, top, width: right - left, height: bottom - top });
  return again.ok ? again : first;
}

/** The hashes of an encoded image, or a Chinese reason it has none (unreadable, blank). */
export async function logoFeatures(input: Buffer | Uint8Array): Promise<Result<LogoFeatures>> {
  const gray = await decodeContent(input);
  if (!gray.ok) return gray;
  const prepared = prepareGray(gray.value);
  if (!prepared) return fail('invalid-input', '图片为空白，没有可比对的图形');
  return ok({ ...logoHashes(prepared.pixels), thumb: thumbnail(prepared.pixels), box: prepared.box });
}
