// The profile list page by page: the table asks for the rows in view, this loads the missing pages of 200 and drops
// everything when the query changes. Answers of an older query are ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProfileRow } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import type { ProfilesQuery } from './profile-types';

export const PAGE_SIZE = 200;

export interface ProfilePages {
  /** null until the first page of the current query has arrived */
  total: number | null;
  rowAt: (index: number) => ProfileRow | undefined;
  /** loads the pages that cover rows start..end (inclusive) if they are not there yet */
  ensure: (start: number, end: number) => void;
  error: string | null;
  reload: () => void;
}

export function useProfilePages(query: ProfilesQuery): ProfilePages {
  const client = useClient();
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, ProfileRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(
    async (page: number, gen: number) => {
      pending.current.add(page);
      const input: ProfilesQuery = { ...(JSON.parse(key) as ProfilesQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      const result = await client['profiles.list'](input);
      if (gen !== generation.current) return;
      pending.current.delete(page);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(null);
      pages.current.set(page, result.value.rows);
      setTotal(result.value.total);
      setVersion((v) => v + 1);
    },
    [client, key],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    void load(0, generation.current);
  }, [load]);

  useEffect(() => {
    reload();
  }, [reload]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (!pages.current.has(page) && !pending.current.has(page)) void load(page, generation.current);
      }
    },
    [load],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { total, rowAt, ensure, error, reload };
}
