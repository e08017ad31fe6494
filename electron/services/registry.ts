// Create, edit and delete protected marks; every change is written together with its audit entry.
import type { AuditEntry, StoredMark } from '../../shared/api';
import type { ProtectedMark } from '../../shared/domain';
import { validateMark } from '../../shared/formats/registry';
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

export function createRegistryService(ctx: AppContext) {
  return {
    list: (): StoredMark[] => ctx.marks.list(),

    create(input: ProtectedMark): StoredMark {
      const mark = validatedMark(input);
      return ctx.db.transaction(() => {
        requireFreeId(ctx, mark.id);
        const now = ctx.now();
        const key = ctx.marks.insert(mark, now);
        ctx.audit.record(
          { actor: ctx.config.actor, action: 'create', entity: MARK_ENTITY, entityKey: String(key), before: null, after: mark },
          now,
        );
        return requireMark(ctx, key);
      })();
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
