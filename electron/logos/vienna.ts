// Vienna codes (图形要素) of registry marks, a second signal on a hit (shared/figurative.ts withViennaCodes). They
// come from the registry file's optional 图形要素 column and are kept apart from the mark's fields (migration 11).
import { parseViennaCodes } from '../../shared/formats/vienna';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import type { Db } from '../db/open';
import { MARK_ENTITY } from '../services/registry';

/** Replaces a mark's codes. */
export function setMarkViennaCodes(db: Db, markKey: number, codes: readonly string[]): void {
  db.prepare('DELETE FROM mark_vienna_codes WHERE mark_key = ?').run(markKey);
  const insert = db.prepare('INSERT OR IGNORE INTO mark_vienna_codes (mark_key, code) VALUES (?, ?)');
  for (const code of codes) insert.run(markKey, code);
}

/** A mark's codes, in order. */
export function markViennaCodes(db: Db, markKey: number): string[] {
  return db.prepare<[number], { code: string }>('SELECT code FROM mark_vienna_codes WHERE mark_key = ? ORDER BY code').all(markKey).map((r) => r.code);
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

/** The editor's 图形要素: the codes typed replace the mark's; the audit log notes the change (the registry changed). */
export function editMarkViennaCodes(ctx: AppContext, markKey: number, text: string): string[] {
  if (!ctx.marks.get(markKey)) throw new AppFailure('not-found', '找不到该保护名录记录');
  const parsed = parseViennaCodes(text);
  if (!parsed.ok) throw new AppFailure('invalid-input', parsed.reason);
  const before = markViennaCodes(ctx.db, markKey);
  if (before.join(';') === parsed.value.join(';')) return before;
  ctx.db.transaction(() => {
    setMarkViennaCodes(ctx.db, markKey, parsed.value);
    ctx.audit.record({ actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(markKey), before: null, after: null,
      note: `图形要素：${before.join('、') || '无'} → ${parsed.value.join('、') || '无'}` }, ctx.now());
  })();
  return parsed.value;
}
