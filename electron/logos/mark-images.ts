// A registry mark's images as the app shows them: listed with small PNG thumbnails (data: URLs, so the renderer
// never needs a path), taken off a mark, and the first one of every mark for the registry table.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { MarkImage, MarkThumbnail } from '../../shared/contract/logos';
import { fail, ok, type Result } from '../../shared/result';
import type { AppContext } from '../context';
import { auditRepository } from '../data/audit';
import { inTransaction } from '../data/queries';
import { marksRepository } from '../registry/marks';
import { MARK_ENTITY } from '../registry/service';
import { imagesRepository, type ImageRef } from './repository';
import { imageFile } from './store';

export const THUMBNAIL_SIDE = 96;
/** Thumbnails by image hash: an image never changes under its hash, so they are made once per run. */
const THUMBNAILS_KEPT = 2000;
const made = new Map<string, string>();
const THUMBNAILS_AT_ONCE = 8;

/** A PNG of at most 96 × 96 px as a data: URL, or null when the file is missing or unreadable. */
export async function thumbnailOf(ctx: AppContext, image: ImageRef, side = THUMBNAIL_SIDE): Promise<string | null> {
  const cacheKey = side === THUMBNAIL_SIDE ? image.sha256 : `${image.sha256}@${side}`;
  const known = made.get(cacheKey);
  if (known) return known;
  try {
    const png = await sharp(await readFile(imageFile(ctx, image)))
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    const url = `data:image/png;base64,${png.toString('base64')}`;
    if (made.size >= THUMBNAILS_KEPT) made.delete(made.keys().next().value as string);
    made.set(cacheKey, url);
    return url;
  } catch {
    return null;
  }
}

export async function listMarkImages(ctx: AppContext, markKey: number): Promise<Result<MarkImage[]>> {
  if (!(await marksRepository(ctx.data).get(markKey))) return fail('not-found', '找不到该保护名录记录');
  const rows = await imagesRepository(ctx.data).markImages(markKey);
  const images: MarkImage[] = [];
  for (const row of rows) images.push({ ...row, thumbnail: await thumbnailOf(ctx, row) });
  return ok(images);
}

/** The first image of every mark that has images, with how many it has. */
export async function markThumbnails(ctx: AppContext): Promise<MarkThumbnail[]> {
  const rows = await imagesRepository(ctx.data).firstMarkImages();
  // sharp works in libuv's thread pool: a few at a time keep its threads busy on a first load of a large registry
  const thumbnails: MarkThumbnail[] = [];
  for (let i = 0; i < rows.length; i += THUMBNAILS_AT_ONCE) {
    const part = rows.slice(i, i + THUMBNAILS_AT_ONCE);
    const made = await Promise.all(part.map((row) => thumbnailOf(ctx, row)));
    part.forEach((row, j) => thumbnails.push({ key: row.markKey, count: row.count, thumbnail: made[j] ?? null }));
  }
  return thumbnails;
}

/** Takes an image off a mark (the audit log notes it); the file stays for the backups and other marks. */
export async function removeMarkImage(ctx: AppContext, markKey: number, sha256: string): Promise<Result<{ removed: boolean }>> {
  if (!(await marksRepository(ctx.data).get(markKey))) return fail('not-found', '找不到该保护名录记录');
  return inTransaction(ctx.data, async (tx) => {
    const removed = await imagesRepository(tx).detachFromMark(markKey, sha256);
    if (removed) {
      await auditRepository(tx).record({ actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(markKey), before: null, after: null,
        note: `删除图样 ${sha256.slice(0, 12)}` }, ctx.now());
    }
    return ok({ removed });
  });
}
