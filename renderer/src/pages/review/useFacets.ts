// The values the filters offer (protected marks with hits, gazette issues, platforms, classes) and the decision counts.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { BatchKind, HitFacetsSchema } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

export type HitFacets = z.infer<typeof HitFacetsSchema>;

export function useFacets(source: BatchKind, refresh: number): HitFacets | null {
  const client = useClient();
  const [facets, setFacets] = useState<HitFacets | null>(null);
  useEffect(() => {
    let live = true;
    void client['hits.facets']({ source }).then((r) => {
      if (live && r.ok) setFacets(r.value);
    });
    return () => {
      live = false;
    };
  }, [client, source, refresh]);
  return facets;
}
