// Vienna codes (图形要素) of registry marks, a second signal on a hit (shared/figurative.ts withViennaCodes). They
// come from the registry file's optional 图形要素 column and are kept apart from the mark's fields (migration 11).
import type { Db } from '../db/open';

/** Replaces a mark's codes. */
export function setMarkViennaCodes(db: Db, markKey: number, codes: readonly string[]): void {
  db.prepare('DELETE FROM mark_vienna_codes WHERE mark_key = ?').run(markKey);
  const insert = db.prepare('INSERT OR IGNORE INTO mark_vienna_codes (mark_key, code) VALUES (?, ?)');
  for (const code of codes) insert.run(markKey, code);
}

/** Every mark's codes by its 编号. */
export function loadMarkViennaCodes(db: Db): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  const rows = db.prepare<[], { mark_id: string; code: string }>(
    'SELECT m.mark_id, c.code FROM mark_vienna_codes c JOIN protected_marks m ON m.key = c.mark_key',
  ).all();
  for (const { mark_id: id, code } of rows) codes.set(id, (codes.get(id) ?? new Set()).add(code));
  return codes;
}
