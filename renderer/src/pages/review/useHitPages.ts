// The review queue's rows, fetched in pages of 200 through hits.query as the table scrolls towards the end.
// Decisions update the loaded rows in place, so a decided row stays where it is until the filters change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HitQuery, HitRow } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

export const PAGE_SIZE = 200;

export type HitFilter = Omit<HitQuery, 'offset' | 'limit'>;

export interface HitPages {
  rows: HitRow[];
  total: number | null;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
  patch: (hitIds: readonly number[], change: Partial<HitRow>) => void;
}

export function useHitPages(filter: HitFilter): HitPages {
  const client = useClient();
  const [rows, setRows] = useState<HitRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // Each new filter starts a new sequence; answers of an older sequence are dropped.
  const sequence = useRef(0);
  const inFlight = useRef(false);
  const key = JSON.stringify(filter);

  const fetchPage = useCallback(
    async (offset: number, seq: number) => {
      inFlight.current = true;
      setLoading(true);
      const result = await client['hits.query']({ ...(JSON.parse(key) as HitFilter), offset, limit: PAGE_SIZE });
      if (seq !== sequence.current) return;
      inFlight.current = false;
      setLoading(false);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setTotal(result.value.total);
      setRows((old) => (offset === 0 ? result.value.rows : [...old.slice(0, offset), ...result.value.rows]));
    },
    [client, key],
  );

  useEffect(() => {
    const seq = ++sequence.current;
    void fetchPage(0, seq);
  }, [fetchPage, generation]);

  const loadMore = useCallback(() => {
    if (inFlight.current || total === null || rows.length >= total) return;
    void fetchPage(rows.length, sequence.current);
  }, [fetchPage, rows.length, total]);

  const patch = useCallback((hitIds: readonly number[], change: Partial<HitRow>) => {
    const ids = new Set(hitIds);
    setRows((old) => old.map((r) => (ids.has(r.hitId) ? { ...r, ...change } : r)));
  }, []);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { rows, total, loading, error, loadMore, reload, patch };
}
