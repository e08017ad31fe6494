// The version an edit of a stored mark is saved against, and what happens when another clerk saved the record
// meanwhile: the refusal is kept with the record as it is now until the clerk chooses to load it (dropping the
// edits, said so) or to keep the edits and save them over it at the next 保存 (the current version becomes the base).
import { useState } from 'react';
import { markConflictOf, type StoredMark } from '../../../../shared/api';
import type { AppError } from '../../../../shared/result';

export interface MarkConflictState {
  message: string;
  current: StoredMark;
}

/** `load`: puts the record's values into the form. */
export function useMarkConflict(mark: StoredMark | undefined, load: (current: StoredMark) => void) {
  // the version a save names: the one loaded, or the current one the clerk chose after a conflict
  const [base, setBase] = useState<StoredMark | undefined>(mark);
  const [conflict, setConflict] = useState<MarkConflictState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    base,
    conflict,
    notice,
    /** before a save: the last refusal and notice go */
    clear() {
      setConflict(null);
      setNotice(null);
    },
    /** whether `error` is a save's conflict carrying the current record (then shown) */
    refused(error: AppError): boolean {
      const current = markConflictOf(error);
      if (current) setConflict({ message: error.message, current });
      return current !== null;
    },
    loadCurrent(current: StoredMark) {
      load(current);
      setBase(current);
      setConflict(null);
      setNotice('已载入最新内容，您之前填写的修改已放弃。');
    },
    keepMine(current: StoredMark) {
      setBase(current);
      setConflict(null);
      setNotice('已保留您填写的内容：点「保存」将以它替换他人刚保存的内容。');
    },
  };
}
