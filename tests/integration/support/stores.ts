// The Kysely store on both databases for the tests: SQLite in a temporary file, and the real PostgreSQL (CI starts
// it on 127.0.0.1:5432, database `test`) in a fresh schema per store, dropped afterwards so runs never collide.
// PostgreSQL not answering FAILS the tests with the address in the message; they never skip.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { DATABASE_URL_ENV, openStore, redactUrl, TEST_DATABASE_URL, type Store, type StoreConfig, type StoreKind } from '../../../electron/store/store';
import { tempDir } from './context';

export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

export function testPostgresUrl(): string {
  const fromEnv = process.env[DATABASE_URL_ENV];
  return fromEnv && /^postgres(ql)?:\/\//.test(fromEnv) ? fromEnv : TEST_DATABASE_URL;
}

export interface TestStore {
  config: StoreConfig;
  store: Store;
  /** closes the store and removes its schema (PostgreSQL) or its folder (SQLite) */
  drop(): Promise<void>;
}

/** A configuration for a fresh store of this kind, and how to remove what it leaves behind. */
export function freshStoreConfig(kind: StoreKind): { config: StoreConfig; cleanup(): Promise<void> } {
  if (kind === 'sqlite') {
    const folder = tempDir('markguard-store-');
    return { config: { kind, file: path.join(folder.dir, 'store.sqlite') }, cleanup: () => Promise.resolve(folder.remove()) };
  }
  const url = testPostgresUrl();
  const schema = `mg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    config: { kind, url, schema, maxConnections: 4 },
    async cleanup() {
      const admin = await openStore({ kind, url, maxConnections: 1 });
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      } finally {
        await admin.close();
      }
    },
  };
}

export async function openFreshStore(kind: StoreKind): Promise<TestStore> {
  const { config, cleanup } = freshStoreConfig(kind);
  let store: Store;
  try {
    store = await openStore(config);
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw kind === 'postgres' ? unreachable(error) : error;
  }
  return {
    config,
    store,
    async drop() {
      await store.close();
      await cleanup();
    },
  };
}

/** The message a developer sees when PostgreSQL is down: where it was looked for, and that this is a failure. */
export function unreachable(error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(
    `PostgreSQL server at ${redactUrl(testPostgresUrl())} is not reachable (${reason}). ` +
      `Start it (CI starts it before the tests) or set ${DATABASE_URL_ENV}; these tests fail rather than skip.`,
    { cause: error },
  );
}
