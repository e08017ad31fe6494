// TEMPORARY (issue 11): synchronous reads and writes of the registry's marks, the audit log and the settings for the
// files other helpers are porting at the same time — electron/services/review.ts, hit-exports.ts and
// electron/letters/config.ts. They call these inside synchronous better-sqlite3 transactions (a decision with its
// audit entries, a letter's number with its settings), where the async repositories (electron/data/audit.ts,
// settings.ts, electron/registry/marks.ts) cannot be awaited until those transactions are ported. When they are,
// delete this file: every remaining caller then fails to compile and takes the repository on its `tx` instead.
import type { StoredMark } from '../../shared/api';
import type { AppContext } from '../context';
import { toStored } from '../registry/marks';
import { auditRow, type AuditRecord } from '../data/audit';

export function syncUntilPorted(ctx: AppContext) {
  const { db } = ctx;
  return {
    marks: {
      get(key: number): StoredMark | undefined {
        const row = db.prepare<[number], Parameters<typeof toStored>[0]>('SELECT * FROM protected_marks WHERE key = ?').get(key);
        return row && toStored(row);
      },
    },
    audit: {
      record(entry: AuditRecord, at: string): void {
        db.prepare(
          `INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json, note)
           VALUES (@at, @actor, @action, @entity, @entity_key, @before_json, @after_json, @note)`,
        ).run(auditRow(entry, at));
      },
    },
    settings: {
      get<T>(key: string): T | undefined {
        const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?').get(key);
        return row ? (JSON.parse(row.value_json) as T) : undefined;
      },
      set(key: string, value: unknown, now: string): void {
        db.prepare(
          `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        ).run(key, JSON.stringify(value), now);
      },
    },
  };
}
