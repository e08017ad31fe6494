// The store's migrations and the accounts repository, each run on SQLite and on the real PostgreSQL.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountsRepository, type AccountsRepository, type NewUser } from '../../electron/accounts/repository';
import { migrateStore, migrateStoreDown, storeMigrations } from '../../electron/store/migrate';
import { STORE_KINDS, openFreshStore, type TestStore } from './support/stores';

const password = { hash: 'aGFzaA==', salt: 'c2FsdA==', params: '{"N":1024,"r":8,"p":1,"keyLength":64}' };
const user = (login: string, role = '科员'): NewUser => ({ login, displayName: `用户${login}`, role, password, createdAt: '2026-12-01T08:00:00.000Z' });

async function tableNames(test: TestStore): Promise<string[]> {
  const tables = await test.store.db.introspection.getTables();
  return tables.filter((table) => !test.store.schema || table.schema === test.store.schema).map((table) => table.name).sort();
}

describe.each(STORE_KINDS)('the accounts store on %s', (kind) => {
  let test: TestStore;
  let repo: AccountsRepository;
  beforeEach(async () => {
    test = await openFreshStore(kind);
    await migrateStore(test.store);
    repo = createAccountsRepository(test.store.db);
  });
  afterEach(async () => {
    await test?.drop();
  });

  it('runs every migration once, up and down and up again', async () => {
    expect(await tableNames(test)).toEqual(['sessions', 'users']);
    expect(await migrateStore(test.store)).toEqual([]); // nothing pending on a second run
    for (let n = Object.keys(storeMigrations(kind)).length; n > 0; n -= 1) await migrateStoreDown(test.store);
    expect(await tableNames(test)).toEqual([]);
    expect(await migrateStore(test.store)).toEqual(Object.keys(storeMigrations(kind)));
    expect(await tableNames(test)).toEqual(['sessions', 'users']);
  });

  it('002 adds must_change_password, off for the accounts that existed before it, and its down removes it', async () => {
    await migrateStoreDown(test.store); // back to 001: the column is gone
    const columns = async () => (await test.store.db.introspection.getTables()).find((table) => table.name === 'users' && (!test.store.schema || table.schema === test.store.schema))?.columns.map((column) => column.name) ?? [];
    expect(await columns()).not.toContain('must_change_password');
    await sql`insert into users (login, display_name, role, password_hash, password_salt, password_params, created_at)
      values ('old', '老用户', '科员', 'aA==', 'cw==', '{}', '2026-11-01T08:00:00.000Z')`.execute(test.store.db);
    expect(await migrateStore(test.store)).toEqual(['002-must-change-password']);
    expect(await columns()).toContain('must_change_password');
    expect(await repo.userByLogin('old')).toMatchObject({ must_change_password: 0 });
    const flagged = await repo.insertUser({ ...user('fresh'), mustChangePassword: true });
    expect((await repo.userById(flagged))?.must_change_password).toBe(1);
  });

  it('stores users with increasing ids, finds them by login and refuses a login twice', async () => {
    const first = await repo.insertUser(user('zhang'));
    const second = await repo.insertUser(user('li', '处长'));
    expect(second).toBeGreaterThan(first);
    const found = await repo.userByLogin('li');
    expect(found).toMatchObject({ id: second, role: '处长', failed_attempts: 0, locked_until: null, disabled: 0 });
    await expect(repo.insertUser(user('li'))).rejects.toThrow(/unique|UNIQUE/);
    expect(await repo.countUsers()).toBe(2);
    expect((await repo.listUsers()).map((row) => row.login)).toEqual(['zhang', 'li']);
  });

  it('refuses a role outside 科员, 处长, 管理员', async () => {
    await expect(repo.insertUser(user('wang', '主任'))).rejects.toThrow(/users_role_known|CHECK/i);
  });

  it('counts concurrent failed attempts without losing one', async () => {
    const id = await repo.insertUser(user('zhao'));
    await Promise.all(Array.from({ length: 10 }, () => repo.addFailedAttempt(id)));
    expect((await repo.userById(id))?.failed_attempts).toBe(10);
  });

  it('keeps sessions by token hash, touches them, and removes the ended ones', async () => {
    const id = await repo.insertUser(user('qian'));
    await repo.insertSession({ tokenHash: 'a'.repeat(64), userId: id, now: '2026-12-01T08:00:00.000Z', expiresAt: '2026-12-01T20:00:00.000Z' });
    await repo.insertSession({ tokenHash: 'b'.repeat(64), userId: id, now: '2026-12-01T08:00:00.000Z', expiresAt: '2026-12-01T09:00:00.000Z' });
    await repo.touchSession('a'.repeat(64), '2026-12-01T09:30:00.000Z');
    expect(await repo.sessionByHash('a'.repeat(64))).toMatchObject({ lastSeenAt: '2026-12-01T09:30:00.000Z', user: { login: 'qian' } });
    // at 09:40 with 30 minutes idle: b ended at 09:00, a was used at 09:30
    expect(await repo.deleteEndedSessions('2026-12-01T09:40:00.000Z', '2026-12-01T09:10:00.000Z')).toBe(1);
    expect(await repo.sessionByHash('b'.repeat(64))).toBeUndefined();
    await repo.deleteSessionsOf(id);
    expect(await repo.sessionByHash('a'.repeat(64))).toBeUndefined();
  });

  it('refuses a session for a user that does not exist (foreign key)', async () => {
    await expect(
      repo.insertSession({ tokenHash: 'c'.repeat(64), userId: 999, now: '2026-12-01T08:00:00.000Z', expiresAt: '2026-12-01T20:00:00.000Z' }),
    ).rejects.toThrow(/foreign key|FOREIGN KEY/i);
    const rows = await sql<{ n: number }>`select count(*) as n from sessions`.execute(test.store.db);
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });
});
