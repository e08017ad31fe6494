// The hits a dismissal applies to and its note, between opening the chooser and pressing Enter.
import { useRef, useState } from 'react';
import type { DismissReason } from './labels';
import type { HitFilter } from './useHitPages';
import type { Decide, DecideMatching } from './useDecide';

/** the given hits, or every hit matching a filter (`count` of them) */
export type DismissTargets = { hitIds: number[] } | { filter: HitFilter; count: number };

export function useDismiss(decide: Decide, decideMatching: DecideMatching) {
  const [note, setNote] = useState('');
  const [count, setCount] = useState(0);
  const targets = useRef<DismissTargets>({ hitIds: [] });
  return {
    note,
    setNote,
    /** how many hits the open chooser will dismiss */
    count,
    /** remembers the targets; false when there are none */
    begin: (next: DismissTargets): boolean => {
      targets.current = next;
      const n = 'hitIds' in next ? next.hitIds.length : next.count;
      setCount(n);
      setNote('');
      return n > 0;
    },
    finish: (reason: DismissReason) => {
      const t = targets.current;
      if ('hitIds' in t) void decide(t.hitIds, 'dismissed', reason, note);
      else void decideMatching(t.filter, 'dismissed', reason, note);
    },
  };
}
