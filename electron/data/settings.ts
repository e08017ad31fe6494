// Key/value settings stored as JSON (migration 2), for every domain.
import type { DataExecutor } from './queries';

export function settingsRepository(db: DataExecutor) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(row.value_json) as T) : undefined;
    },

    async set(key: string, value: unknown, now: string): Promise<void> {
      const valueJson = JSON.stringify(value);
      await db
        .insertInto('settings')
        .values({ key, value_json: valueJson, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: valueJson, updated_at: now }))
        .execute();
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
