// The two images of a hit, for the review's detail and the letters: the screened row's image and the mark's. An
// image hit names both (hits.row_image, hits.mark_image, migration 11); a text hit on a row or mark that has
// images shows the first of each, so the reviewer sees the figures whenever there are any.
import type { DataExecutor } from '../data/queries';
import { imagesRepository, type ImageRef } from './repository';

export interface HitImageFiles {
  row: ImageRef | null;
  mark: ImageRef | null;
}

/** The images of a hit, or null when the hit does not exist. */
export async function hitImageFiles(db: DataExecutor, hitId: number): Promise<HitImageFiles | null> {
  const images = imagesRepository(db);
  const h = await images.hit(hitId);
  if (!h) return null;
  const named = (sha256: string | null) => (sha256 !== null ? images.imageRef(sha256) : Promise.resolve(undefined));
  const rowFirst = () =>
    h.filingId !== null ? images.firstOfFiling(h.filingId) : h.listingId !== null ? images.firstOfListing(h.listingId) : Promise.resolve(undefined);
  const row = (await named(h.rowImage)) ?? (await rowFirst()) ?? null;
  const mark = (await named(h.markImage)) ?? (h.markKey !== null ? await images.firstOfMark(h.markKey) : undefined) ?? null;
  return { row, mark };
}
