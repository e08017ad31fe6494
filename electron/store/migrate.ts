// The store's migrations, applied in name order by Kysely's Migrator (its own table records which ran). The same
// list runs on SQLite and PostgreSQL; a migration that needs to know which gets the store's kind.
import { Migrator, type Migration } from 'kysely';
import { accountsMigration } from './migrations/001-accounts';
import { mustChangePasswordMigration } from './migrations/002-must-change-password';
import type { Store, StoreKind } from './store';

export function storeMigrations(kind: StoreKind): Record<string, Migration> {
  return {
    '001-accounts': accountsMigration(kind),
    '002-must-change-password': mustChangePasswordMigration,
  };
}

function migrator(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: { getMigrations: () => Promise.resolve(storeMigrations(store.kind)) },
    // Kysely's migration tables would otherwise be looked for in every schema of the database (a neighbour's would
    // count as ours); keep them beside the store's own tables.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
}

/** Applies every pending migration; throws with the failing migration's name and reason. */
export async function migrateStore(store: Store): Promise<string[]> {
  const { error, results } = await migrator(store).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? '?';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库 ${store.where} 的迁移 ${failed} 失败：${reason}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Undoes the newest migration (tests check each migration's down). */
export async function migrateStoreDown(store: Store): Promise<void> {
  const { error } = await migrator(store).migrateDown();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
