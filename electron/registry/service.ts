// Create, edit and delete protected marks; every change is written in one transaction with its audit entry.
// Several clerks share one registry on the server (issue 11): an edit or deletion names the version of the record
// the clerk saw and is refused as a conflict, with nothing written, when the record has changed since — checked when
// read and again by the write itself (marks.ts), so that two requests at once on PostgreSQL cannot both win. A 编号
// taken meanwhile is refused by the database's unique index, answered with the same message as the check before it.
import type { AuditEntry, StoredMark } from '../../shared/api';
import type { ProtectedMark } from '../../shared/domain';
import { validateMark } from '../../shared/formats/registry';
import { findDuplicates, mergeMarks } from '../../shared/registry-duplicates';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { auditRepository } from '../data/audit';
import { inTransaction, type DataExecutor } from '../data/queries';
import { localMinute } from '../review/local-time';
import { MarkIdTaken, marksRepository, toProtectedMark } from './marks';

export const MARK_ENTITY = 'protected_mark';

/** The importer's validation (shared/formats/registry.ts) for a record typed in the editor: one rule for every way in. */
export function validatedMark(input: ProtectedMark): ProtectedMark {
  const checked = validateMark(input);
  if (!checked.ok) throw new AppFailure('invalid-input', checked.reason);
  return checked.value;
}

async function requireMark(db: DataExecutor, key: number): Promise<StoredMark> {
  const stored = await marksRepository(db).get(key);
  if (!stored) throw new AppFailure('not-found', '该记录不存在，可能已被删除。请刷新列表。');
  return stored;
}

const idTaken = (id: string, holder: StoredMark | undefined) =>
  new AppFailure('conflict', holder ? `编号「${id}」已被「${holder.name}」使用，请换一个编号` : `编号「${id}」已被使用，请换一个编号`);

async function requireFreeId(db: DataExecutor, id: string, ownKey?: number): Promise<void> {
  const holder = await marksRepository(db).getByMarkId(id);
  if (holder && holder.key !== ownKey) throw idTaken(id, holder);
}

/**
 * Runs a write; a 编号 that the database found taken (by a record another clerk created after the check) is the
 * same refusal as the check's. The write's transaction has rolled back by then (on PostgreSQL it could read nothing
 * more), so the record holding the 编号 is read outside it.
 */
async function claimingId<T>(ctx: AppContext, id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof MarkIdTaken)) throw error;
    const taken = error.markId ?? id;
    throw idTaken(taken, await marksRepository(ctx.data).getByMarkId(taken));
  }
}

type Refused = '保存' | '删除';

/** The refusal of a write made on a version of `current` another clerk has changed since; it carries `current`. */
async function changedSince(db: DataExecutor, current: StoredMark, refused: Refused): Promise<AppFailure> {
  // the latest entry that wrote the record (an image or 图形要素 entry has no `after` and raises no version)
  const last = (await auditRepository(db).history(MARK_ENTITY, String(current.key))).find((entry) => entry.after !== null);
  const by = last ? `${last.actor} 于 ${localMinute(last.at)}` : localMinute(current.updatedAt);
  const message = `该商标「${current.id} ${current.name}」已被他人修改（${by}），本次${refused}未执行。请查看最新内容后再${refused}。`;
  return new AppFailure('conflict', message, current);
}

/** The record as it is now and its version the clerk saw: the record when it is still at that version. */
async function requireVersion(db: DataExecutor, key: number, version: number, refused: Refused): Promise<StoredMark> {
  const stored = await requireMark(db, key);
  if (stored.version !== version) throw await changedSince(db, stored, refused);
  return stored;
}

/**
 * Merges `extra` into the stored record `kept` (one audited update, on `tx`, the caller's transaction); the merged
 * record must still be valid.
 */
export async function mergeIntoStored(ctx: AppContext, tx: DataExecutor, kept: StoredMark, extra: ProtectedMark, note: string): Promise<StoredMark> {
  const before = toProtectedMark(kept);
  const merged = validateMark(mergeMarks(before, extra));
  if (!merged.ok) throw new AppFailure('invalid-input', `无法合并到「${kept.id} ${kept.name}」：${merged.reason}`);
  if (JSON.stringify(before) === JSON.stringify(merged.value)) return kept;
  const now = ctx.now();
  const written = await marksRepository(tx).update(kept.key, merged.value, now, kept.version);
  if (written === null) throw await changedSince(tx, await requireMark(tx, kept.key), '保存');
  await auditRepository(tx).record(
    { actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(kept.key), before, after: merged.value, note },
    now,
  );
  return requireMark(tx, kept.key);
}

export function createRegistryService(ctx: AppContext) {
  return {
    list: (): Promise<StoredMark[]> => marksRepository(ctx.data).list(),

    findDuplicates: async (input: ProtectedMark): Promise<StoredMark[]> => {
      const mark = validatedMark(input);
      return findDuplicates(mark, await marksRepository(ctx.data).list());
    },

    /**
     * A record that repeats a mark of the registry (same folded name and category) is written only with the
     * clerk's choice: merged into the first such record, or kept as a second one.
     */
    async create(input: ProtectedMark, duplicates?: 'merge' | 'keep'): Promise<StoredMark> {
      const mark = validatedMark(input);
      return claimingId(ctx, mark.id, () => inTransaction(ctx.data, async (tx) => {
        await requireFreeId(tx, mark.id);
        const [first, ...more] = findDuplicates(mark, await marksRepository(tx).list());
        if (first && duplicates === undefined) {
          const names = [first, ...more].map((m) => `${m.id}「${m.name}」`).join('、');
          throw new AppFailure('conflict', `名录中已有同名同类别的记录 ${names}：请选择合并到已有记录，或保留为两条记录`);
        }
        if (first && duplicates === 'merge') return mergeIntoStored(ctx, tx, first, mark, `合并新建的「${mark.id} ${mark.name}」`);
        const now = ctx.now();
        const key = await marksRepository(tx).insert(mark, now);
        await auditRepository(tx).record(
          { actor: ctx.config.actor, action: 'create', entity: MARK_ENTITY, entityKey: String(key), before: null, after: mark },
          now,
        );
        return requireMark(tx, key);
      }));
    },

    /** Hits of the mark, and letters citing them: what a deletion leaves without its record. */
    async usage(key: number): Promise<{ hits: number; letters: number }> {
      await requireMark(ctx.data, key);
      return marksRepository(ctx.data).usage(key);
    },

    /** `version`: the record's version as the clerk saw it (see the file's comment). */
    async update(key: number, input: ProtectedMark, version: number): Promise<StoredMark> {
      const mark = validatedMark(input);
      return claimingId(ctx, mark.id, () => inTransaction(ctx.data, async (tx) => {
        const stored = await requireVersion(tx, key, version, '保存');
        await requireFreeId(tx, mark.id, key);
        const before = toProtectedMark(stored);
        if (JSON.stringify(before) === JSON.stringify(mark)) return stored;
        const now = ctx.now();
        // the write checks the version again: another request may have written since the read above
        if ((await marksRepository(tx).update(key, mark, now, version)) === null) throw await changedSince(tx, await requireMark(tx, key), '保存');
        await auditRepository(tx).record(
          { actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(key), before, after: mark },
          now,
        );
        return requireMark(tx, key);
      }));
    },

    /** `version`: as update's. */
    async remove(key: number, version: number): Promise<{ deleted: boolean }> {
      return inTransaction(ctx.data, async (tx) => {
        const before = toProtectedMark(await requireVersion(tx, key, version, '删除'));
        const now = ctx.now();
        if (!(await marksRepository(tx).remove(key, version))) throw await changedSince(tx, await requireMark(tx, key), '删除');
        await auditRepository(tx).record(
          { actor: ctx.config.actor, action: 'delete', entity: MARK_ENTITY, entityKey: String(key), before, after: null },
          now,
        );
        return { deleted: true };
      });
    },

    history: (key: number): Promise<AuditEntry[]> => auditRepository(ctx.data).history(MARK_ENTITY, String(key)),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
