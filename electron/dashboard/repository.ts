// The dashboard's numbers: totals, hits by category, by week and in a report period.
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Dashboard } from '../../shared/contract/screening';
import { CATEGORIES, type Category } from '../../shared/domain';
import type { DataExecutor } from '../data/queries';
import type { DataSchema } from '../data/schema';
import { addDays, deadlineIs, hitColumn } from '../review/hit-filter';

type WeekBasis = Dashboard['weekBasis'];
const eb = expressionBuilder<DataSchema, never>();

async function countHitsWhere(data: DataExecutor, where?: Expression<SqlBool>): Promise<number> {
  const all = data.selectFrom('hits as h').select((e) => e.fn.countAll().as('n'));
  const row = await (where ? all.where(where) : all).executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function countRows(data: DataExecutor, table: 'filings' | 'listings'): Promise<number> {
  const row = await data.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The totals except `overdue`, which is the queue's one definition (countFilings of OVERDUE_HITS). */
export async function dashboardTotals(data: DataExecutor, today: string, dueWithinDays: number): Promise<Omit<Dashboard['totals'], 'overdue'>> {
  const decided = (decision: 'undecided' | 'confirmed' | 'dismissed') => countHitsWhere(data, eb(hitColumn('h', 'decision'), '=', decision));
  const due = await data
    .selectFrom('hits as h')
    .select((e) => e.fn.count('h.filing_id').distinct().as('n'))
    .where('h.source', '=', 'filing')
    .where('h.decision', '<>', 'dismissed')
    .where(deadlineIs('actionable', today))
    .where('h.deadline', '<=', addDays(today, dueWithinDays))
    .executeTakeFirst();
  return {
    filings: await countRows(data, 'filings'),
    listings: await countRows(data, 'listings'),
    hits: await countHitsWhere(data),
    undecided: await decided('undecided'),
    confirmed: await decided('confirmed'),
    dismissed: await decided('dismissed'),
    dueWithin14: Number(due?.n ?? 0),
  };
}

export async function hitsByCategory(data: DataExecutor): Promise<Dashboard['hitsByCategory']> {
  const rows = await data
    .selectFrom('hits')
    .select((e) => ['mark_category as category', e.fn.countAll().as('hits'), e.fn.countAll().filterWhere('decision', '=', 'confirmed').as('confirmed')])
    .groupBy('mark_category')
    .execute();
  return CATEGORIES.map((category: Category) => {
    const row = rows.find((r) => r.category === category);
    return { category, hits: Number(row?.hits ?? 0), confirmed: Number(row?.confirmed ?? 0) };
  });
}

/**
 * The Monday that begins a day's week (a Monday begins its own). Before issue 11's port the dashboard counted with
 * SQLite's `weekday 1, -7 days`, which put a Monday under the week before; that was a bug.
 */
export function weekOf(isoDay: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

// 公告日: a filing's week is its gazette publication week (a listing, which has none, the week it was found);
// 导入日: every hit's week is the week it was found by screening. Counted by day in SQL, gathered into weeks here.
export async function hitsPerWeek(data: DataExecutor, since: string, basis: WeekBasis): Promise<Dashboard['hitsPerWeek']> {
  const found = sql<string>`substr(${hitColumn('h', 'found_at')}, 1, 10)`;
  const day = basis === 'published' ? sql<string>`coalesce(nullif(${hitColumn('h', 'published_on')}, ''), ${found})` : found;
  const days = await data
    .selectFrom('hits as h')
    .select((e) => [day.as('day'), e.fn.countAll().as('hits'), e.fn.countAll().filterWhere('h.decision', '=', 'confirmed').as('confirmed')])
    .where(eb(day, '>=', since))
    .groupBy(day)
    .execute();
  const weeks = new Map<string, { week: string; hits: number; confirmed: number }>();
  for (const row of days) {
    const week = weekOf(row.day);
    const sum = weeks.get(week) ?? { week, hits: 0, confirmed: 0 };
    sum.hits += Number(row.hits);
    sum.confirmed += Number(row.confirmed);
    weeks.set(week, sum);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

/** Hits found, decisions now standing that were made in [start, end), and letters issued in it. */
export async function countsInPeriod(data: DataExecutor, start: string, end: string) {
  const within = (column: 'found_at' | 'decided_at') => [eb(hitColumn('h', column), '>=', start), eb(hitColumn('h', column), '<', end)];
  const decidedIn = (decision: 'confirmed' | 'dismissed') => countHitsWhere(data, eb.and([eb(hitColumn('h', 'decision'), '=', decision), ...within('decided_at')]));
  const letters = await data
    .selectFrom('letters')
    .select((e) => e.fn.countAll().as('n'))
    .where('status', '<>', 'draft')
    .where('issued_at', '>=', start)
    .where('issued_at', '<', end)
    .executeTakeFirst();
  return {
    hitsFound: await countHitsWhere(data, eb.and(within('found_at'))),
    confirmed: await decidedIn('confirmed'),
    dismissed: await decidedIn('dismissed'),
    lettersIssued: Number(letters?.n ?? 0),
  };
}
