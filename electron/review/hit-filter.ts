// What a hit query means in SQL: its filter and its order, as builder expressions over a hits alias (`h` for the
// hits listed, `h2` for their siblings in the queue's one-row-per-filing test). Every filter value is bound; sort
// keys come from a fixed table, never from the caller's text.
import { expressionBuilder, sql, type Expression, type OrderByDirection, type RawBuilder, type SqlBool } from 'kysely';
import type { HitQuery } from '../../shared/contract/screening';
import { containsText, type DataDialect } from '../data/portable';
import type { DataSchema, HitsTable } from '../data/schema';

export type HitAlias = 'h' | 'h2';
type HitColumn = keyof HitsTable & string;

const eb = expressionBuilder<DataSchema, never>();

/** A column of the hits table under `alias`. */
export const hitColumn = (alias: HitAlias, name: HitColumn): RawBuilder<unknown> => sql.ref(`${alias}.${name}`);

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The SQL form of shared/deadlines.ts `isActionable` / `isOverdue` over a hit's stored deadline: the review queue,
 * the deadlines page and the dashboard all count with these.
 */
export function deadlineIs(kind: 'actionable' | 'overdue', today: string, alias: HitAlias = 'h'): Expression<SqlBool> {
  const deadline = hitColumn(alias, 'deadline');
  return eb.and([eb(deadline, '<>', ''), eb(deadline, kind === 'actionable' ? '>=' : '<', today)]);
}

/**
 * The one definition of an overdue hit, used by the dashboard's count and the deadlines page's list alike
 * (issue 9, item 17): a hit on a filing, still undecided, whose opposition deadline has passed.
 */
export const OVERDUE_HITS = { source: 'filing', deadline: 'overdue', decision: 'undecided' } as const satisfies HitQuery;

const EQUAL_FILTERS = {
  category: 'mark_category',
  markId: 'mark_id',
  niceClass: 'nice_class',
  applicant: 'applicant',
  agency: 'agency',
  gazetteIssue: 'gazette_issue',
  platform: 'platform',
  decision: 'decision',
  batchId: 'batch_id',
} as const satisfies Partial<Record<keyof HitQuery, HitColumn>>;

/** The condition a hit meets when the query lists it (its sort, offset and limit aside). */
export function hitFilter(dialect: DataDialect, query: HitQuery, today: string, alias: HitAlias = 'h'): Expression<SqlBool> {
  const column = (name: HitColumn) => hitColumn(alias, name);
  const conditions: Expression<SqlBool>[] = [eb(column('source'), '=', query.source)];
  for (const [key, name] of Object.entries(EQUAL_FILTERS) as [keyof typeof EQUAL_FILTERS, HitColumn][]) {
    const value = query[key];
    if (value !== undefined && value !== '') conditions.push(eb(column(name), '=', value));
  }
  if (query.minScore !== undefined) conditions.push(eb(column('score'), '>=', query.minScore));
  // reasons is a JSON array of fixed words, so the quoted word occurs in it exactly when the reason is there.
  if (query.reason !== undefined) conditions.push(containsText(dialect, column('reasons') as Expression<string>, JSON.stringify(query.reason)));
  // search_text is stored lower-cased; a plain substring test needs no escaping.
  const text = query.text?.trim().toLowerCase();
  if (text) conditions.push(containsText(dialect, column('search_text') as Expression<string>, text));
  const deadline = query.deadline ?? 'any';
  if (deadline === 'overdue') conditions.push(deadlineIs('overdue', today, alias));
  if (deadline === 'open') conditions.push(deadlineIs('actionable', today, alias));
  if (deadline === 'within14' || deadline === 'within30') {
    conditions.push(eb.between(column('deadline'), today, addDays(today, deadline === 'within14' ? 14 : 30)));
  }
  return eb.and(conditions);
}

// Only the deadline can be missing (a filing without a publication date); it sorts last either way.
const SORT_KEYS: Record<NonNullable<HitQuery['sortBy']>, (alias: HitAlias) => Expression<unknown>> = {
  score: (a) => hitColumn(a, 'score'),
  deadline: (a) => sql`nullif(${hitColumn(a, 'deadline')}, '')`,
  publishedOn: (a) => hitColumn(a, 'published_on'),
  applicant: (a) => hitColumn(a, 'applicant'),
  mark: (a) => hitColumn(a, 'mark_name'),
  niceClass: (a) => hitColumn(a, 'nice_class'),
  foundAt: (a) => hitColumn(a, 'found_at'),
};

/** The query's order as ORDER BY items, ending with the id so that pages never overlap. */
export function hitOrder(query: HitQuery, alias: HitAlias = 'h'): [Expression<unknown>, OrderByDirection][] {
  const key = SORT_KEYS[query.sortBy ?? 'score'](alias);
  const dir: OrderByDirection = query.sortDir === 'asc' ? 'asc' : 'desc';
  const missingLast: [Expression<unknown>, OrderByDirection][] = query.sortBy === 'deadline' ? [[sql`${key} IS NULL`, 'asc']] : [];
  return [...missingLast, [key, dir], [hitColumn(alias, 'id'), dir]];
}
