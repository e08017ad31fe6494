// The numbers of applicant and agency profiles: what each filed and how much of it hits the registry.
import { expressionBuilder, type Expression, type QueryCreator, type SqlBool } from 'kysely';
import { containsText, dialectOf, type DataDialect } from '../data/portable';
import type { DataExecutor } from '../data/queries';
import type { DataSchema } from '../data/schema';

export type ProfileKind = 'applicant' | 'agency';

export interface ProfileAggregate {
  name: string;
  filings: number;
  classes: number;
  first_date: string;
  last_date: string;
  hits: number;
  distinct_marks: number;
  distinct_owners: number;
  public_hits: number;
  max_on_owner: number;
}

export const PROFILE_SORTS = { hits: 'hits', filings: 'filings', distinctMarksHit: 'distinct_marks', classes: 'classes', lastDate: 'last_date', name: 'c.name' } as const;

export interface ProfileScope {
  kind: ProfileKind;
  /** exactly this name */
  name?: string;
  /** only those with a hit that was not dismissed */
  onlyWithHits?: boolean;
  /** names containing this text */
  search?: string;
}

const eb = expressionBuilder<DataSchema, 'filings'>();

/** What SQL's lower() does on both stores (SQLite's, and PostgreSQL's under COLLATE "C"): A-Z only. */
const latinLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

function scopeCondition(dialect: DataDialect, scope: ProfileScope): Expression<SqlBool> {
  const name = eb.ref(`filings.${scope.kind}`);
  const conditions: Expression<SqlBool>[] = [];
  if (scope.name !== undefined) conditions.push(eb(name, '=', scope.name));
  else conditions.push(eb(name, '<>', ''));
  if (scope.onlyWithHits) {
    const kept = eb.selectFrom('hits').select('hits.id').whereRef('hits.filing_id', '=', 'filings.id').where('hits.decision', '<>', 'dismissed');
    conditions.push(eb.exists(kept));
  }
  // Case-blind for Latin letters on both stores, as the queue's text filter is (SQLite's LIKE was, PostgreSQL's is
  // not), and a plain substring: the clerk's % or _ is a character, not a wildcard.
  if (scope.search) conditions.push(containsText(dialect, eb.fn<string>('lower', [name]), latinLower(scope.search)));
  return eb.and(conditions);
}

type Scoped = DataSchema & { scope: { name: string } };

/** What each name in scope filed: how much, in how many classes, from when to when. */
function counted(column: ProfileKind) {
  return (db: QueryCreator<Scoped>) =>
    db
      .selectFrom('filings as f')
      .select((e) => [
        e.ref(`f.${column}`).as('name'),
        e.fn.countAll().as('filings'),
        e.fn.count('f.nice_class').distinct().as('classes'),
        e.fn.coalesce(e.fn.min(e.fn('nullif', ['f.filed_on', e.val('')])), e.val('')).as('first_date'),
        e.fn.coalesce(e.fn.max(e.fn('nullif', ['f.filed_on', e.val('')])), e.val('')).as('last_date'),
      ])
      .where(`f.${column}`, 'in', (e) => e.selectFrom('scope').select('scope.name'))
      .groupBy(`f.${column}`);
}

/** The hits (not dismissed) of each name in scope, with the owner of the mark hit (null when it has none). */
function ownerHits(column: ProfileKind) {
  return (db: QueryCreator<Scoped>) =>
    db
      .selectFrom('hits as h')
      .innerJoin('filings as f', 'f.id', 'h.filing_id')
      .leftJoin('protected_marks as pm', 'pm.key', 'h.mark_key')
      .select((e) => [
        e.ref(`f.${column}`).as('name'),
        'h.mark_id',
        e.fn<string | null>('nullif', [e.fn('trim', ['pm.holder']), e.val('')]).as('owner'),
        'h.mark_category',
      ])
      .where('h.decision', '<>', 'dismissed')
      .where(`f.${column}`, 'in', (e) => e.selectFrom('scope').select('scope.name'));
}

/**
 * One row per applicant (or agency) in scope, sorted. Hits that a reviewer dismissed are not evidence of anything,
 * so they do not count towards a profile. A mark without 权利人 (a public name, a record not yet filled in) has no
 * owner to count: NULL, which count(DISTINCT) and per_owner leave out, rather than one made-up owner per mark
 * (issue 10, item 7).
 */
export async function profileAggregates(
  data: DataExecutor,
  scope: ProfileScope,
  sort: { by: keyof typeof PROFILE_SORTS; dir: 'asc' | 'desc' } = { by: 'name', dir: 'asc' },
): Promise<ProfileAggregate[]> {
  const column = scope.kind;
  const rows = await data
    .with('scope', (db) => db.selectFrom('filings').select(`filings.${column} as name`).distinct().where(scopeCondition(dialectOf(data), scope)))
    .with('counted', counted(column))
    .with('owner_hits', ownerHits(column))
    .with('per_owner', (db) =>
      db.selectFrom('owner_hits').select((e) => ['name', 'owner', e.fn.countAll().as('n')]).where('owner', 'is not', null).groupBy(['name', 'owner']),
    )
    .with('hit_stats', (db) =>
      db
        .selectFrom('owner_hits')
        .select((e) => [
          'name',
          e.fn.countAll().as('hits'),
          e.fn.count('mark_id').distinct().as('distinct_marks'),
          e.fn.count('owner').distinct().as('distinct_owners'),
          e.fn.countAll().filterWhere('mark_category', '=', '公共资源').as('public_hits'),
        ])
        .groupBy('name'),
    )
    .selectFrom('counted as c')
    .leftJoin('hit_stats as s', 's.name', 'c.name')
    .select((e) => [
      'c.name',
      'c.filings',
      'c.classes',
      'c.first_date',
      'c.last_date',
      e.fn.coalesce('s.hits', e.val(0)).as('hits'),
      e.fn.coalesce('s.distinct_marks', e.val(0)).as('distinct_marks'),
      e.fn.coalesce('s.distinct_owners', e.val(0)).as('distinct_owners'),
      e.fn.coalesce('s.public_hits', e.val(0)).as('public_hits'),
      e.fn.coalesce(e.selectFrom('per_owner as p').select((p) => p.fn.max('p.n').as('m')).whereRef('p.name', '=', 'c.name'), e.val(0)).as('max_on_owner'),
    ])
    .orderBy(PROFILE_SORTS[sort.by], sort.dir)
    .orderBy('c.name')
    .execute();
  return rows.map(toAggregate);
}

// counts come back as text from PostgreSQL
function toAggregate(r: Record<keyof ProfileAggregate, unknown>): ProfileAggregate {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    name: String(r.name),
    filings: n(r.filings),
    classes: n(r.classes),
    first_date: String(r.first_date ?? ''),
    last_date: String(r.last_date ?? ''),
    hits: n(r.hits),
    distinct_marks: n(r.distinct_marks),
    distinct_owners: n(r.distinct_owners),
    public_hits: n(r.public_hits),
    max_on_owner: n(r.max_on_owner),
  };
}
