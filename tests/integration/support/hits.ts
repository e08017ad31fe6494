// Many stored hits written with SQL (as the screening import writes them), for the export and deadline tests.
import type { AppContext } from '../../../electron/context';
import { insertMarkRow, sampleMark } from './marks';

export interface HitSeed {
  /** filing hits: application number 80000000+i, applicant from `applicant(i)`, deadline from `deadline(i)` */
  filings?: { count: number; applicant?: (i: number) => string; deadline?: (i: number) => string; decision?: (i: number) => string };
  /** confirmed listing hits on `platform`, title from `title(i)` */
  listings?: { count: number; platform: string; title?: (i: number) => string };
}

export function seedHits(ctx: AppContext, seed: HitSeed): void {
  const now = ctx.now();
  const markKey = insertMarkRow(ctx, sampleMark({ id: 'EXP-1', name: '昆仑雪', holder: '青海昆仑雪饮品有限公司', registrationNumber: '1234567' }), now);
  ctx.db.transaction(() => {
    const batch = (kind: string) =>
      Number(
        ctx.db
          .prepare(`INSERT INTO batches (kind, file_name, file_path, file_size, status, started_at) VALUES (?, 'x.csv', '/tmp/x.csv', 1, 'screened', ?)`)
          .run(kind, now).lastInsertRowid,
      );
    const hit = ctx.db.prepare(
      `INSERT INTO hits (source, filing_id, listing_id, mark_key, mark_id, mark_name, mark_category, matched_text, matched_mark, score, reasons,
         batch_id, applicant, deadline, platform, found_at, decision)
       VALUES (@source, @filingId, @listingId, @markKey, 'EXP-1', '昆仑雪', '省著名商标', @text, '昆仑雪', 0.9, '["identical"]',
         @batchId, @applicant, @deadline, @platform, @now, @decision)`,
    );
    if (seed.filings) {
      const batchId = batch('filing');
      const filing = ctx.db.prepare(
        `INSERT INTO filings (application_number, batch_id, mark_text, nice_class, applicant, published_on, opposition_deadline)
         VALUES (?, ?, ?, 32, ?, '2026-01-01', ?)`,
      );
      for (let i = 0; i < seed.filings.count; i++) {
        const applicant = seed.filings.applicant?.(i) ?? `申请人${i}`;
        const deadline = seed.filings.deadline?.(i) ?? '2026-12-31';
        const filingId = Number(filing.run(String(80_000_000 + i), batchId, '昆仑雪', applicant, deadline).lastInsertRowid);
        hit.run({ source: 'filing', filingId, listingId: null, markKey, text: '昆仑雪', batchId, applicant, deadline, platform: '', now, decision: seed.filings.decision?.(i) ?? 'undecided' });
      }
    }
    if (seed.listings) {
      const batchId = batch('listing');
      const listing = ctx.db.prepare(
        `INSERT INTO listings (listing_id, batch_id, platform, shop, title, url) VALUES (?, ?, ?, '某店', ?, 'https://shop.example/item')`,
      );
      for (let i = 0; i < seed.listings.count; i++) {
        const title = seed.listings.title?.(i) ?? `昆仑雪矿泉水${i}`;
        const listingId = Number(listing.run(`L${i}`, batchId, seed.listings.platform, title).lastInsertRowid);
        hit.run({ source: 'listing', filingId: null, listingId, markKey, text: title, batchId, applicant: '', deadline: '', platform: seed.listings.platform, now, decision: 'confirmed' });
      }
    }
  })();
}
