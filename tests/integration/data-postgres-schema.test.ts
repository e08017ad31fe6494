// The application's data on PostgreSQL (issue 11) is the SQLite file's schema: the same tables, columns, keys,
// indexes, foreign keys and guards, read from both databases and compared; text sorts by bytes on both; and the
// data migrations go up, down to nothing, and up again, beside the accounts store's without mixing.
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATA_MIGRATION_TABLE, dataMigrations, migrateDataStore, migrateDataStoreDown } from '../../electron/data/postgres/migrate';
import { DATA_TABLES, type DataSchema } from '../../electron/data/schema';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { migrateStore, storeMigrations } from '../../electron/store/migrate';
import { tempDir } from './support/context';
import { postgresShape, postgresTextColumnsNotC, sqliteShape } from './support/schema-shape';
import { openedOnce } from './support/once';
import { openFreshStore, type TestStore } from './support/stores';

const MIGRATION_TABLES = [DATA_MIGRATION_TABLE, `${DATA_MIGRATION_TABLE}_lock`];

async function tablesIn(test: TestStore): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = ${test.store.schema}`.execute(test.store.db);
  return rows.rows.map((row) => row.name).sort();
}

async function functionsIn(test: TestStore): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = ${test.store.schema}`.execute(test.store.db);
  return rows.rows.map((row) => row.name).sort();
}

describe('the data on PostgreSQL next to the SQLite file at its latest migration', () => {
  const parity = openedOnce(
    async () => {
      const folder = tempDir('markguard-parity-');
      const sqlite = openDatabase(path.join(folder.dir, 'markguard.sqlite'));
      const postgres = await openFreshStore('postgres').catch((error: unknown) => {
        sqlite.close();
        folder.remove();
        throw error;
      });
      await migrateDataStore(postgres.store);
      // the store is typed for the accounts' tables; the same connections hold the data's
      const data = postgres.store.db as unknown as Kysely<DataSchema>;
      return { sqlite, postgres, data, folder };
    },
    async ({ sqlite, postgres, folder }) => {
      sqlite.close();
      folder.remove();
      await postgres.drop();
    },
  );

  it('has every table of DataSchema on both, and no other', async () => {
    const { sqlite, postgres } = parity();
    const expected = [...DATA_TABLES].sort();
    expect(Object.keys(sqliteShape(sqlite)).sort()).toEqual(expected);
    expect((await tablesIn(postgres)).filter((name) => !MIGRATION_TABLES.includes(name))).toEqual(expected);
  });

  it('has the same columns, keys, unique constraints, indexes, foreign keys, checks and guards', async () => {
    const { sqlite, postgres } = parity();
    const onPostgres = await postgresShape(postgres.store.db, postgres.store.schema ?? '', MIGRATION_TABLES);
    // TRUNCATE exists on PostgreSQL alone; its refusals are the guards' own (data-postgres-guards.test.ts)
    const truncates = Object.values(onPostgres).flatMap((table) => {
      const [kept, truncate] = [table.triggers.filter((t) => !t.endsWith('truncate')), table.triggers.filter((t) => t.endsWith('truncate'))];
      table.triggers = kept;
      return truncate;
    });
    const onSqlite = sqliteShape(sqlite);
    // INTEGER PRIMARY KEY makes any column SQLite's rowid, a year too; the app always names the year (DataSchema:
    // not Generated), so PostgreSQL's is a plain integer key, not an identity
    for (const column of onSqlite.letter_sequences?.columns ?? []) if (column.name === 'year') column.identity = false;
    expect(onPostgres).toEqual(onSqlite);
    // the shapes are read, not empty: a few of the things compared
    expect(onSqlite.hits?.indexes).toContain('hits_queue: (source, decision, score desc)');
    expect(onSqlite.hits?.indexes).toContain('hits_filing_mark: unique (filing_id, mark_id) where filing_id is not null');
    expect(onSqlite.letter_hits?.foreignKeys).toContain('hit_id -> hits(id) on delete set null on update no action');
    expect(onSqlite.letters?.triggers).toEqual(['letters_frozen: before update', 'letters_kept: before delete']);
    expect(onSqlite.protected_marks?.uniques).toEqual(['mark_id']);
    expect(onSqlite.letters?.checks).toBe(5);
    expect(truncates.sort()).toEqual(
      ['audit_log', 'letter_files', 'letter_hits', 'letter_sequences', 'letters'].map((t) => `${t}_not_truncated: before truncate`),
    );
  });

  it('sorts and compares every text column by bytes, as SQLite does', async () => {
    const { sqlite, postgres, data } = parity();
    expect(await postgresTextColumnsNotC(postgres.store.db, postgres.store.schema ?? '')).toEqual([]);
    const keys = ['b', 'B', 'a', 'Z', '_', '青海', '青', 'é', 'e', '𠮷', '１', '10', '9', 'ｚ'];
    const at = '2026-12-01T08:00:00.000Z';
    const insert = sqlite.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)');
    for (const key of keys) insert.run(key, '1', at);
    await data.insertInto('settings').values(keys.map((key) => ({ key, value_json: '1', updated_at: at }))).execute();
    const onSqlite = (sqlite.prepare('SELECT key FROM settings ORDER BY key').all() as { key: string }[]).map((row) => row.key);
    const onPostgres = (await data.selectFrom('settings').select('key').orderBy('key').execute()).map((row) => row.key);
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres.slice(0, 6)).toEqual(['10', '9', 'B', 'Z', '_', 'a']); // bytes: digits, capitals, '_', small
    const between = "SELECT count(*) AS n FROM settings WHERE key > 'Z' AND key < '青'";
    const onPg = await sql.raw<{ n: string }>(between).execute(data);
    expect(Number(onPg.rows[0]?.n)).toBe((sqlite.prepare(between).get() as { n: number }).n);
  });

  it('gives ids back as numbers, takes an id given, and keeps a thumb byte for byte', async () => {
    const { data } = parity();
    const mark = { name: '青海湖', category: '公共资源', created_at: 'x', updated_at: 'x' };
    const first = await data.insertInto('protected_marks').values({ ...mark, mark_id: 'P-1' }).returning('key').executeTakeFirstOrThrow();
    expect(typeof first.key).toBe('number');
    await data.insertInto('protected_marks').values({ ...mark, mark_id: 'P-9', key: 900 }).execute();
    const thumb = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);
    const sha256 = 'a'.repeat(64);
    await data
      .insertInto('images')
      .values({ sha256, format: 'png', size_bytes: 10, width: 32, height: 32, phash: '0'.repeat(16), dhash: 'f'.repeat(16), thumb, created_at: 'x' })
      .execute();
    const stored = await data.selectFrom('images').select(['thumb', 'size_bytes']).where('sha256', '=', sha256).executeTakeFirstOrThrow();
    expect(Uint8Array.from(stored.thumb)).toEqual(thumb);
    expect(stored.size_bytes).toBe(10);
    const marks = await data.selectFrom('protected_marks').select(['key', 'aliases']).orderBy('key').execute();
    expect(marks).toEqual([{ key: first.key, aliases: '[]' }, { key: 900, aliases: '[]' }]);
  });
});

describe('the data migrations on PostgreSQL', () => {
  it('have a twin of the latest SQLite migration', () => {
    const names = Object.keys(dataMigrations());
    expect(names).toEqual([...names].sort());
    expect(names.at(-1)?.slice(0, 3)).toBe(String(LATEST_SCHEMA_VERSION).padStart(3, '0'));
  });

  const fresh = openedOnce(() => openFreshStore('postgres'), (test) => test.drop());

  it('go up once, down to an empty schema, and up again; beside the accounts store in their own list', async () => {
    const test = fresh();
    const names = Object.keys(dataMigrations());
    expect(await migrateDataStore(test.store)).toEqual(names);
    expect(await migrateDataStore(test.store)).toEqual([]);
    expect((await tablesIn(test)).filter((name) => !MIGRATION_TABLES.includes(name))).toEqual([...DATA_TABLES].sort());

    for (let n = names.length; n > 0; n -= 1) await migrateDataStoreDown(test.store);
    expect(await tablesIn(test)).toEqual(MIGRATION_TABLES);
    expect(await functionsIn(test)).toEqual([]);

    const accountNames = Object.keys(storeMigrations('postgres'));
    expect(await migrateStore(test.store)).toEqual(accountNames);
    expect(await migrateDataStore(test.store)).toEqual(names);
    expect(await migrateStore(test.store)).toEqual([]);
    const applied = await sql<{ name: string }>`select name from ${sql.table(DATA_MIGRATION_TABLE)} order by name`.execute(test.store.db);
    expect(applied.rows.map((row) => row.name)).toEqual(names);
    const accounts = await sql<{ name: string }>`select name from kysely_migration`.execute(test.store.db);
    expect(accounts.rows.map((row) => row.name)).toEqual(accountNames);
  });

  it('refuses a schema that a newer version migrated, and a SQLite store', async () => {
    const test = fresh();
    await sql`insert into ${sql.table(DATA_MIGRATION_TABLE)} (name, timestamp) values ('999-future', '2030-01-01T00:00:00.000Z')`.execute(test.store.db);
    await expect(migrateDataStore(test.store)).rejects.toThrow(/数据迁移.*失败.*999-future/);
    await expect(migrateDataStore({ ...test.store, kind: 'sqlite' })).rejects.toThrow(/不是 PostgreSQL/);
  });
});
