import { useCallback, useState } from 'react';
import { clickCheckbox, EMPTY_SELECTION, selectAll, type Selection } from './selection';

/** The checked rows of the queue, by hit id; `rowIds` are the loaded rows in order. */
export function useSelection(rowIds: readonly number[]) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const clear = useCallback(() => setSelection(EMPTY_SELECTION), []);
  return {
    ids: selection.ids,
    check: (index: number, shift: boolean) => setSelection((s) => clickCheckbox(s, rowIds, index, shift)),
    checkAll: (all: boolean) => setSelection(selectAll(rowIds, all)),
    clear,
  };
}
