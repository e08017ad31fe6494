// The review queue's queries: filter, sort and page the stored hits with their filing or listing.
// Every filter is a bound parameter; sort keys come from a fixed table, never from the caller's text.
import type { HitQuery, HitRow } from '../../../shared/contract/screening';
import type { Category, HitReason } from '../../../shared/domain';
import { daysBetween } from '../../../shared/deadlines';
import type { Db } from '../open';
import type { FilingRow, ListingRow } from './rows';

export const HIT_COLUMNS = `
  h.id AS hit_id, h.source, h.score, h.reasons, h.decision, h.dismiss_reason, h.decision_note, h.mark_key, h.mark_id,
  h.mark_name, h.mark_category, h.matched_text, h.matched_mark, h.found_at, h.alignment, h.decided_at, h.decided_by,
  h.version,
  f.id AS f_id, f.application_number, f.mark_text, f.nice_class, f.goods, f.applicant, f.applicant_address, f.agency,
  f.filed_on, f.gazette_issue, f.published_on, f.opposition_deadline,
  l.id AS l_id, l.listing_id, l.platform, l.shop, l.title, l.url, l.price, l.seller_location`;

export const HIT_FROM = 'hits h LEFT JOIN filings f ON f.id = h.filing_id LEFT JOIN listings l ON l.id = h.listing_id';

/** One row of HIT_COLUMNS: the hit, and its filing or listing (the other side's columns are null). */
export type HitRecord = HitColumnsRow &
  Omit<FilingRow, 'id'> & { f_id: number | null; opposition_deadline: string } &
  Omit<ListingRow, 'id'> & { l_id: number | null };

interface HitColumnsRow {
  hit_id: number;
  source: 'filing' | 'listing';
  score: number;
  reasons: string;
  decision: HitRow['decision'];
  dismiss_reason: string;
  decision_note: string;
  mark_key: number | null;
  mark_id: string;
  mark_name: string;
  mark_category: string;
  matched_text: string;
  matched_mark: string;
  found_at: string;
  alignment: string;
  decided_at: string | null;
  decided_by: string | null;
  version: number;
}

export function toHitRow(r: HitRecord, today: string): HitRow {
  return {
    hitId: r.hit_id,
    source: r.source,
    score: r.score,
    reasons: JSON.parse(r.reasons) as HitReason[],
    decision: r.decision,
    dismissReason: r.dismiss_reason,
    decisionNote: r.decision_note,
    markKey: r.mark_key,
    markId: r.mark_id,
    markName: r.mark_name,
    markCategory: r.mark_category as Category,
    matchedText: r.matched_text,
    matchedMark: r.matched_mark,
    foundAt: r.found_at,
    version: r.version,
    filing:
      r.f_id === null
        ? null
        : {
            id: r.f_id,
            applicationNumber: r.application_number,
            markText: r.mark_text,
            niceClass: r.nice_class,
            goods: r.goods === '' ? [] : r.goods.split(';'),
            applicant: r.applicant,
            applicantAddress: r.applicant_address,
            agency: r.agency,
            filedOn: r.filed_on,
            gazetteIssue: r.gazette_issue,
            publishedOn: r.published_on,
            oppositionDeadline: r.opposition_deadline,
            daysLeft: r.opposition_deadline ? daysBetween(today, r.opposition_deadline) : null,
          },
    listing:
      r.l_id === null
        ? null
        : {
            id: r.l_id,
            listingId: r.listing_id,
            platform: r.platform,
            shop: r.shop,
            title: r.title,
            url: r.url,
            price: r.price,
            sellerLocation: r.seller_location,
          },
  };
}

// Only the deadline can be missing (a filing without a publication date); it sorts last either way.
const SORT_COLUMNS: Record<NonNullable<HitQuery['sortBy']>, string> = {
  score: 'h.score',
  deadline: "nullif(h.deadline, '')",
  publishedOn: 'h.published_on',
  applicant: 'h.applicant',
  mark: 'h.mark_name',
  niceClass: 'h.nice_class',
  foundAt: 'h.found_at',
};

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The SQL form of shared/deadlines.ts `isActionable` / `isOverdue` over a hit's stored deadline (`@today` bound):
 * the review queue, the deadlines page and the dashboard all count with these.
 */
export const DEADLINE_SQL = {
  actionable: "h.deadline <> '' AND h.deadline >= @today",
  overdue: "h.deadline <> '' AND h.deadline < @today",
} as const;

/** WHERE clause and parameters for a hit query. */
export function hitFilter(query: HitQuery, today: string): { where: string; params: Record<string, unknown> } {
  const clauses = ['h.source = @source'];
  const params: Record<string, unknown> = { source: query.source, today };
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined || value === '') return;
    clauses.push(clause);
    params[name] = value;
  };
  add('h.mark_category = @category', 'category', query.category);
  add('h.mark_id = @markId', 'markId', query.markId);
  add('h.score >= @minScore', 'minScore', query.minScore);
  // reasons is a JSON array of fixed words, so the quoted word occurs in it exactly when the reason is there.
  add('instr(h.reasons, @reasonToken) > 0', 'reasonToken', query.reason === undefined ? undefined : JSON.stringify(query.reason));
  add('h.nice_class = @niceClass', 'niceClass', query.niceClass);
  add('h.applicant = @applicant', 'applicant', query.applicant);
  add('h.agency = @agency', 'agency', query.agency);
  add('h.gazette_issue = @gazetteIssue', 'gazetteIssue', query.gazetteIssue);
  add('h.platform = @platform', 'platform', query.platform);
  add('h.decision = @decision', 'decision', query.decision);
  add('h.batch_id = @batchId', 'batchId', query.batchId);
  // search_text is stored lower-cased; a plain substring test is several times faster than LIKE and needs no escaping.
  add('instr(h.search_text, @text) > 0', 'text', query.text?.trim().toLowerCase() || undefined);
  const deadline = query.deadline ?? 'any';
  if (deadline === 'overdue') clauses.push(DEADLINE_SQL.overdue);
  if (deadline === 'open') clauses.push(DEADLINE_SQL.actionable);
  if (deadline === 'within14' || deadline === 'within30') {
    clauses.push('h.deadline BETWEEN @today AND @until');
    params.until = addDays(today, deadline === 'within14' ? 14 : 30);
  }
  return { where: clauses.join(' AND '), params };
}

// A text that matches few hits is best found through hits_search; one that matches thousands is best found by
// walking the sort order and stopping at the page's end. The count (answered from hits_search) tells which.
const SORT_INDEXES: Partial<Record<NonNullable<HitQuery['sortBy']>, string>> = {
  score: 'hits_source_score',
  deadline: 'hits_deadline',
  applicant: 'hits_applicant',
  mark: 'hits_mark_name',
};
const MANY_TEXT_MATCHES = 5000;

function pageSource(query: HitQuery, total: number): string {
  if (!query.text) return 'hits h';
  const sortIndex = SORT_INDEXES[query.sortBy ?? 'score'];
  return `hits h INDEXED BY ${total > MANY_TEXT_MATCHES && sortIndex ? sortIndex : 'hits_search'}`;
}

/** The column naming the filing or listing of a hit, by source. */
const OWNER_COLUMN = { filing: 'filing_id', listing: 'listing_id' } as const;
// Named: left to itself the planner walks the score index for the siblings (all hits scored higher), not the filing.
const OWNER_INDEX = { filing: 'hits_filing_mark', listing: 'hits_listing_mark' } as const;

/**
 * One row per filing (or listing): a hit stands for its filing when no other hit of the same filing that passes
 * the same filter ranks before it (higher score, then lower id). The unique (filing_id, mark_id) index answers it.
 */
function onePerOwner(query: HitQuery, where: string): string {
  const owner = OWNER_COLUMN[query.source];
  const other = where.replace(/\bh\./g, 'h2.');
  return `${where} AND NOT EXISTS (SELECT 1 FROM hits h2 INDEXED BY ${OWNER_INDEX[query.source]} WHERE h2.${owner} = h.${owner} AND h2.id <> h.id AND ${other}
    AND (h2.score > h.score OR (h2.score = h.score AND h2.id < h.id)))`;
}

type MarkHit = NonNullable<HitRow['marksHit']>[number];

/** Every hit of the page's filings (or listings), best first: what a queue row lists as the marks it hits. */
function marksHitBy(db: Db, source: HitQuery['source'], ownerIds: readonly number[]): Map<number, MarkHit[]> {
  const owner = OWNER_COLUMN[source];
  const byOwner = new Map<number, MarkHit[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = db
    .prepare<number[], { owner: number; hitId: number; markId: string; markName: string; markCategory: Category; score: number; decision: HitRow['decision']; version: number }>(
      `SELECT ${owner} AS owner, id AS hitId, mark_id AS markId, mark_name AS markName, mark_category AS markCategory, score, decision, version
       FROM hits WHERE ${owner} IN (${ownerIds.map(() => '?').join(',')}) ORDER BY score DESC, id`,
    )
    .all(...ownerIds);
  for (const { owner: id, ...hit } of rows) {
    const list = byOwner.get(id) ?? [];
    list.push(hit);
    byOwner.set(id, list);
  }
  return byOwner;
}

/**
 * The review queue: one row per filing (or listing) with every mark it hits (issue 10, item 3); `total` counts
 * filings. The row's own hit is the best of that filing's hits that pass the filter.
 */
export function queryQueue(db: Db, query: HitQuery, today: string): { total: number; rows: HitRow[] } {
  const { where, params } = hitFilter(query, today);
  const owner = OWNER_COLUMN[query.source];
  const total = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(DISTINCT h.${owner}) AS n FROM hits h WHERE ${where}`).get(params)?.n ?? 0;
  const rows = pageOfHits(db, query, today, { where: onePerOwner(query, where), params }, total);
  const ownerId = (row: HitRow) => (query.source === 'filing' ? row.filing?.id : row.listing?.id) ?? -1;
  const marks = marksHitBy(db, query.source, rows.map(ownerId));
  return { total, rows: rows.map((row) => ({ ...row, marksHit: marks.get(ownerId(row)) ?? [] })) };
}

export function queryHits(db: Db, query: HitQuery, today: string): { total: number; rows: HitRow[] } {
  const { where, params } = hitFilter(query, today);
  const total = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM hits h WHERE ${where}`).get(params)?.n ?? 0;
  return { total, rows: pageOfHits(db, query, today, { where, params }, total) };
}

/** One page of hits passing `where`; `total` (how many pass) chooses the index a text search walks. */
function pageOfHits(db: Db, query: HitQuery, today: string, filter: { where: string; params: Record<string, unknown> }, total: number): HitRow[] {
  const { where, params } = filter;
  const sort = SORT_COLUMNS[query.sortBy ?? 'score'];
  const dir = query.sortDir === 'asc' ? 'ASC' : 'DESC';
  const order = query.sortBy === 'deadline' ? `${sort} IS NULL, ${sort} ${dir}` : `${sort} ${dir}`;
  const rows = db
    .prepare<Record<string, unknown>, HitRecord>(
      `WITH page AS (SELECT h.id FROM ${pageSource(query, total)} WHERE ${where} ORDER BY ${order}, h.id ${dir} LIMIT @limit OFFSET @offset)
       SELECT ${HIT_COLUMNS} FROM page JOIN hits h ON h.id = page.id
         LEFT JOIN filings f ON f.id = h.filing_id LEFT JOIN listings l ON l.id = h.listing_id ORDER BY ${order}, h.id ${dir}`,
    )
    .all({ ...params, limit: query.limit ?? 200, offset: query.offset ?? 0 });
  return rows.map((r) => toHitRow(r, today));
}

/**
 * Every hit a query matches, in the query's order, as pages of rows (issue 9, item 17: an export is never cut).
 * The ids are taken once, so that a decision made while the export runs neither skips nor repeats a row; the rows
 * are then read a page at a time.
 */
export function* allHitPages(
  db: Db,
  query: HitQuery,
  today: string,
  options: { pageSize?: number; andWhere?: { clause: string; params: Record<string, unknown> } } = {},
): Generator<HitRow[]> {
  const pageSize = options.pageSize ?? 1000;
  const filter = hitFilter(query, today);
  const where = options.andWhere ? `${filter.where} AND ${options.andWhere.clause}` : filter.where;
  const params = { ...filter.params, ...options.andWhere?.params };
  const sort = SORT_COLUMNS[query.sortBy ?? 'score'];
  const dir = query.sortDir === 'asc' ? 'ASC' : 'DESC';
  const order = query.sortBy === 'deadline' ? `${sort} IS NULL, ${sort} ${dir}` : `${sort} ${dir}`;
  const ids = db
    .prepare<Record<string, unknown>, number>(`SELECT h.id FROM hits h WHERE ${where} ORDER BY ${order}, h.id ${dir}`)
    .pluck()
    .all(params);
  const read = db.prepare<[string], HitRecord>(
    `SELECT ${HIT_COLUMNS} FROM json_each(?) AS page JOIN hits h ON h.id = page.value
       LEFT JOIN filings f ON f.id = h.filing_id LEFT JOIN listings l ON l.id = h.listing_id ORDER BY page.key`,
  );
  for (let at = 0; at < ids.length; at += pageSize) {
    yield read.all(JSON.stringify(ids.slice(at, at + pageSize))).map((r) => toHitRow(r, today));
  }
}

/** How many hits a query matches. */
export function countHits(db: Db, query: HitQuery, today: string): number {
  const { where, params } = hitFilter(query, today);
  return db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM hits h WHERE ${where}`).get(params)?.n ?? 0;
}

/** How many filings (or listings) have a hit the query matches: the queue, the deadline notice and the dashboard count so. */
export function countFilings(db: Db, query: HitQuery, today: string): number {
  const { where, params } = hitFilter(query, today);
  return (
    db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(DISTINCT coalesce(h.filing_id, h.listing_id)) AS n FROM hits h WHERE ${where}`).get(params)?.n ?? 0
  );
}

/**
 * The one definition of an overdue hit, used by the dashboard's count and the deadlines page's list alike
 * (issue 9, item 17): a hit on a filing, still undecided, whose opposition deadline has passed.
 */
export const OVERDUE_HITS = { source: 'filing', deadline: 'overdue', decision: 'undecided' } as const satisfies HitQuery;

/** Every hit id matching the query's filter (its sort, offset and limit do not matter). */
export function matchingHitIds(db: Db, query: HitQuery, today: string): number[] {
  const { where, params } = hitFilter(query, today);
  return db
    .prepare<Record<string, unknown>, { id: number }>(`SELECT h.id FROM hits h WHERE ${where} ORDER BY h.id`)
    .all(params)
    .map((r) => r.id);
}

export function getHitRecord(db: Db, hitId: number): HitRecord | undefined {
  return db.prepare<[number], HitRecord>(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE h.id = ?`).get(hitId);
}
