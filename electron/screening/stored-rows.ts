// Reading stored filings and listings back as the engine's input, a page at a time by id.
import type { BatchKind } from '../../shared/contract/screening';
import type { Filing, Listing } from '../../shared/domain';
import type { Db } from '../db/open';
import type { FilingRow, ListingRow } from '../db/repositories/rows';

export type StoredInput = { rowId: number; filing: Filing } | { rowId: number; listing: Listing };


export function storedRowReader(db: Db, kind: BatchKind, batchId: number) {
  const table = kind === 'filing' ? 'filings' : 'listings';
  const page = db.prepare<[number, number, number], FilingRow | ListingRow>(
    `SELECT * FROM ${table} WHERE batch_id = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  const count = db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE batch_id = ?`);
  return {
    count: () => count.get(batchId)?.n ?? 0,
    page(afterId: number, limit: number): StoredInput[] {
      return page.all(batchId, afterId, limit).map((row) =>
        kind === 'filing' ? { rowId: row.id, filing: toFiling(row as FilingRow) } : { rowId: row.id, listing: toListing(row as ListingRow) },
      );
    },
  };
}

function toFiling(row: FilingRow): Filing {
  return {
    applicationNumber: row.application_number,
    markText: row.mark_text,
    niceClass: row.nice_class,
    goods: row.goods === '' ? [] : row.goods.split(';'),
    applicant: row.applicant,
    applicantAddress: row.applicant_address,
    agency: row.agency,
    filedOn: row.filed_on,
    gazetteIssue: row.gazette_issue,
    publishedOn: row.published_on,
  };
}

function toListing(row: ListingRow): Listing {
  return {
    id: row.listing_id,
    platform: row.platform,
    shop: row.shop,
    title: row.title,
    url: row.url,
    price: row.price,
    sellerLocation: row.seller_location,
  };
}
