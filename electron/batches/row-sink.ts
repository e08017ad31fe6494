// The bulk path of an import: a chunk of parsed rows, their problems and the batch's running counts, written in
// one transaction. This is the one place where the two databases are written differently, because bulk loading
// is where they differ most: on the embedded SQLite file, prepared statements in one synchronous transaction (a
// million rows in seconds; the query builder would spend more time building statements than SQLite spends storing
// rows); on PostgreSQL, COPY (row-sink-postgres.ts). Everything else of a batch goes through the repository.
import type { Filing, Listing } from '../../shared/domain';
import type { Db } from '../db/open';
import type { ImportCounts, RowProblem } from './repository';

export type ChunkRow =
  | { kind: 'filing'; filing: Filing; oppositionDeadline: string; viennaCodes: readonly string[] }
  | { kind: 'listing'; listing: Listing };

export interface RowSink {
  /**
   * Writes one chunk atomically: its rows, its problems and the batch's counts, which `tally` works out from which
   * rows are this batch's own — stored now, or stored by an earlier run of this same batch (an interrupted import
   * being resumed); a row another batch stored is a duplicate.
   */
  writeChunk(batchId: number, rows: readonly ChunkRow[], problems: readonly RowProblem[], tally: (owned: readonly boolean[]) => ImportCounts): Promise<void>;
}

export function createSqliteRowSink(db: Db): RowSink {
  const filing = db.prepare(
    `INSERT INTO filings (application_number, batch_id, mark_text, nice_class, goods, applicant, applicant_address,
       agency, filed_on, gazette_issue, published_on, opposition_deadline, vienna_codes)
     VALUES (@applicationNumber, @batchId, @markText, @niceClass, @goods, @applicant, @applicantAddress, @agency,
       @filedOn, @gazetteIssue, @publishedOn, @oppositionDeadline, @viennaCodes)
     ON CONFLICT (application_number) DO NOTHING`,
  );
  const listing = db.prepare(
    `INSERT INTO listings (listing_id, batch_id, platform, shop, title, url, price, seller_location)
     VALUES (@id, @batchId, @platform, @shop, @title, @url, @price, @sellerLocation)
     ON CONFLICT (listing_id) DO NOTHING`,
  );
  const filingBatch = db.prepare<[string], { batch_id: number }>('SELECT batch_id FROM filings WHERE application_number = ?');
  const listingBatch = db.prepare<[string], { batch_id: number }>('SELECT batch_id FROM listings WHERE listing_id = ?');
  const problem = db.prepare('INSERT INTO batch_problems (batch_id, row_number, reason) VALUES (?, ?, ?)');
  const setCounts = db.prepare(
    `UPDATE batches SET total_rows = @totalRows, new_rows = @newRows, duplicate_rows = @duplicateRows,
       bad_rows = @badRows WHERE id = @id`,
  );
  const ownedBy = (batchId: number, row: { batch_id: number } | undefined) => row?.batch_id === batchId;
  const write = (batchId: number, row: ChunkRow): boolean => {
    if (row.kind === 'filing') {
      const value = row.filing;
      const params = { ...value, batchId, goods: value.goods.join(';'), oppositionDeadline: row.oppositionDeadline, viennaCodes: row.viennaCodes.join(';') };
      return filing.run(params).changes === 1 || ownedBy(batchId, filingBatch.get(value.applicationNumber));
    }
    return listing.run({ ...row.listing, batchId }).changes === 1 || ownedBy(batchId, listingBatch.get(row.listing.id));
  };
  const chunk = db.transaction(
    (batchId: number, rows: readonly ChunkRow[], problems: readonly RowProblem[], tally: (owned: readonly boolean[]) => ImportCounts) => {
      const owned = rows.map((row) => write(batchId, row));
      for (const p of problems) problem.run(batchId, p.rowNumber, p.reason);
      setCounts.run({ ...tally(owned), id: batchId });
    },
  );
  return {
    // async so that a failure is a rejected promise on both databases, never a synchronous throw
    writeChunk: async (batchId, rows, problems, tally) => {
      chunk(batchId, rows, problems, tally);
    },
  };
}
