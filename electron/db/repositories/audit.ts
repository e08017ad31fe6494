// The audit log: who changed which record, when, and what it looked like before and after.
import type { AuditEntry } from '../../../shared/api';
import type { ProtectedMark } from '../../../shared/domain';
import type { Db } from '../open';

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

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  before_json: string | null;
  after_json: string | null;
  note: string;
}

export function createAuditRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json, note)
     VALUES (@at, @actor, @action, @entity, @entity_key, @before_json, @after_json, @note)`,
  );
  const forEntity = db.prepare<[string, string], AuditRow>(
    'SELECT * FROM audit_log WHERE entity = ? AND entity_key = ? ORDER BY id DESC',
  );
  return {
    record: (entry: AuditRecord, at: string): void => {
      insert.run({
        at,
        actor: entry.actor,
        action: entry.action,
        entity: entry.entity,
        entity_key: entry.entityKey,
        before_json: entry.before ? JSON.stringify(entry.before) : null,
        after_json: entry.after ? JSON.stringify(entry.after) : null,
        note: entry.note ?? '',
      });
    },
    history: (entity: string, entityKey: string): AuditEntry[] =>
      forEntity.all(entity, entityKey).map((row) => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        // Only the service writes this column, always with an AuditAction.
        action: row.action as AuditAction,
        entity: row.entity,
        entityKey: row.entity_key,
        before: row.before_json ? (JSON.parse(row.before_json) as ProtectedMark) : null,
        after: row.after_json ? (JSON.parse(row.after_json) as ProtectedMark) : null,
        note: row.note,
      })),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
