// The review queue's filter: defaults, the parameters a link can carry in the page fragment
// (#/review?deadline=within14&text=61004658; also decision, applicant, agency, markId, gazetteIssue, platform,
// niceClass, batchId), and the parsing of the free inputs.
import { DeadlineFilterSchema, DecisionSchema, type BatchKind } from '../../../../shared/contract/screening';
import type { HitFilter } from './useHitPages';

export type SortKey = NonNullable<HitFilter['sortBy']>;

/**
 * What the queue opens on: undecided hits; for filings only those that can still be opposed, nearest deadline
 * first (the overdue ones have their own deadline filter). Listings have no deadline: highest score first.
 */
export function defaultFilter(source: BatchKind): HitFilter {
  if (source === 'listing') return { source, decision: 'undecided', sortBy: 'score', sortDir: 'desc' };
  return { source, decision: 'undecided', deadline: 'open', sortBy: 'deadline', sortDir: 'asc' };
}

/** Parameters after "?" in the fragment, e.g. "#/review?deadline=within14". */
export function hashParams(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** True when the fragment carries filter parameters (a link from another page), not just the page. */
export function hasHashFilter(hash: string): boolean {
  return [...hashParams(hash).keys()].length > 0;
}

/**
 * The filter a link asks for. A link that names what it wants (an application number, an applicant, a batch)
 * shows all of it, whatever the deadline, highest score first; without parameters the queue's default applies.
 */
export function filterFromHash(source: BatchKind, hash: string): HitFilter {
  const params = hashParams(hash);
  const filter: HitFilter = hasHashFilter(hash) ? { source, decision: 'undecided', sortBy: 'score', sortDir: 'desc' } : defaultFilter(source);
  const deadline = DeadlineFilterSchema.safeParse(params.get('deadline'));
  if (deadline.success) {
    filter.deadline = deadline.data;
    filter.sortBy = 'deadline';
    filter.sortDir = 'asc';
  }
  const decision = params.get('decision');
  if (decision === 'all') delete filter.decision;
  else {
    const parsed = DecisionSchema.safeParse(decision);
    if (parsed.success) filter.decision = parsed.data;
  }
  for (const key of ['text', 'applicant', 'agency', 'markId', 'gazetteIssue', 'platform'] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const niceClass = Number(params.get('niceClass'));
  if (Number.isInteger(niceClass) && niceClass >= 1 && niceClass <= 45) filter.niceClass = niceClass;
  const batchId = Number(params.get('batchId'));
  if (Number.isInteger(batchId) && batchId > 0) filter.batchId = batchId;
  return filter;
}

/** Sets or clears one key of the filter; empty strings and undefined clear it. */
export function withFilter<K extends keyof HitFilter>(filter: HitFilter, key: K, value: HitFilter[K] | '' | undefined): HitFilter {
  const next = { ...filter };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value as HitFilter[K];
  return next;
}

/** Clicking a header: the same column flips the direction, another column starts with its natural direction. */
export function toggleSort(filter: HitFilter, key: SortKey): HitFilter {
  if (filter.sortBy === key) return { ...filter, sortDir: filter.sortDir === 'asc' ? 'desc' : 'asc' };
  const ascending: SortKey[] = ['deadline', 'applicant', 'mark', 'niceClass'];
  return { ...filter, sortBy: key, sortDir: ascending.includes(key) ? 'asc' : 'desc' };
}

export function isFiltered(filter: HitFilter): boolean {
  const base = defaultFilter(filter.source);
  const keys = new Set([...Object.keys(filter), ...Object.keys(base)]) as Set<keyof HitFilter>;
  return [...keys].some((k) => k !== 'sortBy' && k !== 'sortDir' && filter[k] !== base[k]);
}
