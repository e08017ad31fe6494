// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ProfileRow } from '../../../../shared/contract/screening';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { ProfilesPage } from '../../../../renderer/src/pages/profiles/ProfilesPage';
import { mockClient } from '../mock-client';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

// jsdom does no layout: give the scrolling list the height it has in the app, so the virtualized rows render.
let restore: (() => void) | undefined;
beforeAll(() => {
  const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  const offset = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(600);
  restore = () => {
    height.mockRestore();
    offset.mockRestore();
  };
});
afterAll(() => restore?.());

function profile(name: string, hits: number, flags: ProfileRow['flags'] = []): ProfileRow {
  return {
    kind: 'applicant',
    name,
    filings: hits * 3 + 1200,
    classes: 7,
    hits,
    distinctMarksHit: hits,
    distinctOwnersHit: 2,
    publicResourceHits: 1,
    firstDate: '2025-01-02',
    lastDate: '2025-06-30',
    flags,
  };
}

const ROWS = [profile('西宁某某贸易有限公司', 12, ['many-owners', 'bulk-filing']), profile('张三', 1)];

describe('<ProfilesPage>', () => {
  it('lists profiles with formatted numbers and flags, and sorts by a clicked column', async () => {
    const { client, calls } = mockClient({ 'profiles.list': () => ({ ok: true, value: { total: 2, rows: ROWS } }) });
    render(
      <ClientProvider client={client}>
        <ProfilesPage />
      </ClientProvider>,
    );
    expect(await screen.findByText('西宁某某贸易有限公司')).toBeTruthy();
    expect(screen.getByText('共 2 个申请人')).toBeTruthy();
    expect(screen.getByText('1,236')).toBeTruthy();
    expect(screen.getByText('抢注多个权利人的商标')).toBeTruthy();
    expect(screen.getAllByText('2025-01-02 至 2025-06-30')).toHaveLength(2);
    expect(calls[0]?.input).toMatchObject({ kind: 'applicant', onlyWithHits: true, sortBy: 'hits', sortDir: 'desc', offset: 0 });

    fireEvent.click(screen.getByRole('button', { name: /申请量/ }));
    await waitFor(() => expect(calls.at(-1)?.input).toMatchObject({ sortBy: 'filings', sortDir: 'desc' }));
    fireEvent.click(screen.getByRole('button', { name: /申请量/ }));
    await waitFor(() => expect(calls.at(-1)?.input).toMatchObject({ sortBy: 'filings', sortDir: 'asc' }));
    fireEvent.click(screen.getByRole('button', { name: /名称/ }));
    await waitFor(() => expect(calls.at(-1)?.input).toMatchObject({ sortBy: 'name', sortDir: 'asc' }));

    fireEvent.click(screen.getByRole('checkbox', { name: '只看有命中的' }));
    await waitFor(() => expect(calls.at(-1)?.input).toMatchObject({ onlyWithHits: false }));
  });

  it('loads further pages of a long list as it scrolls, not before', async () => {
    const page = (offset: number, limit: number) =>
      Array.from({ length: limit }, (_, i) => ({ ...profile(`申请人${offset + i}`, 5000 - offset - i), flags: [] }));
    const { client, calls } = mockClient({
      'profiles.list': (input) => ({ ok: true, value: { total: 5000, rows: page(input.offset ?? 0, input.limit ?? 200) } }),
    });
    const { container } = render(
      <ClientProvider client={client}>
        <ProfilesPage />
      </ClientProvider>,
    );
    expect(await screen.findByText('申请人0')).toBeTruthy();
    expect(screen.getByText('共 5,000 个申请人')).toBeTruthy();
    expect(calls.map((c) => (c.input as { offset: number }).offset)).toEqual([0]);
    const body = container.querySelector('.profiles-grid .grid-body') as HTMLElement;
    act(() => {
      body.scrollTop = 34 * 2100;
      body.dispatchEvent(new Event('scroll'));
    });
    expect(await screen.findByText('申请人2100')).toBeTruthy();
    const offsets = calls.map((c) => (c.input as { offset: number }).offset);
    expect(offsets).toContain(2000);
    expect(offsets).not.toContain(1000);
    expect(calls.every((c) => (c.input as { limit: number }).limit === 200)).toBe(true);
  });

  it('opens a profile from the fragment and links its hits to the review queue', async () => {
    const { client } = mockClient({
      'profiles.list': () => ({ ok: true, value: { total: 2, rows: ROWS } }),
      'profiles.get': (input) => ({ ok: true, value: { ...profile(input.name, 12, ['repeat-owner']), hitRows: [] } }),
    });
    render(
      <ClientProvider client={client}>
        <ProfilesPage />
      </ClientProvider>,
    );
    await screen.findByText('西宁某某贸易有限公司');
    act(() => {
      window.location.hash = '#/profiles?kind=applicant&name=' + encodeURIComponent('西宁某某贸易有限公司');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { name: '西宁某某贸易有限公司' })).toBeTruthy();
    expect(await screen.findByText('反复抢注同一权利人商标', { selector: '.flag-tag' })).toBeTruthy();
    const link = screen.getByRole('link', { name: '在审查队列中查看' });
    expect(link.getAttribute('href')).toContain('#/review?');
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toContain('applicant=西宁某某贸易有限公司');
  });
});
