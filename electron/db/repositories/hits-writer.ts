// Storing what screening found. A re-run replaces the undecided hits of a row and refreshes decided ones in place,
// so a reviewer's decision survives a re-screen after the registry changed.
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit } from '../../../shared/domain';
import type { Db } from '../open';

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

export function createHitsWriter(db: Db, marksById: ReadonlyMap<string, MarkSnapshot>) {
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
         mark_key = excluded.mark_key, mark_name = excluded.mark_name, mark_category = excluded.mark_category,
         matched_text = excluded.matched_text, matched_mark = excluded.matched_mark, score = excluded.score,
         reasons = excluded.reasons, alignment = excluded.alignment, search_text = excluded.search_text,
         rank = excluded.rank, row_image = excluded.row_image, mark_image = excluded.mark_image`,
    );
  const insert = { filing: upsert('filing_id'), listing: upsert('listing_id') };

  /** Writes the hits of one screened row; returns how many were stored. */
  return (kind: BatchKind, rowId: number, hits: readonly Hit[], now: string, facts: RowFacts): number => {
    clear[kind].run(rowId);
    let stored = 0;
    hits.forEach((hit, rank) => {
      const mark = marksById.get(hit.markId);
      if (!mark) return;
      insert[kind].run({
        source: kind,
        rowId,
        markKey: mark.key,
        markId: hit.markId,
        markName: mark.name,
        markCategory: mark.category,
        text: hit.text,
        markText: hit.markText,
        score: hit.score,
        reasons: JSON.stringify(hit.reasons),
        alignment: JSON.stringify(hit.alignment ?? []),
        ...facts,
        searchText: `${hit.text} ${facts.searchText}`.toLowerCase(),
        rank: rank + 1,
        now,
        rowImage: hit.images?.row ?? null,
        markImage: hit.images?.mark ?? null,
      });
      stored += 1;
    });
    return stored;
  };
}
