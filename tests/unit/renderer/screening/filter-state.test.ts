import { describe, expect, it } from 'vitest';
import { defaultFilter, filterFromHash, isFiltered, toggleSort, withFilter } from '../../../../renderer/src/pages/review/filter-state';

describe('review filter', () => {
  it('starts with undecided filings that can still be opposed, nearest deadline first; listings best first', () => {
    expect(filterFromHash('filing', '#/review')).toEqual({ source: 'filing', decision: 'undecided', deadline: 'open', sortBy: 'deadline', sortDir: 'asc' });
    expect(filterFromHash('listing', '#/listings')).toEqual({ source: 'listing', decision: 'undecided', sortBy: 'score', sortDir: 'desc' });
  });

  it('a link naming what it wants shows all of it, whatever the deadline; a batch link filters by batch', () => {
    expect(filterFromHash('filing', '#/review?decision=all&text=61004658').deadline).toBeUndefined();
    expect(filterFromHash('filing', '#/review?batchId=7&decision=all')).toMatchObject({ batchId: 7 });
    expect(filterFromHash('filing', '#/review?batchId=x').batchId).toBeUndefined();
  });

  it('reads a deadline link and sorts by the nearest deadline', () => {
    expect(filterFromHash('filing', '#/review?deadline=within14')).toMatchObject({ deadline: 'within14', sortBy: 'deadline', sortDir: 'asc' });
    expect(filterFromHash('filing', '#/review?deadline=soon').deadline).toBeUndefined();
  });

  it('reads the links of the profiles and deadlines pages', () => {
    const f = filterFromHash('filing', '#/review?decision=all&applicant=%E5%BC%A0%E8%90%8D&agency=X&text=61004658&niceClass=33');
    expect(f.decision).toBeUndefined();
    expect(f).toMatchObject({ applicant: '张萍', agency: 'X', text: '61004658', niceClass: 33 });
    expect(filterFromHash('filing', '#/review?niceClass=99').niceClass).toBeUndefined();
  });

  it('clicking a header sorts by it, again flips the direction', () => {
    const byApplicant = toggleSort(defaultFilter('filing'), 'applicant');
    expect(byApplicant).toMatchObject({ sortBy: 'applicant', sortDir: 'asc' });
    expect(toggleSort(byApplicant, 'applicant').sortDir).toBe('desc');
    expect(toggleSort(byApplicant, 'score')).toMatchObject({ sortBy: 'score', sortDir: 'desc' });
  });

  it('empty values clear a filter; isFiltered ignores the order', () => {
    const base = defaultFilter('listing');
    const withPlatform = withFilter(base, 'platform', '淘宝');
    expect(isFiltered(withPlatform)).toBe(true);
    expect(isFiltered(withFilter(withPlatform, 'platform', ''))).toBe(false);
    expect(isFiltered(toggleSort(base, 'mark'))).toBe(false);
    expect(isFiltered(withFilter(base, 'decision', ''))).toBe(true);
  });
});
