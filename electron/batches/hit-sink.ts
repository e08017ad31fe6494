// Storing what screening found, a page of screened rows at a time. A re-run replaces the undecided hits of a row
// and refreshes decided ones in place, so a reviewer's decision (and its version) survives a re-screen after the
// registry changed; a decided hit the new run no longer finds is kept as it was.
// Like the import's rows (row-sink.ts) this bulk path is written per database: on the embedded SQLite file,
// prepared statements in one synchronous transaction per page (the hot loop of a million-row screening); on
// PostgreSQL, multi-row statements (hit-sink-postgres.ts).
import type { BatchKind } from '../../shared/contract/screening';
import type { Hit } from '../../shared/domain';
import type { Db } from '../db/open';

export interface MarkSnapshot {
  key: number;
  name: string;
  category: string;
}

/** What the queue filters and sorts on, taken from the screened row. */
export interface RowFacts {
  batchId: number;
  niceClass: number;
  applicant: string;
  agency: string;
  gazetteIssue: string;
  publishedOn: string;
  deadline: string;
  platform: string;
  searchText: string;
}

/** One screened row: its id in filings/listings, what the engine found (best first) and the row's facts. */
export interface ScreenedRow {
  rowId: number;
  hits: readonly Hit[];
  facts: RowFacts;
}

export interface HitSink {
  /**
   * Writes the hits of a page of screened rows of one kind atomically; returns how many were stored. A hit whose
   * mark is not in the snapshot screened against (removed meanwhile) is skipped.
   */
  writePage(kind: BatchKind, rows: readonly ScreenedRow[], now: string): Promise<number>;
}

/** A hit's row in the hits table, as both sinks store it (the key column, filing_id or listing_id, aside). */
export function hitValues(kind: BatchKind, row: ScreenedRow, hit: Hit, rank: number, mark: MarkSnapshot, now: string) {
  const { facts } = row;
  return {
    source: kind,
    rowId: row.rowId,
    markKey: mark.key,
    markId: hit.markId,
    markName: mark.name,
    markCategory: mark.category,
    text: hit.text,
    markText: hit.markText,
    score: hit.score,
    reasons: JSON.stringify(hit.reasons),
    alignment: JSON.stringify(hit.alignment ?? []),
    batchId: facts.batchId,
    niceClass: facts.niceClass,
    applicant: facts.applicant,
    agency: facts.agency,
    gazetteIssue: facts.gazetteIssue,
    publishedOn: facts.publishedOn,
    deadline: facts.deadline,
    platform: facts.platform,
    searchText: `${hit.text} ${facts.searchText}`.toLowerCase(),
    rank: rank + 1,
    now,
    rowImage: hit.images?.row ?? null,
    markImage: hit.images?.mark ?? null,
  };
}

/** The columns a re-screen refreshes on a hit already stored (decided or not); the decision columns stay. */
export const REFRESHED_COLUMNS = [
  'mark_key', 'mark_name', 'mark_category', 'matched_text', 'matched_mark', 'score', 'reasons', 'alignment',
  'search_text', 'rank', 'row_image', 'mark_image',
] as const;

export function createSqliteHitSink(db: Db, marksById: ReadonlyMap<string, MarkSnapshot>): HitSink {
  const clear = {
    filing: db.prepare<[number]>("DELETE FROM hits WHERE filing_id = ? AND decision = 'undecided'"),
    listing: db.prepare<[number]>("DELETE FROM hits WHERE listing_id = ? AND decision = 'undecided'"),
  };
  const upsert = (column: 'filing_id' | 'listing_id') =>
    db.prepare(
      `INSERT INTO hits (source, ${column}, mark_key, mark_id, mark_name, mark_category, matched_text, matched_mark,
         score, reasons, alignment, batch_id, nice_class, applicant, agency, gazette_issue, published_on, deadline,
         platform, search_text, rank, found_at, row_image, mark_image)
       VALUES (@source, @rowId, @markKey, @markId, @markName, @markCategory, @text, @markText, @score, @reasons,
         @alignment, @batchId, @niceClass, @applicant, @agency, @gazetteIssue, @publishedOn, @deadline, @platform,
         @searchText, @rank, @now, @rowImage, @markImage)
       ON CONFLICT (${column}, mark_id) WHERE ${column} IS NOT NULL DO UPDATE SET
         ${REFRESHED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
  const insert = { filing: upsert('filing_id'), listing: upsert('listing_id') };
  const page = db.transaction((kind: BatchKind, rows: readonly ScreenedRow[], now: string): number => {
    let stored = 0;
    for (const row of rows) {
      clear[kind].run(row.rowId);
      row.hits.forEach((hit, rank) => {
        const mark = marksById.get(hit.markId);
        if (!mark) return;
        insert[kind].run(hitValues(kind, row, hit, rank, mark, now));
        stored += 1;
      });
    }
    return stored;
  });
  return {
    // async so that a failure is a rejected promise on both databases, never a synchronous throw
    writePage: async (kind, rows, now) => page(kind, rows, now),
  };
}
