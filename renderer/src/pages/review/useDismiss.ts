// The hits a dismissal applies to and its note, between opening the chooser and pressing Enter.
import { useRef, useState } from 'react';
import type { DismissReason } from './labels';
import type { Decide } from './useDecide';

export function useDismiss(decide: Decide) {
  const [note, setNote] = useState('');
  const [count, setCount] = useState(0);
  const targets = useRef<number[]>([]);
  return {
    note,
    setNote,
    /** how many hits the open chooser will dismiss */
    count,
    /** remembers the targets; false when there are none */
    begin: (hitIds: number[]): boolean => {
      targets.current = hitIds;
      setCount(hitIds.length);
      setNote('');
      return hitIds.length > 0;
    },
    finish: (reason: DismissReason) => void decide(targets.current, 'dismissed', reason, note),
  };
}
