// BMP images (Windows 画图 saves them; old certificates and scans come as BMP): libvips as sharp bundles it has no
// BMP reader, so bmp-ts (pure TypeScript, the decoder Jimp uses) reads them into RGBA. The registry stores a BMP as
// the lossless PNG of its pixels, so that thumbnails, letters and backups handle one format less.
import { decode } from 'bmp-ts';
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '../../shared/contract/files';
import { fail, ok, type Result } from '../../shared/result';


export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, R G B A */
  data: Uint8Array;
}

export const isBmp = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d;

const unreadable = (why: string) => fail('invalid-input', `无法读取 BMP 图片：${why}`);

/** The pixels of a BMP (1, 4, 8, 16, 24 or 32 bits, RLE too; bottom-up or top-down) as RGBA, or a Chinese reason. */
export function readBmp(bytes: Uint8Array): Result<RgbaImage> {
  if (!isBmp(bytes) || bytes.length < 30) return unreadable('文件不完整');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getInt32(18, true);
  const height = Math.abs(view.getInt32(22, true));
  if (width <= 0 || height === 0) return unreadable('图片宽高为 0');
  if (width * height > MAX_IMAGE_PIXELS) return unreadable(`图片过大（${width} × ${height} 像素）`);
  let decoded: { width: number; height: number; data: Buffer };
  try {
    // the default layout is A B G R in every bit depth (bmp-ts' RGBA option is not applied by all of them)
    decoded = decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
  const n = decoded.width * decoded.height;
  if (decoded.data.length < n * 4) return unreadable('像素数据不完整');
  const src = decoded.data;
  // 24-bit and most 32-bit BMPs carry no alpha (the fourth byte is 0): read all-zero alpha as opaque, as browsers do
  let anyAlpha = false;
  for (let i = 0; i < n && !anyAlpha; i++) anyAlpha = src[i * 4]! !== 0;
  const data = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    data[i * 4] = src[i * 4 + 3]!;
    data[i * 4 + 1] = src[i * 4 + 2]!;
    data[i * 4 + 2] = src[i * 4 + 1]!;
    data[i * 4 + 3] = anyAlpha ? src[i * 4]! : 255;
  }
  return ok({ width: decoded.width, height: decoded.height, data });
}

/** The bytes as stored and shown: a BMP as the PNG of the same pixels (or a Chinese reason), anything else as it is. */
export async function storableImage(bytes: Buffer): Promise<Result<Buffer>> {
  return isBmp(bytes) ? bmpAsPng(bytes) : ok(bytes);
}

/** A BMP as the PNG of the same pixels, or a Chinese reason. */
export async function bmpAsPng(bytes: Uint8Array): Promise<Result<Buffer>> {
  const rgba = readBmp(bytes);
  if (!rgba.ok) return rgba;
  const { width, height, data } = rgba.value;
  return ok(await sharp(data, { raw: { width, height, channels: 4 } }).png().toBuffer());
}
