// Reading stored filings and listings back as the engine's input, a page at a time by id.
import type { BatchKind } from '../../../shared/contract/screening';
import type { Filing, Listing } from '../../../shared/domain';
import type { DataExecutor } from '../../data/queries';

export type StoredInput = { rowId: number; filing: Filing } | { rowId: number; listing: Listing };

export interface StoredPage {
  inputs: StoredInput[];
  /** the 图形要素 (Vienna codes) of the page's filings that have any, by row id */
  viennaCodes: Map<number, string[]>;
}

export function storedRowReader(data: DataExecutor, kind: BatchKind, batchId: number) {
  return {
    async count(): Promise<number> {
      const row = await data
        .selectFrom(kind === 'filing' ? 'filings' : 'listings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('batch_id', '=', batchId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async page(afterId: number, limit: number): Promise<StoredPage> {
      if (kind === 'listing') {
        const rows = await data.selectFrom('listings').selectAll().where('batch_id', '=', batchId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
        return { inputs: rows.map((row) => ({ rowId: row.id, listing: toListing(row) })), viennaCodes: new Map() };
      }
      const rows = await data.selectFrom('filings').selectAll().where('batch_id', '=', batchId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
      return {
        inputs: rows.map((row) => ({ rowId: row.id, filing: toFiling(row) })),
        viennaCodes: new Map(rows.filter((row) => row.vienna_codes !== '').map((row) => [row.id, row.vienna_codes.split(';')])),
      };
    },
  };
}

function toFiling(row: { application_number: string; mark_text: string; nice_class: number; goods: string; applicant: string; applicant_address: string; agency: string; filed_on: string; gazette_issue: string; published_on: string }): Filing {
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

function toListing(row: { listing_id: string; platform: string; shop: string; title: string; url: string; price: string; seller_location: string }): Listing {
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
