// Key/value settings stored as JSON (migration 2).
import type { Db } from '../open';

export function createSettingsRepository(db: Db) {
  const read = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const write = db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  return {
    get: <T>(key: string): T | undefined => {
      const row = read.get(key);
      return row ? (JSON.parse(row.value_json) as T) : undefined;
    },
    set: (key: string, value: unknown, now: string): void => {
      write.run(key, JSON.stringify(value), now);
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
