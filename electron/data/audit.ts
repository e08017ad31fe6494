// The audit log: who changed which record, when, and what it looked like before and after. Every domain writes it,
// on the executor of the change it records (a transaction's `tx`), so the entry and the change stand or fall together.
import type { AuditEntry } from '../../shared/api';
import type { ProtectedMark } from '../../shared/domain';
import type { DataExecutor } from './queries';

export type AuditAction = AuditEntry['action'];

export interface AuditRecord {
  actor: string;
  action: AuditAction;
  entity: string;
  entityKey: string;
  before: ProtectedMark | null;
  after: ProtectedMark | null;
  note?: string;
}

/** The row an entry is stored as. */
export function auditRow(entry: AuditRecord, at: string) {
  return {
    at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_key: entry.entityKey,
    before_json: entry.before ? JSON.stringify(entry.before) : null,
    after_json: entry.after ? JSON.stringify(entry.after) : null,
    note: entry.note ?? '',
  };
}

export function auditRepository(db: DataExecutor) {
  return {
    async record(entry: AuditRecord, at: string): Promise<void> {
      await db.insertInto('audit_log').values(auditRow(entry, at)).execute();
    },

    /** Several entries in one statement (an import's rows), in the order given. */
    async recordAll(entries: readonly { entry: AuditRecord; at: string }[]): Promise<void> {
      if (entries.length === 0) return;
      await db.insertInto('audit_log').values(entries.map(({ entry, at }) => auditRow(entry, at))).execute();
    },

    async history(entity: string, entityKey: string): Promise<AuditEntry[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', entity)
        .where('entity_key', '=', entityKey)
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        // Only the services write this column, always with an AuditAction.
        action: row.action as AuditAction,
        entity: row.entity,
        entityKey: row.entity_key,
        before: row.before_json ? (JSON.parse(row.before_json) as ProtectedMark) : null,
        after: row.after_json ? (JSON.parse(row.after_json) as ProtectedMark) : null,
        note: row.note,
      }));
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
