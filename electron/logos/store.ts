// Images of figurative marks, stored once by the SHA-256 of their bytes under the data folder's images/ (beside the
// database) with their features in the images table (migration 7). The registry's images make the LogoIndex the
// screening searches; a filing's images are the queries.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import type { AppContext } from '../context';
import { writeFileAtomically } from '../files/atomic';
import { MAX_IMAGE_BYTES as IMAGE_LIMIT } from '../../shared/contract/files';
import { fail, ok, type Result } from '../../shared/result';
import { hexToHash } from '../../shared/engine/logo/hash';
import { LogoIndex } from '../../shared/engine/logo/logo-index';
import { auditRepository } from '../data/audit';
import { inTransaction, type DataExecutor } from '../data/queries';
import { marksRepository } from '../registry/marks';
import { MARK_ENTITY } from '../registry/service';
import { storedHashesOf } from '../../shared/engine/logo/match';
import { IMAGE_FORMATS_LABEL } from '../../shared/formats/images';
import { storableImage } from './bmp';
import { encodedFeatures, type ImageRole } from './encoded-features';
import type { FeaturesOf } from './features-pool';
import { imagesRepository } from './repository';
import { carriesRegistryVariants, decodeFeatures, featuresCurrent } from './stored-features';

export type { ImageRole };

export const IMAGES_FOLDER = 'images';
/** Larger files are refused: a gazette's or a certificate's image is far smaller. */
export const MAX_IMAGE_BYTES = IMAGE_LIMIT;
/** What sharp's bundled libvips decodes, by the format name its metadata reports → file extension. */
const FORMATS: Record<string, string> = { png: 'png', jpeg: 'jpg', svg: 'svg', tiff: 'tif', webp: 'webp', gif: 'gif' };

export interface StoredImage {
  sha256: string;
  format: string;
  width: number;
  height: number;
}

/** The file of a stored image: images/ab/abcdef….png in the data folder. */
export function imageFile(ctx: AppContext, image: Pick<StoredImage, 'sha256' | 'format'>): string {
  return imageFileIn(ctx.config.dataDir, image);
}

/** The same, for a data folder without a context (backups and restores work on files). */
export function imageFileIn(dataDir: string, image: Pick<StoredImage, 'sha256' | 'format'>): string {
  return path.join(dataDir, IMAGES_FOLDER, image.sha256.slice(0, 2), `${image.sha256}.${FORMATS[image.format] ?? 'bin'}`);
}

/** Why these bytes are refused before decoding (empty, too large), or null. */
export function refusal(bytes: Buffer): ReturnType<typeof fail> | null {
  if (bytes.length === 0) return fail('invalid-input', '图片文件为空');
  if (bytes.length > MAX_IMAGE_BYTES) {
    return fail('invalid-input', `图片文件过大（超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB）`);
  }
  return null;
}

/**
 * Stores an image (once: the same bytes again return the stored row) with its features; a file that is not an
 * image sharp can read, is empty of any figure, or too large is refused with a Chinese reason and nothing is written.
 */
export async function storeImage(ctx: AppContext, bytes: Buffer, role: ImageRole = 'registry'): Promise<Result<StoredImage>> {
  return storeImageIn(ctx.data, ctx.config.dataDir, bytes, ctx.now(), role);
}

/**
 * The same on data and a data folder of its own (the import worker thread stores a batch's images, their features
 * computed by `features`: a pool of threads, features-pool.ts). A BMP is stored as the PNG of its pixels
 * (./bmp.ts), so the same BMP again is the same stored image.
 */
export async function storeImageIn(
  db: DataExecutor, dataDir: string, given: Buffer, now: string, role: ImageRole = 'registry', features: FeaturesOf = encodedFeatures,
): Promise<Result<StoredImage>> {
  const refused = refusal(given);
  if (refused) return refused;
  const converted = await storableImage(given);
  if (!converted.ok) return converted;
  const bytes = converted.value;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const images = imagesRepository(db);
  const known = await images.image(sha256);
  // a registry logo needs its registry variants: a gazette's image given to a mark is hashed again for them
  if (known && existsSync(imageFileIn(dataDir, known)) && featuresCurrent(known.thumb) && (role === 'query' || carriesRegistryVariants(known.thumb))) {
    return ok({ sha256: known.sha256, format: known.format, width: known.width, height: known.height });
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return fail('invalid-input', `无法读取图片：不是可识别的图片文件（支持 ${IMAGE_FORMATS_LABEL}）`);
  }
  const format = meta.format ?? '';
  if (!(format in FORMATS)) return fail('invalid-input', `不支持的图片格式「${format || '未知'}」（支持 ${IMAGE_FORMATS_LABEL}）`);
  const computed = await features(bytes, role);
  if (!computed.ok) return computed;
  const image: StoredImage = { sha256, format, width: meta.width ?? 0, height: meta.height ?? 0 };
  // the file first: a row never points at a missing file (a file without a row is only a spare copy)
  await writeFileAtomically(imageFileIn(dataDir, image), bytes, { createFolder: true });
  await images.putImage({ ...image, size_bytes: bytes.length, ...computed.value, created_at: now });
  return ok(image);
}

/** Adds an image to a registry mark (by its key), after the images it has; the audit log notes it. */
export async function addMarkImage(ctx: AppContext, markKey: number, bytes: Buffer): Promise<Result<StoredImage>> {
  if (!(await marksRepository(ctx.data).get(markKey))) return fail('not-found', '找不到该保护名录记录');
  const stored = await storeImage(ctx, bytes);
  if (!stored.ok) return stored;
  await inTransaction(ctx.data, async (tx) => {
    if (await imagesRepository(tx).attachToMark(markKey, stored.value.sha256, ctx.now())) {
      await auditRepository(tx).record({ actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(markKey), before: null, after: null,
        note: `添加图样 ${stored.value.sha256.slice(0, 12)}` }, ctx.now());
    }
  });
  return stored;
}

/**
 * The registry's images as a search index (each with its crops), with the mark each entry belongs to. Images whose
 * stored features are of an older version are left out and counted in `stale` (features-refresh.ts computes them
 * again: in the background from start-up, and first of all before a screening or a 以图查询).
 */
export function loadRegistryLogos(ctx: AppContext): Promise<RegistryLogos> {
  return loadRegistryLogosFrom(ctx.data);
}

export interface RegistryLogos {
  index: LogoIndex;
  entries: Array<{ markKey: number; markId: string; sha256: string }>;
  stale: number;
}

/** The same from other data (screening reads it once per batch, on its worker's connection). */
export async function loadRegistryLogosFrom(db: DataExecutor): Promise<RegistryLogos> {
  const rows = await imagesRepository(db).registryLogos();
  const usable = rows.flatMap((r) => {
    const f = decodeFeatures(r.thumb);
    return f ? [{ row: r, f }] : [];
  });
  const stored = storedHashesOf(usable.map(({ row, f }) => ({
    // the CHECK constraints of migration 7 keep these 16 hex digits
    phash: Uint32Array.from(hexToHash(row.phash) ?? [0, 0]),
    dhash: Uint32Array.from(hexToHash(row.dhash) ?? [0, 0]),
    thumb: f.thumb, aspect: f.aspect, variants: f.variants, symmetric: f.symmetric, parts: f.parts, colour: f.colour, printParts: f.printParts, printSymmetric: f.printSymmetric,
  })));
  const entries = usable.map(({ row }) => ({ markKey: row.markKey, markId: row.markId, sha256: row.sha256 }));
  return { index: new LogoIndex(stored), entries, stale: rows.length - usable.length };
}
