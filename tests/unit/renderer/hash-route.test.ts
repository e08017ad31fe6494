import { describe, expect, it } from 'vitest';
import { pageFromHash } from '../../../renderer/src/app/useHashRoute';

const PAGES = ['registry', 'backup', 'about'] as const;

describe('pages in the URL fragment', () => {
  it('reads the page from #/name and falls back for anything else', () => {
    expect(pageFromHash('#/about', PAGES, 'registry')).toBe('about');
    expect(pageFromHash('#/backup?x=1', PAGES, 'registry')).toBe('backup');
    expect(pageFromHash('', PAGES, 'registry')).toBe('registry');
    expect(pageFromHash('#/unknown', PAGES, 'registry')).toBe('registry');
    expect(pageFromHash('#token=abc', PAGES, 'registry')).toBe('registry');
  });
});
