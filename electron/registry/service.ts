// Create, edit and delete protected marks; every change is written in one transaction with its audit entry.
import type { AuditEntry, StoredMark } from '../../shared/api';
import type { ProtectedMark } from '../../shared/domain';
import { validateMark } from '../../shared/formats/registry';
import { findDuplicates, mergeMarks } from '../../shared/registry-duplicates';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { auditRepository } from '../data/audit';
import { inTransaction, type DataExecutor } from '../data/queries';
import { marksRepository, toProtectedMark } from './marks';

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

async function requireFreeId(db: DataExecutor, id: string, ownKey?: number): Promise<void> {
  const holder = await marksRepository(db).getByMarkId(id);
  if (holder && holder.key !== ownKey) {
    throw new AppFailure('conflict', `编号「${id}」已被「${holder.name}」使用，请换一个编号`);
  }
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
  await marksRepository(tx).update(kept.key, merged.value, now);
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
      return inTransaction(ctx.data, async (tx) => {
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
      });
    },

    /** Hits of the mark, and letters citing them: what a deletion leaves without its record. */
    async usage(key: number): Promise<{ hits: number; letters: number }> {
      await requireMark(ctx.data, key);
      return marksRepository(ctx.data).usage(key);
    },

    async update(key: number, input: ProtectedMark): Promise<StoredMark> {
      const mark = validatedMark(input);
      return inTransaction(ctx.data, async (tx) => {
        const before = toProtectedMark(await requireMark(tx, key));
        await requireFreeId(tx, mark.id, key);
        if (JSON.stringify(before) === JSON.stringify(mark)) return requireMark(tx, key);
        const now = ctx.now();
        await marksRepository(tx).update(key, mark, now);
        await auditRepository(tx).record(
          { actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(key), before, after: mark },
          now,
        );
        return requireMark(tx, key);
      });
    },

    async remove(key: number): Promise<{ deleted: boolean }> {
      return inTransaction(ctx.data, async (tx) => {
        const before = toProtectedMark(await requireMark(tx, key));
        const now = ctx.now();
        await marksRepository(tx).remove(key);
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
