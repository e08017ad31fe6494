// The review queue's queries: filter, sort and page the stored hits with their filing or listing, and count them.
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { HitQuery, HitRow } from '../../shared/contract/screening';
import type { Category } from '../../shared/domain';
import { dialectOf, tableAs, type DataDialect } from '../data/portable';
import type { DataExecutor } from '../data/queries';
import type { DataSchema, HitsTable } from '../data/schema';
import { hitColumn, hitFilter, hitOrder } from './hit-filter';
import { HIT_COLUMNS, hitRecords, toHitRow, type HitRecord } from './hit-records';

const eb = expressionBuilder<DataSchema, never>();

// A text that matches few hits is best found through hits_search; one that matches thousands is best found by
// walking the sort order and stopping at the page's end. The count (answered from hits_search) tells which.
// SQLite only: its planner guesses wrong here; PostgreSQL plans for itself (data/portable.ts).
const SORT_INDEXES: Partial<Record<NonNullable<HitQuery['sortBy']>, string>> = {
  score: 'hits_source_score',
  deadline: 'hits_deadline',
  applicant: 'hits_applicant',
  mark: 'hits_mark_name',
};
const MANY_TEXT_MATCHES = 5000;

function pageIndex(query: HitQuery, total: number): string | undefined {
  if (!query.text) return undefined;
  const sortIndex = SORT_INDEXES[query.sortBy ?? 'score'];
  return total > MANY_TEXT_MATCHES && sortIndex ? sortIndex : 'hits_search';
}

/** The column naming the filing or listing of a hit, by source. */
const OWNER_COLUMN = { filing: 'filing_id', listing: 'listing_id' } as const;
// Named on SQLite: left to itself its planner walks the score index for the siblings (all hits scored higher).
const OWNER_INDEX = { filing: 'hits_filing_mark', listing: 'hits_listing_mark' } as const;

/**
 * One row per filing (or listing): a hit stands for its filing when no other hit of the same filing that passes
 * the same filter ranks before it (higher score, then lower id). The unique (filing_id, mark_id) index answers it.
 */
function onePerOwner(dialect: DataDialect, query: HitQuery, today: string): Expression<SqlBool> {
  const owner = OWNER_COLUMN[query.source];
  const [h, h2] = [(c: keyof HitsTable & string) => hitColumn('h', c), (c: keyof HitsTable & string) => hitColumn('h2', c)];
  const rankedBefore = eb.or([eb(h2('score'), '>', h('score')), eb.and([eb(h2('score'), '=', h('score')), eb(h2('id'), '<', h('id'))])]);
  const sibling = eb
    .selectFrom(tableAs<HitsTable, 'h2'>(dialect, 'hits', 'h2', OWNER_INDEX[query.source]))
    .select(sql.lit(1).as('one'))
    .where(eb.and([eb(h2(owner), '=', h(owner)), eb(h2('id'), '<>', h('id')), hitFilter(dialect, query, today, 'h2'), rankedBefore]));
  return eb.not(eb.exists(sibling));
}

type MarkHit = NonNullable<HitRow['marksHit']>[number];

/** Every hit of the page's filings (or listings), best first: what a queue row lists as the marks it hits. */
async function marksHitBy(data: DataExecutor, source: HitQuery['source'], ownerIds: readonly number[]): Promise<Map<number, MarkHit[]>> {
  const owner = OWNER_COLUMN[source];
  const byOwner = new Map<number, MarkHit[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await data
    .selectFrom('hits')
    .select([`${owner} as owner`, 'id as hitId', 'mark_id as markId', 'mark_name as markName', 'mark_category as markCategory', 'score', 'decision', 'version'])
    .where(owner, 'in', ownerIds)
    .orderBy('score', 'desc')
    .orderBy('id')
    .execute();
  for (const { owner: id, ...hit } of rows) {
    if (id === null) continue;
    const list = byOwner.get(id) ?? [];
    list.push({ ...hit, markCategory: hit.markCategory as Category });
    byOwner.set(id, list);
  }
  return byOwner;
}

/**
 * The review queue: one row per filing (or listing) with every mark it hits (issue 10, item 3); `total` counts
 * filings. The row's own hit is the best of that filing's hits that pass the filter.
 */
export async function queryQueue(data: DataExecutor, query: HitQuery, today: string): Promise<{ total: number; rows: HitRow[] }> {
  const dialect = dialectOf(data);
  const filter = hitFilter(dialect, query, today);
  const owner = OWNER_COLUMN[query.source];
  const counted = await data
    .selectFrom('hits as h')
    .select((e) => e.fn.count(`h.${owner}`).distinct().as('n'))
    .where(filter)
    .executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  const rows = await pageOfHits(data, query, today, eb.and([filter, onePerOwner(dialect, query, today)]), total);
  const ownerId = (row: HitRow) => (query.source === 'filing' ? row.filing?.id : row.listing?.id) ?? -1;
  const marks = await marksHitBy(data, query.source, rows.map(ownerId));
  return { total, rows: rows.map((row) => ({ ...row, marksHit: marks.get(ownerId(row)) ?? [] })) };
}

/** A page of hits one by one (not one per filing), with how many the query matches. */
export async function queryHits(data: DataExecutor, query: HitQuery, today: string): Promise<{ total: number; rows: HitRow[] }> {
  const total = await countHits(data, query, today);
  return { total, rows: await pageOfHits(data, query, today, hitFilter(dialectOf(data), query, today), total) };
}

/** One page of hits passing `filter`; `total` (how many pass) chooses the index a text search walks. */
async function pageOfHits(data: DataExecutor, query: HitQuery, today: string, filter: Expression<SqlBool>, total: number): Promise<HitRow[]> {
  const order = hitOrder(query);
  let page = data
    .selectFrom(tableAs<HitsTable, 'h'>(dialectOf(data), 'hits', 'h', pageIndex(query, total)))
    .select('h.id')
    .where(filter)
    .limit(query.limit ?? 200)
    .offset(query.offset ?? 0);
  for (const [key, dir] of order) page = page.orderBy(key, dir);
  let rows = data.with('page', () => page).selectFrom('page').innerJoin('hits as h', 'h.id', 'page.id')
    .leftJoin('filings as f', 'f.id', 'h.filing_id')
    .leftJoin('listings as l', 'l.id', 'h.listing_id')
    .select(HIT_COLUMNS);
  for (const [key, dir] of order) rows = rows.orderBy(key, dir);
  return (await rows.execute()).map((r) => toHitRow(r, today));
}

/**
 * Every hit a query matches, in the query's order, as pages of rows (issue 9, item 17: an export is never cut).
 * The ids are taken once, so that a decision made while the export runs neither skips nor repeats a row; the rows
 * are then read a page at a time. `also` narrows the query further.
 */
export async function* allHitPages(
  data: DataExecutor,
  query: HitQuery,
  today: string,
  options: { pageSize?: number; also?: Expression<SqlBool> } = {},
): AsyncGenerator<HitRow[]> {
  const pageSize = options.pageSize ?? 1000;
  const filter = hitFilter(dialectOf(data), query, today);
  let idQuery = data.selectFrom('hits as h').select('h.id').where(options.also ? eb.and([filter, options.also]) : filter);
  for (const [key, dir] of hitOrder(query)) idQuery = idQuery.orderBy(key, dir);
  const ids = (await idQuery.execute()).map((r) => r.id);
  for (let at = 0; at < ids.length; at += pageSize) {
    const pageIds = ids.slice(at, at + pageSize);
    const byId = new Map((await hitRecords(data).where('h.id', 'in', pageIds).execute()).map((r) => [r.hit_id, r]));
    // a hit removed since the ids were taken (its batch deleted) is left out
    yield pageIds.flatMap((id) => {
      const record = byId.get(id);
      return record ? [toHitRow(record, today)] : [];
    });
  }
}

/** How many hits a query matches. */
export async function countHits(data: DataExecutor, query: HitQuery, today: string): Promise<number> {
  const row = await data
    .selectFrom('hits as h')
    .select((e) => e.fn.countAll().as('n'))
    .where(hitFilter(dialectOf(data), query, today))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many filings (or listings) have a hit the query matches: the queue, the deadline notice and the dashboard count so. */
export async function countFilings(data: DataExecutor, query: HitQuery, today: string): Promise<number> {
  const row = await data
    .selectFrom('hits as h')
    .select((e) => e.fn.count(e.fn.coalesce('h.filing_id', 'h.listing_id')).distinct().as('n'))
    .where(hitFilter(dialectOf(data), query, today))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every hit id matching the query's filter (its sort, offset and limit do not matter). */
export async function matchingHitIds(data: DataExecutor, query: HitQuery, today: string): Promise<number[]> {
  const rows = await data.selectFrom('hits as h').select('h.id').where(hitFilter(dialectOf(data), query, today)).orderBy('h.id').execute();
  return rows.map((r) => r.id);
}

export function getHitRecord(data: DataExecutor, hitId: number): Promise<HitRecord | undefined> {
  return hitRecords(data).where('h.id', '=', hitId).executeTakeFirst();
}
