// The daily schedule of server backups, on an injected clock: a backup once a day after the set time, the newest N
// kept, and nothing removed when the new backup fails. Accounts in a SQLite store here (copied with the backup
// API), whose restore is checked too; the PostgreSQL path is server-backup.test.ts.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountsRepository } from '../../electron/accounts/repository';
import { createAccountsService } from '../../electron/accounts/service';
import { DEFAULT_SESSION_POLICY } from '../../electron/accounts/policy';
import type { AppContext } from '../../electron/context';
import { ACCOUNTS_SQLITE_FILE, MANIFEST_FILE } from '../../electron/server/backup/manifest';
import { restoreServerBackup } from '../../electron/server/backup/restore';
import { createServerBackupService, isDue } from '../../electron/server/backup/service';
import { migrateStore } from '../../electron/store/migrate';
import { openStore } from '../../electron/store/store';
import { openTestContext } from './support/context';
import { openFreshStore, type TestStore } from './support/stores';

let ctx: AppContext & { cleanup(): void };
let accounts: TestStore;
let clock: Date;
let backupsDir: string;

beforeEach(async () => {
  ctx = openTestContext();
  accounts = await openFreshStore('sqlite');
  await migrateStore(accounts.store);
  backupsDir = path.join(ctx.config.dataDir, 'backups-server');
  // 2026-12-01 01:00 by the machine's own clock (the schedule is in the server's local time)
  clock = new Date(2026, 11, 1, 1, 0, 0);
});
afterEach(async () => {
  ctx.cleanup();
  await accounts.drop();
});

const service = (keep: number) =>
  createServerBackupService(
    () => ({ appDb: ctx.db, dataDir: ctx.config.dataDir, storeConfig: accounts.config, store: accounts.store, version: 'test', backupsDir, now: () => clock }),
    { backupsDir, dailyAt: '02:00', keep },
    () => clock,
  );
const hours = (n: number) => {
  clock = new Date(clock.getTime() + n * 3_600_000);
};
const names = () => (existsSync(backupsDir) ? readdirSync(backupsDir).sort() : []);

describe('the daily schedule', () => {
  it('backs up once a day after the set time and keeps the newest N', async () => {
    const backups = service(3);
    expect(await backups.tick()).toBeNull(); // 01:00: not yet
    hours(1.5);
    const first = await backups.tick(); // 02:30
    expect(first?.name).toMatch(/^server-\d{8}-\d{6}$/);
    hours(1);
    expect(await backups.tick()).toBeNull(); // 03:30: today's is made
    const made = [first?.name];
    for (let day = 0; day < 4; day++) {
      hours(24);
      made.push((await backups.tick())?.name);
    }
    expect(names()).toEqual(made.slice(-3).sort());
    expect(backups.status()).toMatchObject({ available: true, dailyAt: '02:00', keep: 3, count: 3, last: { name: made.at(-1) } });
  });

  it('removes nothing when the new backup fails, and leaves no half-written folder', async () => {
    const backups = service(2);
    hours(1.5);
    await backups.tick();
    hours(24);
    await backups.tick();
    const before = names();
    expect(before).toHaveLength(2);
    // the accounts file gone from under the open store: the app data is copied, then the accounts' copy fails
    rmSync(path.join(path.dirname((accounts.config as { file: string }).file)), { recursive: true, force: true });
    hours(24);
    await expect(backups.tick()).rejects.toThrow(/备份失败/);
    expect(names()).toEqual(before);
    // the 管理员 sees it on the backup page; the schedule tries again an hour later, not every minute
    expect(backups.status().lastFailure?.message).toMatch(/备份失败/);
    hours(0.5);
    expect(await backups.tick()).toBeNull();
  });

  it('is due only after the set time and when nothing was made since', () => {
    const at = (h: number, m = 0) => new Date(2026, 11, 1, h, m);
    expect(isDue(at(1, 59), '02:00', null)).toBe(false);
    expect(isDue(at(2, 0), '02:00', null)).toBe(true);
    expect(isDue(at(9), '02:00', at(2, 5))).toBe(false);
    expect(isDue(at(9), '02:00', new Date(2026, 10, 30, 2, 5))).toBe(true);
  });
});

describe('a SQLite accounts store', () => {
  it('is copied with the backup API and restored with its passwords, without its sessions', async () => {
    const service0 = createAccountsService({ audit: () => undefined, repo: createAccountsRepository(accounts.store.db), sessions: DEFAULT_SESSION_POLICY });
    await service0.create({ login: 'lisi', displayName: '李四', role: '处长', password: 'lisi-password-1' });
    await service0.login('lisi', 'lisi-password-1');
    hours(1.5);
    const made = await service(3).create();
    expect(readdirSync(made.folder)).toContain(ACCOUNTS_SQLITE_FILE);
    expect(made.manifest.counts).toMatchObject({ users: 1, sessions: 1 });
    await service0.resetPassword((await service0.list())[0]?.id ?? 0, 'lisi-password-2');
    await accounts.store.close();
    ctx.close();
    await restoreServerBackup({ folder: made.folder, app: ctx.config, storeConfig: accounts.config });
    const reopened = await openFreshStoreAt(accounts);
    const service1 = createAccountsService({ audit: () => undefined, repo: createAccountsRepository(reopened.db), sessions: DEFAULT_SESSION_POLICY });
    await expect(service1.login('lisi', 'lisi-password-1')).resolves.toMatchObject({ user: { login: 'lisi' } });
    await expect(service1.login('lisi', 'lisi-password-2')).rejects.toThrow();
    const sessions = await reopened.db.selectFrom('sessions').selectAll().execute();
    expect(sessions).toHaveLength(1); // only the login just made: the one from before the backup is gone
    await ctx.reopen();
  });
});

describe('a backup from a newer version', () => {
  it('is refused before anything changes', async () => {
    hours(1.5);
    const made = await service(3).create();
    const manifestFile = path.join(made.folder, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { appSchemaVersion: number; markguardVersion: string };
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, appSchemaVersion: 999, markguardVersion: '9.0.0' }));
    await expect(restoreServerBackup({ folder: made.folder, app: ctx.config, storeConfig: accounts.config })).rejects.toThrow(
      /较新版本的商标守护（9\.0\.0）制作.*未做任何更改/,
    );
  });
});

async function openFreshStoreAt(store: TestStore) {
  store.store = await openStore(store.config);
  return store.store;
}
