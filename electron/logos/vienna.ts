// Vienna codes (图形要素) of registry marks, a second signal on a hit (shared/figurative.ts withViennaCodes). They
// come from the registry file's optional 图形要素 column and are kept apart from the mark's fields (migration 11).
import { parseViennaCodes } from '../../shared/formats/vienna';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { auditRepository } from '../data/audit';
import { inTransaction, type DataExecutor } from '../data/queries';
import { marksRepository } from '../registry/marks';
import { MARK_ENTITY } from '../registry/service';

/** Replaces a mark's codes (call it on a transaction: the delete and the inserts belong together). */
export async function setMarkViennaCodes(db: DataExecutor, markKey: number, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('mark_vienna_codes').where('mark_key', '=', markKey).execute();
  if (codes.length === 0) return;
  await db
    .insertInto('mark_vienna_codes')
    .values(codes.map((code) => ({ mark_key: markKey, code })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A mark's codes, in order. */
export async function markViennaCodes(db: DataExecutor, markKey: number): Promise<string[]> {
  const rows = await db.selectFrom('mark_vienna_codes').select('code').where('mark_key', '=', markKey).orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** Every mark's codes by its 编号. */
export async function loadMarkViennaCodes(db: DataExecutor): Promise<Map<string, Set<string>>> {
  const codes = new Map<string, Set<string>>();
  const rows = await db
    .selectFrom('mark_vienna_codes as c')
    .innerJoin('protected_marks as m', 'm.key', 'c.mark_key')
    .select(['m.mark_id', 'c.code'])
    .orderBy('m.mark_id')
    .orderBy('c.code')
    .execute();
  for (const { mark_id: id, code } of rows) codes.set(id, (codes.get(id) ?? new Set()).add(code));
  return codes;
}

/** The editor's 图形要素: the codes typed replace the mark's; the audit log notes the change (the registry changed). */
export async function editMarkViennaCodes(ctx: AppContext, markKey: number, text: string): Promise<string[]> {
  if (!(await marksRepository(ctx.data).get(markKey))) throw new AppFailure('not-found', '找不到该保护名录记录');
  const parsed = parseViennaCodes(text);
  if (!parsed.ok) throw new AppFailure('invalid-input', parsed.reason);
  return inTransaction(ctx.data, async (tx) => {
    const before = await markViennaCodes(tx, markKey);
    if (before.join(';') === parsed.value.join(';')) return before;
    await setMarkViennaCodes(tx, markKey, parsed.value);
    await auditRepository(tx).record({ actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(markKey), before: null, after: null,
      note: `图形要素：${before.join('、') || '无'} → ${parsed.value.join('、') || '无'}` }, ctx.now());
    return parsed.value;
  });
}
