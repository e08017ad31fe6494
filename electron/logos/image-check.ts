// 以图查询: which registry marks an image is near, by the fitted rule (LOGO_RULE) through the logo index, without
// storing the image. Each mark appears once, with its nearest image; every such mark is listed.
import sharp from 'sharp';
import type { ImageCheck, ImageCheckMatch } from '../../shared/contract/logos';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { ok, type Result } from '../../shared/result';
import type { AppContext } from '../context';
import { marksRepository } from '../registry/marks';
import { storableImage } from './bmp';
import { logoFeatures } from './features';
import { thumbnailOf, THUMBNAIL_SIDE } from './mark-images';
import { imagesRepository } from './repository';
import { loadRegistryLogos, refusal } from './store';

async function queryThumbnail(given: Buffer): Promise<string | null> {
  try {
    const converted = await storableImage(given);
    const bytes = converted.ok ? converted.value : given;
    const png = await sharp(bytes).resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    return null;
  }
}

export async function checkImage(ctx: AppContext, bytes: Buffer): Promise<Result<ImageCheck>> {
  const refused = refusal(bytes);
  if (refused) return refused;
  const features = await logoFeatures(bytes, { crops: false });
  if (!features.ok) return features;
  // the registry's images whose features are of an older version are computed first (they are in no index till then)
  await ctx.imageFeatures.ensureCurrent({});
  const { index, entries } = await loadRegistryLogos(ctx);
  const best = new Map<number, { sha256: string; score: number; orientation: number }>();
  for (const m of index.search(features.value, LOGO_RULE)) {
    const entry = entries[m.index];
    if (!entry) continue;
    const known = best.get(entry.markKey);
    if (!known || m.score > known.score) best.set(entry.markKey, { sha256: entry.sha256, score: m.score, orientation: m.orientation });
  }
  const matches: ImageCheckMatch[] = [];
  for (const [key, found] of best) {
    const mark = await marksRepository(ctx.data).get(key);
    const image = await imagesRepository(ctx.data).imageRef(found.sha256);
    if (!mark || !image) continue;
    matches.push({
      key, id: mark.id, name: mark.name, category: mark.category, score: found.score, orientation: found.orientation,
      thumbnail: await thumbnailOf(ctx, image),
    });
  }
  matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return ok({ thumbnail: await queryThumbnail(bytes), registryImages: entries.length, matches });
}
