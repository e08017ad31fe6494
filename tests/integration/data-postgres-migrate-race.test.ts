// Migrating a store on a PostgreSQL database where other schemas come and go (another server, the parallel tests):
// Kysely's introspector resolves every schema of the database by name, so one dropped meanwhile used to fail the
// migration of an unrelated store with 'schema "…" does not exist' (seen as a flaky contract test). The store's
// schema-scoped introspector (electron/store/pg-introspector.ts) is what keeps it from happening.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateDataStore } from '../../electron/data/postgres/migrate';
import { migrateStore } from '../../electron/store/migrate';
import { openFreshStore } from './support/stores';

it('migrates the data and the accounts of a store while a neighbour keeps dropping its schemas', async () => {
  const neighbour = await openFreshStore('postgres');
  let churning = true;
  const churn = (async () => {
    for (let i = 0; churning; i++) {
      const name = `${neighbour.store.schema ?? ''}_${i}`;
      await sql`create schema ${sql.id(name)}`.execute(neighbour.store.db);
      await sql`create table ${sql.id(name)}.t (id serial primary key, a text)`.execute(neighbour.store.db);
      await sql`drop schema ${sql.id(name)} cascade`.execute(neighbour.store.db);
    }
  })();
  const failures: string[] = [];
  try {
    for (let n = 0; n < 3; n++) {
      const test = await openFreshStore('postgres');
      try {
        expect(await migrateDataStore(test.store)).toEqual(['011-data', '012-mark-versions']);
        expect(await migrateStore(test.store)).toEqual(['001-accounts', '002-must-change-password']);
      } catch (error) {
        failures.push(String(error));
      } finally {
        await test.drop();
      }
    }
  } finally {
    churning = false;
    await churn;
    await neighbour.drop();
  }
  expect(failures).toEqual([]);
});
