// The Kysely store: one query builder over embedded SQLite (better-sqlite3) or PostgreSQL (pg), chosen by a URL.
// Repositories written against it run unchanged on both; tests run each of them on both.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type DatabaseIntrospector, type PostgresDialectConfig } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { SchemaPostgresIntrospector } from './pg-introspector';
import type { StoreSchema } from './schema';

export type StoreConfig =
  | { kind: 'sqlite'; file: string; nativeBinding?: string }
  /** `schema`: tables go into this schema (created when missing) instead of public — tests use one per file */
  | { kind: 'postgres'; url: string; schema?: string; maxConnections?: number };
export type StoreKind = StoreConfig['kind'];

export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<StoreSchema>;
  /** where it is, for messages (a PostgreSQL URL without its password) */
  readonly where: string;
  /** the PostgreSQL schema holding the tables; undefined on SQLite */
  readonly schema?: string;
  /** the pg pool under `db` (PostgreSQL only): the app's data shares it, and COPY needs a client of it */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

/** The database a test run (and CI) uses when nothing else is configured. */
export const TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DATABASE_URL_ENV = 'MARKGUARD_DATABASE_URL';

/** A PostgreSQL URL with its password masked: safe to print and to put in a message. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * A `schema` parameter (`postgres://…/db?schema=markguard`) puts the server's tables in that schema instead of
 * public; it is taken off the URL (PostgreSQL itself knows no such parameter).
 */
function postgresConfigFromUrl(url: string): StoreConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'postgres', url };
  }
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return { kind: 'postgres', url };
  parsed.searchParams.delete('schema');
  return { kind: 'postgres', url: parsed.toString(), schema };
}

/**
 * `postgres://…` or `postgresql://…` → PostgreSQL (`?schema=NAME`: in that schema); `sqlite:FILE` → a SQLite file (relative to `baseDir`).
 * Anything else is refused with a message naming the accepted forms.
 */
export function storeConfigFromUrl(url: string, baseDir: string): StoreConfig {
  if (/^postgres(ql)?:\/\//i.test(url)) return postgresConfigFromUrl(url);
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', file: path.resolve(baseDir, url.slice('sqlite:'.length)) };
  throw new Error(`数据库地址「${redactUrl(url)}」无法识别：应为 postgres://用户@主机:端口/数据库 或 sqlite:文件路径`);
}

/** PostgreSQL whose introspection (what Kysely's Migrator checks its tables with) sees only the store's schema. */
class SchemaPostgresDialect extends PostgresDialect {
  constructor(config: PostgresDialectConfig, private readonly schema: string | undefined) {
    super(config);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature Kysely's Dialect declares
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SchemaPostgresIntrospector(db, this.schema);
  }
}

/** The dialect for Kysely over a store's pool (the data's query builder shares the accounts store's pool). */
export function storePostgresDialect(pool: pg.Pool, schema: string | undefined): PostgresDialect {
  return new SchemaPostgresDialect({ pool }, schema);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function openPostgres(config: Extract<StoreConfig, { kind: 'postgres' }>): Store {
  const schema = config.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    // every connection looks in the store's schema first; the name is checked above
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool; unhandled it would end the process.
  pool.on('error', (error) => console.error('[markguard] PostgreSQL connection lost:', error.message));
  const db = new Kysely<StoreSchema>({ dialect: storePostgresDialect(pool, schema) });
  return { kind: 'postgres', db, pool, where: redactUrl(config.url), ...(schema ? { schema } : {}), close: () => db.destroy() };
}

function openSqlite(config: Extract<StoreConfig, { kind: 'sqlite' }>): Store {
  // the server's first start names a file in a data folder that does not exist yet
  mkdirSync(path.dirname(config.file), { recursive: true });
  const database = new Database(config.file, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database }) });
  return { kind: 'sqlite', db, where: config.file, close: () => db.destroy() };
}

/** Opens the store; on PostgreSQL it also makes sure the server answers and the schema exists. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.kind === 'sqlite') return openSqlite(config);
  const store = openPostgres(config);
  try {
    if (store.schema) await sql`create schema if not exists ${sql.id(store.schema)}`.execute(store.db);
    else await sql`select 1`.execute(store.db);
  } catch (error) {
    await store.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`无法连接数据库 ${store.where}（${reason || '连接被拒绝'}）：请确认 PostgreSQL 服务器已启动且地址正确。`, { cause: error });
  }
  return store;
}
