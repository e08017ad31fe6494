// The two images of a hit, for the review's detail and the letters: the screened row's image and the mark's. An
// image hit names both (hits.row_image, hits.mark_image, migration 11); a text hit on a row or mark that has
// images shows the first of each, so the reviewer sees the figures whenever there are any.
import type { Db } from '../db/open';

export interface HitImageFiles {
  row: { sha256: string; format: string } | null;
  mark: { sha256: string; format: string } | null;
}

type HitImageRow = { row_image: string | null; mark_image: string | null; filing_id: number | null; listing_id: number | null; mark_key: number | null };
type ImageRef = { sha256: string; format: string };

export function createHitImageQueries(db: Db) {
  const hit = db.prepare<[number], HitImageRow>('SELECT row_image, mark_image, filing_id, listing_id, mark_key FROM hits WHERE id = ?');
  const image = db.prepare<[string], ImageRef>('SELECT sha256, format FROM images WHERE sha256 = ?');
  const firstOfFiling = db.prepare<[number], ImageRef>(
    'SELECT i.sha256, i.format FROM filing_images r JOIN images i ON i.sha256 = r.sha256 WHERE r.filing_id = ? ORDER BY r.sha256 LIMIT 1',
  );
  const firstOfListing = db.prepare<[number], ImageRef>(
    'SELECT i.sha256, i.format FROM listing_images r JOIN images i ON i.sha256 = r.sha256 WHERE r.listing_id = ? ORDER BY r.sha256 LIMIT 1',
  );
  const firstOfMark = db.prepare<[number], ImageRef>(
    'SELECT i.sha256, i.format FROM mark_images r JOIN images i ON i.sha256 = r.sha256 WHERE r.mark_key = ? ORDER BY r.position LIMIT 1',
  );
  return {
    /** The images of a hit, or null when the hit does not exist. */
    of(hitId: number): HitImageFiles | null {
      const h = hit.get(hitId);
      if (!h) return null;
      const rowFirst = h.filing_id !== null ? firstOfFiling.get(h.filing_id) : h.listing_id !== null ? firstOfListing.get(h.listing_id) : undefined;
      const row = (h.row_image !== null ? image.get(h.row_image) : undefined) ?? rowFirst ?? null;
      const markFirst = h.mark_key !== null ? firstOfMark.get(h.mark_key) : undefined;
      const mark = (h.mark_image !== null ? image.get(h.mark_image) : undefined) ?? markFirst ?? null;
      return { row, mark };
    },
  };
}
