// Applicant and agency profiles: what each filed, how much of it hits the registry, and the bad-faith patterns of
// the examination guideline (art. 4) that the numbers show. The thresholds are deliberately plain so that a
// reviewer can explain a flag in a letter.
import type { BadFaithFlag, HitRow, ProfileRow } from '../../shared/contract/screening';
import { BAD_FAITH_LABELS, BAD_FAITH_THRESHOLDS } from '../../shared/bad-faith';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { queryHits } from '../db/repositories/hits-query';
import { localToday } from './review';

interface ProfileNumbers extends Omit<ProfileRow, 'flags' | 'kind' | 'name'> {
  maxHitsOnOneOwner: number;
}

const T = BAD_FAITH_THRESHOLDS;
export const BAD_FAITH_RULES: Record<BadFaithFlag, { label: string; applies: (p: ProfileNumbers) => boolean }> = {
  'many-owners': { label: BAD_FAITH_LABELS['many-owners'], applies: (p) => p.distinctOwnersHit >= T['many-owners'] },
  'public-resources': { label: BAD_FAITH_LABELS['public-resources'], applies: (p) => p.publicResourceHits >= T['public-resources'] },
  'bulk-filing': { label: BAD_FAITH_LABELS['bulk-filing'], applies: (p) => p.filings >= T['bulk-filing'] },
  'repeat-owner': { label: BAD_FAITH_LABELS['repeat-owner'], applies: (p) => p.maxHitsOnOneOwner >= T['repeat-owner'] },
  'many-classes': { label: BAD_FAITH_LABELS['many-classes'], applies: (p) => p.classes >= T['many-classes'] },
};

type ProfileKind = 'applicant' | 'agency';

interface AggregateRow {
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

// Hits that a reviewer dismissed are not evidence of anything, so they do not count towards a profile.
function aggregateSql(column: 'applicant' | 'agency', where: string): string {
  return `
    WITH scope AS (SELECT DISTINCT f.${column} AS name FROM filings f ${where}),
    counted AS (
      SELECT f.${column} AS name, count(*) AS filings, count(DISTINCT f.nice_class) AS classes,
             coalesce(min(nullif(f.filed_on, '')), '') AS first_date, coalesce(max(nullif(f.filed_on, '')), '') AS last_date
      FROM filings f WHERE f.${column} IN (SELECT name FROM scope) GROUP BY f.${column}
    ),
    -- a mark without 权利人 (a public name, a record not yet filled in) has no owner to count: NULL, which
    -- count(DISTINCT) and per_owner leave out, rather than one made-up owner per mark (issue 10, item 7)
    owner_hits AS (
      SELECT f.${column} AS name, h.mark_id, nullif(trim(pm.holder), '') AS owner, h.mark_category
      FROM hits h JOIN filings f ON f.id = h.filing_id LEFT JOIN protected_marks pm ON pm.key = h.mark_key
      WHERE h.decision <> 'dismissed' AND f.${column} IN (SELECT name FROM scope)
    ),
    per_owner AS (SELECT name, owner, count(*) AS n FROM owner_hits WHERE owner IS NOT NULL GROUP BY name, owner),
    hit_stats AS (
      SELECT name, count(*) AS hits, count(DISTINCT mark_id) AS distinct_marks, count(DISTINCT owner) AS distinct_owners,
             sum(mark_category = '公共资源') AS public_hits
      FROM owner_hits GROUP BY name
    )
    SELECT c.name, c.filings, c.classes, c.first_date, c.last_date, coalesce(s.hits, 0) AS hits,
           coalesce(s.distinct_marks, 0) AS distinct_marks, coalesce(s.distinct_owners, 0) AS distinct_owners,
           coalesce(s.public_hits, 0) AS public_hits,
           coalesce((SELECT max(n) FROM per_owner p WHERE p.name = c.name), 0) AS max_on_owner
    FROM counted c LEFT JOIN hit_stats s ON s.name = c.name`;
}

function toProfile(kind: ProfileKind, row: AggregateRow): ProfileRow {
  const numbers = {
    filings: row.filings,
    classes: row.classes,
    hits: row.hits,
    distinctMarksHit: row.distinct_marks,
    distinctOwnersHit: row.distinct_owners,
    publicResourceHits: row.public_hits,
    firstDate: row.first_date,
    lastDate: row.last_date,
  };
  const flags = (Object.keys(BAD_FAITH_RULES) as BadFaithFlag[]).filter((flag) =>
    BAD_FAITH_RULES[flag].applies({ ...numbers, maxHitsOnOneOwner: row.max_on_owner }),
  );
  return { kind, name: row.name, ...numbers, flags };
}

const SORTS = { hits: 'hits', filings: 'filings', distinctMarksHit: 'distinct_marks', classes: 'classes', lastDate: 'last_date', name: 'name' } as const;

export function createProfileService(ctx: AppContext) {
  function list(options: { kind: ProfileKind; onlyWithHits: boolean; search?: string; sortBy: keyof typeof SORTS; sortDir: 'asc' | 'desc'; offset: number; limit: number }) {
    const column = options.kind;
    const conditions = [`f.${column} <> ''`];
    const params: Record<string, unknown> = {};
    if (options.onlyWithHits) conditions.push("EXISTS (SELECT 1 FROM hits h WHERE h.filing_id = f.id AND h.decision <> 'dismissed')");
    if (options.search) {
      conditions.push(`f.${column} LIKE @search`);
      params.search = `%${options.search}%`;
    }
    const rows = ctx.db
      .prepare<Record<string, unknown>, AggregateRow>(
        `${aggregateSql(column, `WHERE ${conditions.join(' AND ')}`)}
         ORDER BY ${SORTS[options.sortBy]} ${options.sortDir === 'asc' ? 'ASC' : 'DESC'}, c.name`,
      )
      .all(params);
    return { total: rows.length, rows: rows.slice(options.offset, options.offset + options.limit).map((r) => toProfile(options.kind, r)) };
  }

  return {
    list,
    get(kind: ProfileKind, name: string): ProfileRow & { hitRows: HitRow[] } {
      const [row] = ctx.db
        .prepare<{ name: string }, AggregateRow>(aggregateSql(kind, `WHERE f.${kind} = @name`))
        .all({ name });
      if (!row) throw new AppFailure('not-found', `没有找到${kind === 'applicant' ? '申请人' : '代理机构'}「${name}」的申请记录`);
      const hitRows = queryHits(
        ctx.db,
        { source: 'filing', [kind]: name, sortBy: 'score', sortDir: 'desc', offset: 0, limit: 1000 },
        localToday(ctx.now()),
      ).rows;
      return { ...toProfile(kind, row), hitRows };
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
