// The import's bulk path on PostgreSQL: each chunk is COPYed into a temporary table of the session and moved into
// filings/listings with ON CONFLICT DO NOTHING, all in one transaction with the chunk's problems and the batch's
// counts (the same guarantee as the SQLite sink: a killed import leaves whole chunks).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ImportCounts, RowProblem } from './repository';
import type { ChunkRow, RowSink } from './row-sink';

const FILING_COLUMNS = [
  'application_number', 'mark_text', 'nice_class', 'goods', 'applicant', 'applicant_address', 'agency', 'filed_on',
  'gazette_issue', 'published_on', 'opposition_deadline', 'vienna_codes',
] as const;
const LISTING_COLUMNS = ['listing_id', 'platform', 'shop', 'title', 'url', 'price', 'seller_location'] as const;

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function copyLine(values: readonly (string | number | null)[]): string {
  return `${values.map(copyText).join('\t')}\n`;
}

function filingValues(row: Extract<ChunkRow, { kind: 'filing' }>): (string | number)[] {
  const f = row.filing;
  return [
    f.applicationNumber, f.markText, f.niceClass, f.goods.join(';'), f.applicant, f.applicantAddress, f.agency, f.filedOn,
    f.gazetteIssue, f.publishedOn, row.oppositionDeadline, row.viennaCodes.join(';'),
  ];
}

function listingValues(row: Extract<ChunkRow, { kind: 'listing' }>): string[] {
  const l = row.listing;
  return [l.id, l.platform, l.shop, l.title, l.url, l.price, l.sellerLocation];
}

async function copyInto(client: ClientBase, table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines), stream);
}

/**
 * `client`: one connection held for the whole import (its temporary tables live as long as it does). The data's
 * tables are found through the connection's search_path.
 */
export function createPostgresRowSink(client: ClientBase): RowSink {
  let prepared = false;
  async function prepare(): Promise<void> {
    if (prepared) return;
    // seq keeps the file's order, so that of two rows with one key in a chunk the first is stored, as on SQLite
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS import_filings (seq integer NOT NULL,
         ${FILING_COLUMNS.map((c) => `${c} ${c === 'nice_class' ? 'integer' : 'text'} NOT NULL`).join(', ')}) ON COMMIT DELETE ROWS`,
    );
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS import_listings (seq integer NOT NULL,
         ${LISTING_COLUMNS.map((c) => `${c} text NOT NULL`).join(', ')}) ON COMMIT DELETE ROWS`,
    );
    prepared = true;
  }

  async function storeRows(batchId: number, rows: readonly ChunkRow[]): Promise<boolean[]> {
    const filing = rows[0]?.kind !== 'listing';
    const [table, target, key, columns] = filing
      ? (['import_filings', 'filings', 'application_number', FILING_COLUMNS] as const)
      : (['import_listings', 'listings', 'listing_id', LISTING_COLUMNS] as const);
    const keys = rows.map((row) => (row.kind === 'filing' ? row.filing.applicationNumber : row.listing.id));
    const lines = rows.map((row, seq) => copyLine([seq, ...(row.kind === 'filing' ? filingValues(row) : listingValues(row))]));
    await copyInto(client, table, ['seq', ...columns], lines);
    await client.query(
      `INSERT INTO ${target} (batch_id, ${columns.join(', ')})
       SELECT $1, ${columns.join(', ')} FROM ${table} ORDER BY seq
       ON CONFLICT (${key}) DO NOTHING`,
      [batchId],
    );
    // this batch's own: stored now, or by an earlier run of the same batch (a resumed import)
    const own = await client.query<{ key: string }>(
      `SELECT t.${key} AS key FROM ${target} t WHERE t.batch_id = $1 AND t.${key} IN (SELECT ${key} FROM ${table})`,
      [batchId],
    );
    const owned = new Set(own.rows.map((r) => r.key));
    return keys.map((k) => owned.has(k));
  }

  async function storeProblems(batchId: number, problems: readonly RowProblem[]): Promise<void> {
    await copyInto(client, 'batch_problems', ['batch_id', 'row_number', 'reason'], problems.map((p) => copyLine([batchId, p.rowNumber, p.reason])));
  }

  async function storeCounts(batchId: number, counts: ImportCounts): Promise<void> {
    await client.query(
      'UPDATE batches SET total_rows = $1, new_rows = $2, duplicate_rows = $3, bad_rows = $4 WHERE id = $5',
      [counts.totalRows, counts.newRows, counts.duplicateRows, counts.badRows, batchId],
    );
  }

  return {
    async writeChunk(batchId, rows, problems, tally) {
      await prepare();
      await client.query('BEGIN');
      try {
        const owned = rows.length > 0 ? await storeRows(batchId, rows) : [];
        await storeProblems(batchId, problems);
        await storeCounts(batchId, tally(owned));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
}
