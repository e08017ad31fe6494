// Create, edit and delete protected marks; every change is written together with its audit entry.
import type { AuditEntry, StoredMark } from '../../shared/api';
import type { ProtectedMark } from '../../shared/domain';
import { validateMark } from '../../shared/formats/registry';
import { findDuplicates, mergeMarks } from '../../shared/registry-duplicates';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { toProtectedMark } from '../db/repositories/marks';

export const MARK_ENTITY = 'protected_mark';

/** The importer's validation (shared/formats/registry.ts) for a record typed in the editor: one rule for every way in. */
export function validatedMark(input: ProtectedMark): ProtectedMark {
  const checked = validateMark(input);
  if (!checked.ok) throw new AppFailure('invalid-input', checked.reason);
  return checked.value;
}

function requireMark(ctx: AppContext, key: number): StoredMark {
  const stored = ctx.marks.get(key);
  if (!stored) throw new AppFailure('not-found', '该记录不存在，可能已被删除。请刷新列表。');
  return stored;
}

function requireFreeId(ctx: AppContext, id: string, ownKey?: number): void {
  const holder = ctx.marks.getByMarkId(id);
  if (holder && holder.key !== ownKey) {
    throw new AppFailure('conflict', `编号「${id}」已被「${holder.name}」使用，请换一个编号`);
  }
}

/** Merges `extra` into the stored record `kept` (one audited update); the merged record must still be valid. */
export function mergeIntoStored(ctx: AppContext, kept: StoredMark, extra: ProtectedMark, note: string): StoredMark {
  const before = toProtectedMark(kept);
  const merged = validateMark(mergeMarks(before, extra));
  if (!merged.ok) throw new AppFailure('invalid-input', `无法合并到「${kept.id} ${kept.name}」：${merged.reason}`);
  if (JSON.stringify(before) === JSON.stringify(merged.value)) return kept;
  const now = ctx.now();
  ctx.marks.update(kept.key, merged.value, now);
  ctx.audit.record(
    { actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(kept.key), before, after: merged.value, note },
    now,
  );
  return requireMark(ctx, kept.key);
}

export function createRegistryService(ctx: AppContext) {
  const mergeInto = (kept: StoredMark, extra: ProtectedMark, note: string) => mergeIntoStored(ctx, kept, extra, note);
  return {
    list: (): StoredMark[] => ctx.marks.list(),

    findDuplicates: (input: ProtectedMark): StoredMark[] => findDuplicates(validatedMark(input), ctx.marks.list()),

    /**
     * A record that repeats a mark of the registry (same folded name and category) is written only with the
     * clerk's choice: merged into the first such record, or kept as a second one.
     */
    create(input: ProtectedMark, duplicates?: 'merge' | 'keep'): StoredMark {
      const mark = validatedMark(input);
      return ctx.db.transaction(() => {
        requireFreeId(ctx, mark.id);
        const [first, ...more] = findDuplicates(mark, ctx.marks.list());
        if (first && duplicates === undefined) {
          const names = [first, ...more].map((m) => `${m.id}「${m.name}」`).join('、');
          throw new AppFailure('conflict', `名录中已有同名同类别的记录 ${names}：请选择合并到已有记录，或保留为两条记录`);
        }
        if (first && duplicates === 'merge') return mergeInto(first, mark, `合并新建的「${mark.id} ${mark.name}」`);
        const now = ctx.now();
        const key = ctx.marks.insert(mark, now);
        ctx.audit.record(
          { actor: ctx.config.actor, action: 'create', entity: MARK_ENTITY, entityKey: String(key), before: null, after: mark },
          now,
        );
        return requireMark(ctx, key);
      })();
    },

    /** Hits of the mark, and letters citing them: what a deletion leaves without its record. */
    usage(key: number): { hits: number; letters: number } {
      requireMark(ctx, key);
      const row = ctx.db
        .prepare<[number, number], { hits: number; letters: number }>(
          `SELECT (SELECT count(*) FROM hits WHERE mark_key = ?) AS hits,
                  (SELECT count(DISTINCT lh.letter_id) FROM letter_hits lh JOIN hits h ON h.id = lh.hit_id WHERE h.mark_key = ?) AS letters`,
        )
        .get(key, key);
      return { hits: row?.hits ?? 0, letters: row?.letters ?? 0 };
    },

    update(key: number, input: ProtectedMark): StoredMark {
      const mark = validatedMark(input);
      return ctx.db.transaction(() => {
        const before = toProtectedMark(requireMark(ctx, key));
        requireFreeId(ctx, mark.id, key);
        if (JSON.stringify(before) === JSON.stringify(mark)) return requireMark(ctx, key);
        const now = ctx.now();
        ctx.marks.update(key, mark, now);
        ctx.audit.record(
          { actor: ctx.config.actor, action: 'update', entity: MARK_ENTITY, entityKey: String(key), before, after: mark },
          now,
        );
        return requireMark(ctx, key);
      })();
    },

    remove(key: number): { deleted: boolean } {
      return ctx.db.transaction(() => {
        const before = toProtectedMark(requireMark(ctx, key));
        const now = ctx.now();
        ctx.marks.remove(key);
        ctx.audit.record(
          { actor: ctx.config.actor, action: 'delete', entity: MARK_ENTITY, entityKey: String(key), before, after: null },
          now,
        );
        return { deleted: true };
      })();
    },

    history: (key: number): AuditEntry[] => ctx.audit.history(MARK_ENTITY, String(key)),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
