// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { useHitPages, type HitFilter } from '../../../../renderer/src/pages/review/useHitPages';
import { mockClient } from '../mock-client';
import { hit } from './hit-fixtures';

afterEach(cleanup);

const TOTAL = 450;

function setup(filter: HitFilter) {
  const queries: ChannelInput<'hits.query'>[] = [];
  const mock = mockClient({
    'hits.query': (input) => {
      queries.push(input);
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 200;
      const rows = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => hit(offset + i + 1, `商标${offset + i}`));
      return { ok: true, value: { total: TOTAL, rows } };
    },
  });
  const wrapper = ({ children }: { children: ReactNode }) => <ClientProvider client={mock.client}>{children}</ClientProvider>;
  const view = renderHook(({ f }: { f: HitFilter }) => useHitPages(f), { wrapper, initialProps: { f: filter } });
  return { queries, view };
}

describe('review queue pages', () => {
  it('reads pages of 200 with offset and limit until the total is loaded', async () => {
    const { queries, view } = setup({ source: 'filing', decision: 'undecided' });
    await waitFor(() => expect(view.result.current.rows).toHaveLength(200));
    expect(queries[0]).toMatchObject({ source: 'filing', decision: 'undecided', offset: 0, limit: 200 });
    act(() => view.result.current.loadMore());
    await waitFor(() => expect(view.result.current.rows).toHaveLength(400));
    act(() => view.result.current.loadMore());
    await waitFor(() => expect(view.result.current.rows).toHaveLength(450));
    act(() => view.result.current.loadMore());
    expect(queries.map((q) => q.offset)).toEqual([0, 200, 400]);
  });

  it('starts again from the first page when the filter changes, and patches decided rows in place', async () => {
    const { queries, view } = setup({ source: 'filing' });
    await waitFor(() => expect(view.result.current.rows).toHaveLength(200));
    act(() => view.result.current.patch([1, 2], { decision: 'confirmed' }));
    expect(view.result.current.rows.slice(0, 3).map((r) => r.decision)).toEqual(['confirmed', 'confirmed', 'undecided']);
    view.rerender({ f: { source: 'filing', deadline: 'within14' } });
    await waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[1]).toMatchObject({ deadline: 'within14', offset: 0 });
  });
});
