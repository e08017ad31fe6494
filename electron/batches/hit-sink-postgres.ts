// Screening's hits on PostgreSQL: per page, one DELETE of the page's undecided hits and multi-row
// INSERT … ON CONFLICT (filing_id | listing_id, mark_id) WHERE … IS NOT NULL DO UPDATE statements, in one transaction.
// Why not COPY into a temporary table and merge, as the import does (row-sink-postgres.ts): a page is 2000 rows
// of which few have hits (tens, rarely a few thousand), so a page's hits fit in one or two statements; COPY would
// add a temp table, a second round trip and a merge per page to save nothing, and it needs a dedicated pg client
// where this runs on any Kysely executor. The ON CONFLICT target names the partial unique indexes hits_filing_mark
// and hits_listing_mark by their columns and predicate, which is how PostgreSQL infers a partial index.
import type { Insertable } from 'kysely';
import type { BatchKind } from '../../shared/contract/screening';
import { inTransaction, type DataQueries } from '../data/queries';
import type { HitsTable } from '../data/schema';
import { hitValues, REFRESHED_COLUMNS, type HitSink, type MarkSnapshot, type ScreenedRow } from './hit-sink';

/** 25 parameters a hit: 1000 hits a statement stay well under PostgreSQL's 65535 parameters. */
const HITS_PER_STATEMENT = 1000;

type HitInsert = Insertable<HitsTable>;

/** The page's hits as rows of the table; of two hits of one row and mark the later wins, as on SQLite. */
function pageRows(kind: BatchKind, rows: readonly ScreenedRow[], now: string, marksById: ReadonlyMap<string, MarkSnapshot>) {
  const byKey = new Map<string, HitInsert>();
  for (const row of rows) {
    row.hits.forEach((hit, rank) => {
      const mark = marksById.get(hit.markId);
      if (!mark) return;
      const v = hitValues(kind, row, hit, rank, mark, now);
      byKey.set(`${row.rowId}\u0000${hit.markId}`, {
        source: kind, filing_id: kind === 'filing' ? row.rowId : null, listing_id: kind === 'listing' ? row.rowId : null,
        mark_key: v.markKey, mark_id: v.markId, mark_name: v.markName, mark_category: v.markCategory, matched_text: v.text,
        matched_mark: v.markText, score: v.score, reasons: v.reasons, alignment: v.alignment, batch_id: v.batchId,
        nice_class: v.niceClass, applicant: v.applicant, agency: v.agency, gazette_issue: v.gazetteIssue,
        published_on: v.publishedOn, deadline: v.deadline, platform: v.platform, search_text: v.searchText, rank: v.rank,
        found_at: now, row_image: v.rowImage, mark_image: v.markImage,
      });
    });
  }
  return [...byKey.values()];
}

/** `data`: the query builder on PostgreSQL (any executor that may open a transaction). */
export function createPostgresHitSink(data: DataQueries, marksById: ReadonlyMap<string, MarkSnapshot>): HitSink {
  return {
    async writePage(kind, rows, now) {
      if (rows.length === 0) return 0;
      const column = kind === 'filing' ? 'filing_id' : 'listing_id';
      const values = pageRows(kind, rows, now, marksById);
      return inTransaction(data, async (tx) => {
        await tx.deleteFrom('hits').where(column, 'in', rows.map((r) => r.rowId)).where('decision', '=', 'undecided').execute();
        for (let at = 0; at < values.length; at += HITS_PER_STATEMENT) {
          await tx
            .insertInto('hits')
            .values(values.slice(at, at + HITS_PER_STATEMENT))
            .onConflict((oc) =>
              oc
                .columns([column, 'mark_id'])
                .where(column, 'is not', null)
                .doUpdateSet((eb) => Object.fromEntries(REFRESHED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
            )
            .execute();
        }
        return values.length;
      });
    },
  };
}
