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

const ATTEMPTS = 12;

/**
 * Runs a Migrator step again when it failed only because another schema of the database went while the migrator
 * looked for its own table: Kysely's PostgreSQL introspector lists the tables of every schema and resolves each
 * schema by name (has_schema_privilege, pg_get_serial_sequence), so a neighbour's schema dropped meanwhile fails
 * the query with 3F000 before anything is migrated. Another server or test on the same database does that.
 */
export async function pastDroppedSchemas<T extends { error?: unknown }>(store: Store, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const result = await step();
    if (attempt >= ATTEMPTS || !droppedElsewhere(store, result.error)) return result;
    // a moment for the neighbour's drop to finish; a busy database needs longer
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
  }
}

function droppedElsewhere(store: Store, error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // pg's DatabaseError carries the SQLSTATE in `code`
  const { code } = error as Error & { code?: unknown };
  const named = /^schema "(.+)" does not exist$/.exec(error.message)?.[1];
  return code === '3F000' && named !== undefined && named !== store.schema;
}

/** Applies every pending migration; throws with the failing migration's name and reason. */
export async function migrateStore(store: Store): Promise<string[]> {
  const { error, results } = await pastDroppedSchemas(store, () => migrator(store).migrateToLatest());
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? '?';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库 ${store.where} 的迁移 ${failed} 失败：${reason}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Undoes the newest migration (tests check each migration's down). */
export async function migrateStoreDown(store: Store): Promise<void> {
  const { error } = await pastDroppedSchemas(store, () => migrator(store).migrateDown());
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
