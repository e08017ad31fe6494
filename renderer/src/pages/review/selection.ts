// Checkbox selection of hits: a click toggles one row; a shift-click sets every row between the last clicked row
// and this one to the state of this one.

export interface Selection {
  ids: ReadonlySet<number>;
  /** index of the last row clicked without shift */
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function clickCheckbox(selection: Selection, rowIds: readonly number[], index: number, shift: boolean): Selection {
  const id = rowIds[index];
  if (id === undefined) return selection;
  const ids = new Set(selection.ids);
  const select = !ids.has(id);
  if (shift && selection.anchor !== null) {
    const [from, to] = selection.anchor < index ? [selection.anchor, index] : [index, selection.anchor];
    for (let i = from; i <= to; i++) {
      const rowId = rowIds[i];
      if (rowId === undefined) continue;
      if (select) ids.add(rowId);
      else ids.delete(rowId);
    }
    return { ids, anchor: selection.anchor };
  }
  if (select) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: index };
}

export function selectAll(rowIds: readonly number[], all: boolean): Selection {
  return { ids: all ? new Set(rowIds) : new Set(), anchor: null };
}
