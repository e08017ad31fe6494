// Keyboard in the registry table: arrows and Page Up/Down move the selection, Enter edits it, Delete asks to delete it.
import type { KeyboardEvent } from 'react';
import type { StoredMark } from '../../../../shared/api';

interface TableActions {
  onSelect: (mark: StoredMark) => void;
  onEdit: (mark: StoredMark) => void;
  onDelete: (mark: StoredMark) => void;
}

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15 };

export function useTableKeyboard(
  marks: readonly StoredMark[],
  selectedKey: number | null,
  actions: TableActions,
  scrollToIndex: (index: number) => void,
): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    if (event.target !== event.currentTarget) return; // a row's own buttons handle their keys
    const current = marks.findIndex((m) => m.key === selectedKey);
    const step = STEPS[event.key];
    if (step !== undefined) {
      const next = Math.min(marks.length - 1, Math.max(0, current < 0 ? 0 : current + step));
      const mark = marks[next];
      if (!mark) return;
      event.preventDefault();
      actions.onSelect(mark);
      scrollToIndex(next);
      return;
    }
    const selected = marks[current];
    if (!selected || (event.key !== 'Enter' && event.key !== 'Delete')) return;
    // Without this the same Enter would go on to submit the form the editor has just focused.
    event.preventDefault();
    if (event.key === 'Enter') actions.onEdit(selected);
    else actions.onDelete(selected);
  };
}
