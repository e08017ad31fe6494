// Loads the whole registry once (and again after each change) and precomputes its search keys.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoredMark } from '../../../../shared/api';
import type { Category } from '../../../../shared/domain';
import { buildSearchIndex, type SearchIndex } from '../../../../shared/registry-search';
import { useClient } from '../../api/context';

export interface RegistryList {
  marks: StoredMark[] | null;
  index: SearchIndex<StoredMark>;
  /** records per category in the whole registry */
  categoryCounts: Partial<Record<Category, number>>;
  error: string | null;
  reload: () => Promise<void>;
}

const markVersion = (m: StoredMark) => `${m.key}@${m.updatedAt}`;

export function useRegistryList(): RegistryList {
  const client = useClient();
  const [marks, setMarks] = useState<StoredMark[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await client['registry.list']({});
    if (result.ok) {
      setMarks(result.value);
      setError(null);
    } else {
      setError(result.error.message);
    }
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Reuse the previous load's search keys for records that did not change since.
  const previous = useRef<SearchIndex<StoredMark> | undefined>(undefined);
  const index = useMemo(() => {
    const built = buildSearchIndex(marks ?? [], { previous: previous.current, identity: markVersion });
    previous.current = built;
    return built;
  }, [marks]);
  const categoryCounts = useMemo(() => {
    const counts: Partial<Record<Category, number>> = {};
    for (const m of marks ?? []) counts[m.category] = (counts[m.category] ?? 0) + 1;
    return counts;
  }, [marks]);
  return { marks, index, categoryCounts, error, reload };
}
