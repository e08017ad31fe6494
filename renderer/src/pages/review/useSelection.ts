import { useCallback, useState } from 'react';
import { clickCheckbox, EMPTY_SELECTION, selectAll, type Selection } from './selection';

/**
 * The checked rows of the queue, by hit id; `rowIds` are the loaded rows in order. `allMatching` extends the
 * selection to every hit the filter matches, loaded or not (decided on the server).
 */
export function useSelection(rowIds: readonly number[]) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [allMatching, setAllMatching] = useState(false);
  const clear = useCallback(() => {
    setSelection(EMPTY_SELECTION);
    setAllMatching(false);
  }, []);
  return {
    ids: selection.ids,
    allMatching,
    check: (index: number, shift: boolean) => {
      setAllMatching(false);
      setSelection((s) => clickCheckbox(s, rowIds, index, shift));
    },
    checkAll: (all: boolean) => {
      setAllMatching(false);
      setSelection(selectAll(rowIds, all));
    },
    selectAllMatching: () => {
      setSelection(selectAll(rowIds, true));
      setAllMatching(true);
    },
    clear,
  };
}
