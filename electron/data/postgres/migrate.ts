// The application's data on PostgreSQL (the server's, issue 11): Kysely migrations applied by its Migrator, kept
// in their own table so that they never mix with the accounts store's list (electron/store/migrate.ts) in the same
// schema. On SQLite the same tables come from the numbered migrations (electron/db/migrations); each PostgreSQL
// migration is the twin of the SQLite migration whose number it carries, and the parity test
// (tests/integration/data-postgres-schema.test.ts) compares the two schemas.
import { Migrator, type Migration } from 'kysely';
import type { Store } from '../../store/store';
import { dataMigration011 } from './migrations/011-data';
import { dataMigration012 } from './migrations/012-mark-versions';

export const DATA_MIGRATION_TABLE = 'markguard_data_migration';

/** Name order is apply order; a name's number is the SQLite migration whose schema it reaches. */
export function dataMigrations(): Record<string, Migration> {
  return {
    '011-data': dataMigration011,
    '012-mark-versions': dataMigration012,
  };
}

function migrator(store: Store): Migrator {
  if (store.kind !== 'postgres') {
    throw new Error(`数据库 ${store.where} 不是 PostgreSQL：SQLite 数据文件由编号迁移（electron/db/migrations）建立。`);
  }
  return new Migrator({
    db: store.db,
    provider: { getMigrations: () => Promise.resolve(dataMigrations()) },
    migrationTableName: DATA_MIGRATION_TABLE,
    migrationLockTableName: `${DATA_MIGRATION_TABLE}_lock`,
    // beside the data's own tables, never a neighbouring schema's
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
}

/**
 * Applies every pending data migration; returns the names applied. Throws with the failing migration's name and
 * reason — also when the schema was migrated by a newer version (a migration this one does not know).
 */
export async function migrateDataStore(store: Store): Promise<string[]> {
  const { error, results } = await migrator(store).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? '?';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库 ${store.where} 的数据迁移 ${failed} 失败：${reason}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Undoes the newest data migration (tests check each migration's down). */
export async function migrateDataStoreDown(store: Store): Promise<void> {
  const { error } = await migrator(store).migrateDown();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
