// Screening the images of stored filings and listings against the registry's logos (issue 12): each row's image is
// searched in the LogoIndex built once per batch from the registry's stored features (LOGO_RULE), and every mark
// with a near image becomes a hit with reason 图形近似, which shared/figurative.ts joins to the text engine's hits.
// A query's eight orientations are hashed again from its stored 32 × 32 figure (the images table keeps the hashes
// of the figure as it stands only): one DCT of a 32 × 32 square per image, well under a millisecond.
import type { BatchKind } from '../../shared/contract/screening';
import type { Hit } from '../../shared/domain';
import { logoHashes, THUMB_SIDE } from '../../shared/engine/logo/hash';
import type { LogoQuery } from '../../shared/engine/logo/logo-index';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import type { Db } from '../db/open';
import type { RegistryLogos } from '../logos/store';
import type { StoredInput } from './stored-rows';

type ImageOfRow = { rowId: number; sha256: string; thumb: Buffer };

/** The query of a stored figure: its hashes in the eight orientations and the figure itself. */
export function storedQuery(thumb: Uint8Array): LogoQuery | null {
  const side = THUMB_SIDE * THUMB_SIDE;
  if (thumb.length < side) return null;
  const figure = thumb.subarray(0, side);
  return { ...logoHashes(Float64Array.from(figure)), thumb: Uint8Array.from(figure) };
}

/** The screened text of a row, as its text hits carry it. */
const rowText = (row: StoredInput) => ('filing' in row ? row.filing.markText : row.listing.title);
const rowKey = (row: StoredInput) => ('filing' in row ? row.filing.applicationNumber : row.listing.id);

/**
 * A function from a page of stored rows to their image hits by row id (best first, one hit per mark: a mark's
 * nearest image). Rows without an image, and every row when the registry has no image, have none.
 */
export function createImageScreener(db: Db, kind: BatchKind, logos: RegistryLogos, markNames: ReadonlyMap<string, string>) {
  const images = kind === 'filing'
    ? db.prepare<[number, number], ImageOfRow>(
      `SELECT ri.filing_id AS rowId, i.sha256, i.thumb FROM filing_images ri JOIN images i ON i.sha256 = ri.sha256
        WHERE ri.filing_id BETWEEN ? AND ? ORDER BY ri.filing_id, ri.sha256`)
    : db.prepare<[number, number], ImageOfRow>(
      `SELECT ri.listing_id AS rowId, i.sha256, i.thumb FROM listing_images ri JOIN images i ON i.sha256 = ri.sha256
        WHERE ri.listing_id BETWEEN ? AND ? ORDER BY ri.listing_id, ri.sha256`);
  return (rows: readonly StoredInput[]): Map<number, Hit[]> => {
    const found = new Map<number, Hit[]>();
    if (logos.index.size === 0 || rows.length === 0) return found;
    const byId = new Map(rows.map((row) => [row.rowId, row]));
    const ids = rows.map((row) => row.rowId);
    for (const image of images.all(Math.min(...ids), Math.max(...ids))) {
      const row = byId.get(image.rowId);
      const query = row ? storedQuery(image.thumb) : null;
      if (!row || !query) continue;
      const best = new Map<string, Hit>((found.get(row.rowId) ?? []).map((h) => [h.markId, h]));
      for (const match of logos.index.search(query, LOGO_RULE)) {
        const entry = logos.entries[match.index];
        const name = entry && markNames.get(entry.markId);
        if (!entry || name === undefined) continue;
        const known = best.get(entry.markId);
        if (known && known.score >= match.score) continue;
        best.set(entry.markId, {
          source: kind, id: rowKey(row), markId: entry.markId, score: match.score, reasons: ['figurative'],
          text: rowText(row), markText: name, images: { row: image.sha256, mark: entry.sha256 },
        });
      }
      if (best.size > 0) found.set(row.rowId, [...best.values()].sort((a, b) => b.score - a.score || a.markId.localeCompare(b.markId)));
    }
    return found;
  };
}
