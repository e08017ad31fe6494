// Stores in neighbouring schemas of one PostgreSQL database (every test has its own; a server may share a
// database with others) must not fail because of each other. Kysely's Migrator checks its tables through the
// introspector on every run; Kysely's own read every schema and looked each name up again, so a neighbour dropped
// while the query ran made a store's migration fail with `schema "<the neighbour>" does not exist`.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDataStore } from '../../electron/data/postgres/migrate';
import { migrateStore } from '../../electron/store/migrate';
import { openFreshStore, type TestStore } from './support/stores';

describe('a store beside other schemas on postgres', () => {
  let ours: TestStore;
  let neighbour: TestStore | undefined;
  beforeEach(async () => {
    ours = await openFreshStore('postgres');
    neighbour = await openFreshStore('postgres');
    await sql`create table protected_marks (id integer primary key)`.execute(neighbour.store.db);
  });
  afterEach(async () => {
    await ours?.drop();
    await neighbour?.drop();
  });

  it('reads its tables while a neighbouring schema is dropped, and sees only its own', async () => {
    await migrateStore(ours.store);
    await migrateDataStore(ours.store);
    // A repeatable-read snapshot taken before the neighbour goes holds the race open for as long as the test needs:
    // what the query reads still has the neighbour, the catalog no longer does. The drop runs on another connection
    // and waits on no lock of this transaction (it has read nothing of the neighbour's).
    const tables = await ours.store.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        await sql`select 1`.execute(tx);
        await neighbour?.drop();
        neighbour = undefined;
        return tx.introspection.getTables();
      });
    const names = tables.map((table) => `${table.schema ?? ''}.${table.name}`);
    expect(names).toContain(`${ours.store.schema ?? ''}.users`);
    expect(names).toContain(`${ours.store.schema ?? ''}.protected_marks`);
    expect(names.every((name) => name.startsWith(`${ours.store.schema ?? ''}.`))).toBe(true);
  });

  it('runs its migrations again while neighbours come and go', async () => {
    await migrateStore(ours.store);
    await migrateDataStore(ours.store);
    const churn = async () => {
      for (let n = 0; n < 20; n += 1) {
        const other = await openFreshStore('postgres');
        await sql`create table protected_marks (id integer primary key)`.execute(other.store.db);
        await other.drop();
      }
    };
    const migrations = async () => {
      for (let n = 0; n < 20; n += 1) {
        expect(await migrateStore(ours.store)).toEqual([]);
        expect(await migrateDataStore(ours.store)).toEqual([]);
      }
    };
    await Promise.all([churn(), migrations()]);
  });
});
