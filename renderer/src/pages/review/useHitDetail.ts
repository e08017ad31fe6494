import { useEffect, useState } from 'react';
import type { HitDetail } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

/** hits.get for the current row; `version` re-reads it after a decision. */
export function useHitDetail(hitId: number | null, version: number): { detail: HitDetail | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ detail: HitDetail | null; error: string | null }>({ detail: null, error: null });
  useEffect(() => {
    if (hitId === null) {
      setState({ detail: null, error: null });
      return;
    }
    let live = true;
    void client['hits.get']({ hitId }).then((r) => {
      if (!live) return;
      setState(r.ok ? { detail: r.value, error: null } : { detail: null, error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [client, hitId, version]);
  return state;
}
