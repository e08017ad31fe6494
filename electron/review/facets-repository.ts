// What the queue's filter bar offers and counts: the marks, gazette issues, platforms and classes of the stored hits,
// and how many filings (or listings) stand at each decision. The queue shows a filing once, so it counts filings.
import type { Decision } from '../../shared/contract/screening';
import type { DataExecutor } from '../data/queries';
import { deadlineIs } from './hit-filter';

type Source = 'filing' | 'listing';

/** How many filings (or listings) have an undecided hit meeting `deadline`. */
async function undecidedFilings(data: DataExecutor, source: Source, deadline: 'actionable' | 'overdue', today: string): Promise<number> {
  const row = await data
    .selectFrom('hits as h')
    .select((eb) => eb.fn.count(eb.fn.coalesce('h.filing_id', 'h.listing_id')).distinct().as('n'))
    .where('h.source', '=', source)
    .where('h.decision', '=', 'undecided')
    .where(deadlineIs(deadline, today))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function decisionCounts(data: DataExecutor, source: Source): Promise<Record<Decision, number>> {
  const counts = await data
    .selectFrom('hits')
    .select((eb) => ['decision', eb.fn.count(eb.fn.coalesce('filing_id', 'listing_id')).distinct().as('n')])
    .where('source', '=', source)
    .groupBy('decision')
    .execute();
  const count = (decision: Decision) => Number(counts.find((c) => c.decision === decision)?.n ?? 0);
  return { undecided: count('undecided'), confirmed: count('confirmed'), dismissed: count('dismissed') };
}

export async function queueFacets(data: DataExecutor, source: Source, today: string) {
  const marks = await data
    .selectFrom('hits')
    .select((eb) => ['mark_id as markId', eb.fn.max('mark_name').as('markName'), eb.fn.countAll().as('count')])
    .where('source', '=', source)
    .groupBy('mark_id')
    .orderBy('count', 'desc')
    // marks hit equally often: by 编号, or each store lists them in its own grouping order
    .orderBy('mark_id')
    .execute();
  const gazetteIssues = await data
    .selectFrom('hits as h')
    .innerJoin('filings as f', 'f.id', 'h.filing_id')
    .select('f.gazette_issue as v')
    .distinct()
    .where('h.source', '=', source)
    .where('f.gazette_issue', '<>', '')
    .orderBy('v', 'desc')
    .execute();
  const platforms = await data
    .selectFrom('hits as h')
    .innerJoin('listings as l', 'l.id', 'h.listing_id')
    .select('l.platform as v')
    .distinct()
    .where('h.source', '=', source)
    .where('l.platform', '<>', '')
    .orderBy('v')
    .execute();
  const classes = await data
    .selectFrom('hits as h')
    .innerJoin('filings as f', 'f.id', 'h.filing_id')
    .select('f.nice_class as v')
    .distinct()
    .where('h.source', '=', source)
    .orderBy('v')
    .execute();
  return {
    marks: marks.map((m) => ({ markId: m.markId, markName: m.markName, count: Number(m.count) })),
    gazetteIssues: gazetteIssues.map((r) => r.v),
    platforms: platforms.map((r) => r.v),
    classes: classes.map((r) => r.v),
    counts: await decisionCounts(data, source),
    undecidedByDeadline: {
      actionable: await undecidedFilings(data, source, 'actionable', today),
      overdue: await undecidedFilings(data, source, 'overdue', today),
    },
  };
}

/** How many other hits the filing of a hit has (none for a listing's hit). */
export async function countOtherHitsOfFiling(data: DataExecutor, filingId: number | null, hitId: number): Promise<number> {
  if (filingId === null) return 0;
  const row = await data
    .selectFrom('hits')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('filing_id', '=', filingId)
    .where('id', '<>', hitId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
