// quickCheck as the user types: 150 ms after the last key, the latest answer wins.
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { QuickCheckHitSchema } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';

export type QuickCheckHit = z.infer<typeof QuickCheckHitSchema>;
export const QUICK_CHECK_DEBOUNCE_MS = 150;

export interface QuickCheckState {
  /** the text the hits answer, null before the first answer */
  answeredFor: string | null;
  hits: QuickCheckHit[];
  error: string | null;
  pending: boolean;
}

export function useQuickCheck(text: string, niceClass: number | null): QuickCheckState {
  const client = useClient();
  const [state, setState] = useState<QuickCheckState>({ answeredFor: null, hits: [], error: null, pending: false });
  const sequence = useRef(0);
  const trimmed = text.trim();

  useEffect(() => {
    const seq = ++sequence.current;
    if (!trimmed) {
      setState({ answeredFor: null, hits: [], error: null, pending: false });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    const timer = window.setTimeout(() => {
      const input = niceClass === null ? { text: trimmed } : { text: trimmed, niceClass };
      void client.quickCheck(input).then((r) => {
        if (seq !== sequence.current) return;
        setState(
          r.ok
            ? { answeredFor: trimmed, hits: r.value, error: null, pending: false }
            : { answeredFor: trimmed, hits: [], error: r.error.message, pending: false },
        );
      });
    }, QUICK_CHECK_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [client, trimmed, niceClass]);

  return state;
}
