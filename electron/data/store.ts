// Where the application's data lives: the SQLite file in the data folder (the desktop, and a server configured
// so), or PostgreSQL (a server with a postgres databaseUrl: the accounts store's database and schema, its pool).
// A `DataStoreLocation` is the plain description a worker thread gets to open its own connection; a
// `DataConnection` is such a connection: the query builder, and the SQLite handle or the pg pool under it, which
// the bulk sinks (an import's rows, screening's hits) write through, differently on each database.
import { Kysely } from 'kysely';
import type pg from 'pg';
import { openDatabase, type Db } from '../db/open';
import { openStore, redactUrl, storePostgresDialect, type Store, type StoreConfig } from '../store/store';
import { dataQueriesOn, type DataQueries } from './queries';
import type { DataSchema } from './schema';

export type PostgresStoreConfig = Extract<StoreConfig, { kind: 'postgres' }>;

/** What a worker is told: a file to open, or a PostgreSQL URL and schema (plain data, posted to the thread). */
export type DataStoreLocation =
  | { kind: 'sqlite'; path: string; nativeBinding?: string }
  | { kind: 'postgres'; url: string; schema?: string };

/**
 * The store a context is started on: the SQLite file of the data folder (default), or the server's PostgreSQL
 * store, already open and with its data migrated (`migrateDataStore`), whose pool the context shares.
 */
export type DataStoreChoice = { kind: 'sqlite' } | { kind: 'postgres'; store: Store; config: PostgresStoreConfig };

/** Kysely over the data tables on a PostgreSQL store's pool. Never destroy it: the store owns the pool. */
export function dataQueriesOnPool(store: Store): DataQueries {
  if (!store.pool) throw new Error(`数据库 ${store.where} 不是 PostgreSQL`);
  return new Kysely<DataSchema>({ dialect: storePostgresDialect(store.pool, store.schema) });
}

export function postgresLocation(config: PostgresStoreConfig): DataStoreLocation {
  return { kind: 'postgres', url: config.url, ...(config.schema ? { schema: config.schema } : {}) };
}

/** Where the data is, for a person (app.info, messages): the file, or the server and schema without password. */
export function describeLocation(location: DataStoreLocation): string {
  if (location.kind === 'sqlite') return location.path;
  return `PostgreSQL ${redactUrl(location.url)}${location.schema ? `（schema ${location.schema}）` : ''}`;
}

export interface DataConnection {
  readonly location: DataStoreLocation;
  readonly data: DataQueries;
  /** the SQLite handle; null on PostgreSQL */
  readonly sqlite: Db | null;
  /** the pg pool; null on SQLite */
  readonly pool: pg.Pool | null;
  close(): Promise<void>;
}

/** A connection on an open SQLite handle; closing it closes the handle. */
export function sqliteConnection(db: Db, nativeBinding?: string): DataConnection {
  return {
    location: { kind: 'sqlite', path: db.name, ...(nativeBinding ? { nativeBinding } : {}) },
    data: dataQueriesOn(db),
    sqlite: db,
    pool: null,
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}

/** A PostgreSQL store already open (the server's own pool): closing the connection leaves it to its owner. */
export function postgresConnection(store: Store, location: DataStoreLocation): DataConnection {
  const pool = store.pool;
  if (!pool) throw new Error(`数据库 ${store.where} 不是 PostgreSQL`);
  return { location, data: dataQueriesOnPool(store), sqlite: null, pool, close: () => Promise.resolve() };
}

/** A connection of its own (a worker thread): the file opened again, or a small pool of its own. */
export async function openDataConnection(location: DataStoreLocation): Promise<DataConnection> {
  if (location.kind === 'sqlite') {
    return sqliteConnection(openDatabase(location.path, location.nativeBinding ? { nativeBinding: location.nativeBinding } : {}), location.nativeBinding);
  }
  const store = await openStore({ kind: 'postgres', url: location.url, maxConnections: 2, ...(location.schema ? { schema: location.schema } : {}) });
  const connection = postgresConnection(store, location);
  return { ...connection, close: () => store.close() };
}

/** The context's own connection lent to a job in this thread: closing it is the context's business, not the job's. */
export function borrowedConnection(owner: { dataStore: DataStoreLocation; data: DataQueries; sqlite: Db | null; pool: pg.Pool | null }): DataConnection {
  return { location: owner.dataStore, data: owner.data, sqlite: owner.sqlite, pool: owner.pool, close: () => Promise.resolve() };
}
