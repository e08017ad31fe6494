// The review queue's rows, fetched in pages of 200 through hits.query as the table scrolls towards the end.
// Decisions update the loaded rows in place, so a decided row stays where it is until the filters change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HitQuery, HitRow } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

export const PAGE_SIZE = 200;
/** the most rows one query may return (shared/contract/screening.ts) */
const MAX_PAGE = 1000;

export type HitFilter = Omit<HitQuery, 'offset' | 'limit'>;

export interface HitPages {
  rows: HitRow[];
  total: number | null;
  loading: boolean;
  error: string | null;
  /** increases each time the first page of a new filter (or a reload) arrives */
  generation: number;
  loadMore: () => void;
  reload: () => void;
  patch: (hitIds: readonly number[], change: Partial<HitRow>) => void;
  patchEach: (changes: ReadonlyMap<number, Partial<HitRow>>) => void;
  /** the versions a decision or an undo left hits at, on the rows and on the marks each row lists */
  patchVersions: (versions: ReadonlyArray<{ hitId: number; version: number }>, decisions?: ReadonlyMap<number, HitRow['decision']>) => void;
}

/** `initialRows`: how many rows the first answer should hold (returning to a place further down the queue). */
export function useHitPages(filter: HitFilter, initialRows = PAGE_SIZE): HitPages {
  const client = useClient();
  const [rows, setRows] = useState<HitRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [generation, setGeneration] = useState(0);
  // Each new filter starts a new sequence; answers of an older sequence are dropped.
  const sequence = useRef(0);
  const inFlight = useRef(false);
  const firstLimit = useRef(Math.min(MAX_PAGE, Math.max(PAGE_SIZE, initialRows)));
  const key = JSON.stringify(filter);

  const fetchPage = useCallback(
    async (offset: number, seq: number, limit: number) => {
      inFlight.current = true;
      setLoading(true);
      const result = await client['hits.query']({ ...(JSON.parse(key) as HitFilter), offset, limit });
      if (seq !== sequence.current) return;
      inFlight.current = false;
      setLoading(false);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setTotal(result.value.total);
      setRows((old) => (offset === 0 ? result.value.rows : [...old.slice(0, offset), ...result.value.rows]));
      if (offset === 0) setGeneration((g) => g + 1);
    },
    [client, key],
  );

  useEffect(() => {
    const seq = ++sequence.current;
    const limit = firstLimit.current;
    firstLimit.current = PAGE_SIZE;
    void fetchPage(0, seq, limit);
  }, [fetchPage, round]);

  const loadMore = useCallback(() => {
    if (inFlight.current || total === null || rows.length >= total) return;
    void fetchPage(rows.length, sequence.current, PAGE_SIZE);
  }, [fetchPage, rows.length, total]);

  const patch = useCallback((hitIds: readonly number[], change: Partial<HitRow>) => {
    const ids = new Set(hitIds);
    setRows((old) => old.map((r) => (ids.has(r.hitId) ? { ...r, ...change } : r)));
  }, []);
  const patchEach = useCallback((changes: ReadonlyMap<number, Partial<HitRow>>) => {
    setRows((old) => old.map((r) => (changes.has(r.hitId) ? { ...r, ...changes.get(r.hitId) } : r)));
  }, []);

  const patchVersions = useCallback<HitPages['patchVersions']>((versions, decisions) => {
    const byHit = new Map(versions.map((v) => [v.hitId, v.version]));
    const marksOf = (r: HitRow) =>
      r.marksHit?.map((m) => (byHit.has(m.hitId) ? { ...m, version: byHit.get(m.hitId)!, decision: decisions?.get(m.hitId) ?? m.decision } : m));
    setRows((old) =>
      old.map((r) => (byHit.has(r.hitId) || r.marksHit?.some((m) => byHit.has(m.hitId)) ? { ...r, version: byHit.get(r.hitId) ?? r.version, marksHit: marksOf(r) } : r)),
    );
  }, []);

  const reload = useCallback(() => setRound((g) => g + 1), []);
  return { rows, total, loading, error, generation, loadMore, reload, patch, patchEach, patchVersions };
}
