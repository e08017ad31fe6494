// Restore and backup drills (issue 9, items 1–7): a WAL-mode backup, a backup that fails on reopen, a process
// killed between the two renames, a restore during an import, numbers after restoring an older backup, leftovers
// of a killed backup, and a start on a full disk.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppContext } from '../../electron/context';
import { createBatchesRepository } from '../../electron/batches/repository';
import { MIGRATIONS } from '../../electron/db/migrations';
import { applyMigrations } from '../../electron/db/open';
import { armFault, disarmFaults } from '../../electron/faults';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { createBatchService } from '../../electron/batches/service';
import { createBackupService } from '../../electron/backup/service';
import { createRegistryService } from '../../electron/registry/service';
import { startServices } from '../../electron/startup';
import { sha256 } from '../../electron/letters/files';
import { FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';
import { REPO_ROOT, openTestContext, tempDir, testConfig } from './support/context';
import { lettersApi, seedConfirmedHits } from './support/letters';
import { sampleMark } from './support/marks';
import { marksRepository } from '../../electron/registry/marks';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  ctx = openTestContext();
  folder = tempDir();
});
afterEach(() => {
  disarmFaults();
  ctx.cleanup();
  folder.remove();
});

const count = (db: { prepare(sql: string): { get(): unknown } }, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('restore (issue 9, items 3–5)', () => {
  it('restores a backup left in WAL mode (its rows in the -wal file) with every row, not an empty database', async () => {
    const registry = createRegistryService(ctx);
    await registry.create(sampleMark());
    const file = path.join(folder.dir, 'wal.sqlite');
    await createBackupService(ctx).create(file);
    // A clerk copies a database while it is open: the main file and its -wal, which holds the newer rows.
    const open = new Database(file);
    open.pragma('journal_mode = WAL');
    open.pragma('wal_autocheckpoint = 0');
    const insert = open.prepare(`INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES (?, ?, '公共资源', 'x', 'x')`);
    for (let i = 0; i < 20; i += 1) insert.run(`W${i}`, `名称${i}`);
    const copy = path.join(folder.dir, 'copied.sqlite');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    open.close();
    expect(new Database(copy, { readonly: true }).prepare('SELECT count(*) AS n FROM protected_marks').get()).toEqual({ n: 21 });

    const restored = await createBackupService(ctx).restore(copy);
    expect(restored.markCount).toBe(21);
    expect(await marksRepository(ctx.data).count()).toBe(21);
  });

  it('rolls back when the backup passes the checks but fails on reopen: the live data stays and the app works', async () => {
    await createRegistryService(ctx).create(sampleMark());
    await createRegistryService(ctx).create(sampleMark({ id: 'T2', name: '第二个' }));
    // A version-3 database that passes every check, but migration 4 fails on it (its table already exists).
    const file = path.join(folder.dir, 'v3.sqlite');
    const old = new Database(file);
    applyMigrations(old, MIGRATIONS.slice(0, 3));
    old.exec(`INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES ('O1', '日月山', '公共资源', 'x', 'x');
      CREATE TABLE letter_sequences (year INTEGER PRIMARY KEY);`);
    old.close();

    await expect(createBackupService(ctx).restore(file)).rejects.toThrow(/恢复失败/);
    expect(ctx.db.open).toBe(true);
    expect(await marksRepository(ctx.data).count()).toBe(2);
    expect(existsSync(ctx.databasePath)).toBe(true);
    const replaced = path.join(ctx.config.dataDir, 'replaced');
    expect(existsSync(replaced) ? readdirSync(replaced) : []).toEqual([]);
    await createRegistryService(ctx).create(sampleMark({ id: 'T3', name: '第三个' }));
    expect(await marksRepository(ctx.data).count()).toBe(3);
  });

  it('recovers a restore killed between its two renames: the next start has the data from before, not the sample', async () => {
    const dataDir = path.join(folder.dir, 'data');
    const first = createAppContext(testConfig(dataDir));
    await createRegistryService(first).create(sampleMark());
    await createRegistryService(first).create(sampleMark({ id: 'T2', name: '第二个' }));
    const backup = path.join(folder.dir, 'one.sqlite');
    const registry = createRegistryService(first);
    const second = (await registry.list())[1];
    await registry.remove(second?.key ?? 0, second?.version ?? 0);
    await createBackupService(first).create(backup);
    await registry.create(sampleMark({ id: 'T2', name: '第二个' }));
    first.close();

    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'tests', 'crash', 'operation.ts'), 'restore', dataDir, backup],
      { cwd: REPO_ROOT, env: { ...process.env, MARKGUARD_FAULTS: 'restore:between-renames=kill' }, encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(path.join(dataDir, 'markguard.sqlite'))).toBe(false);

    const services = await startServices(testConfig(dataDir), createQueuedDialogs());
    try {
      expect(await marksRepository(services.ctx.data).count()).toBe(2);
      expect(services.ctx.notices.join('')).toMatch(/恢复.*中断/);
      expect(readdirSync(dataDir).filter((name) => name.includes('restoring'))).toEqual([]);
    } finally {
      services.close();
    }
  }, 60_000);
});

describe('restore while a job runs (issue 9, item 2)', () => {
  it('cancels and waits for the import before swapping, so nothing is written into the restored batch of the same id', async () => {
    await createRegistryService(ctx).create(sampleMark());
    const batches = createBatchService(ctx, ctx.jobs);
    const small = writeFilings(folder.dir, 'small.csv', [1, 2, 3].map((i) => filingLine(String(80_000_000 + i), `小批${i}`)));
    const first = await batches.startImport(small, 'filing', FILING_MAPPING);
    await waitForBatch(ctx.jobs, first.batchId);
    const backup = path.join(folder.dir, 'with-batch.sqlite');
    await createBackupService(ctx).create(backup);
    await batches.remove(first.batchId);

    const big = writeFilings(folder.dir, 'big.csv', Array.from({ length: 60_000 }, (_, i) => filingLine(String(90_000_000 + i), `大批${i}`)));
    const second = await batches.startImport(big, 'filing', FILING_MAPPING);
    expect(second.batchId).toBe(first.batchId);
    while (((await ctx.jobs.progress(second.batchId)).rows ?? 0) < 10_000) await new Promise((resolve) => setTimeout(resolve, 10));

    await createBackupService(ctx).restore(backup);
    expect(ctx.jobs.isRunning(second.batchId)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(count(ctx.db, 'filings')).toBe(3);
    expect(await createBatchesRepository(ctx.data).get(first.batchId)).toMatchObject({ status: 'screened', totalRows: 3, newRows: 3 });
  }, 120_000);
});

describe('numbers after restoring an older backup (issue 9, item 1)', () => {
  it('never issues a number again and never overwrites an archived file', async () => {
    const api = lettersApi(ctx);
    const hits = seedConfirmedHits(ctx);
    const one = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
    expect((await api['letters.issue']({ id: one.id })).documentNumber).toBe('青市监商函〔2026〕1号');
    const backup = path.join(folder.dir, 'after-one.sqlite');
    await createBackupService(ctx).create(backup);
    const two = await api['letters.draftFromHits']({ hitIds: [hits.gi[1] ?? 0], kind: 'referral' });
    expect((await api['letters.issue']({ id: two.id })).documentNumber).toBe('青市监商函〔2026〕2号');
    const archived = path.join(ctx.config.dataDir, 'letters', '2026', '青市监商函〔2026〕2号.pdf');
    const before = sha256(readFileSync(archived));

    await createBackupService(ctx).restore(backup);
    const again = await api['letters.draftFromHits']({ hitIds: [hits.gi[1] ?? 0], kind: 'referral' });
    expect((await api['letters.issue']({ id: again.id })).documentNumber).toBe('青市监商函〔2026〕3号');
    expect(sha256(readFileSync(archived))).toBe(before);
  }, 60_000);

  it('reconciles the sequence with the archive at start too (a database copied back by hand)', async () => {
    const api = lettersApi(ctx);
    const hits = seedConfirmedHits(ctx);
    const one = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
    await api['letters.issue']({ id: one.id });
    // An archived file of a number this database never issued (its row lost with a database copied back).
    const folder2026 = path.join(ctx.config.dataDir, 'letters', '2026');
    writeFileSync(path.join(folder2026, '青市监商函〔2026〕7号.pdf'), 'an earlier letter');
    await ctx.reopen();
    const services = await startServices(ctx.config, createQueuedDialogs());
    try {
      const next = lettersApi(services.ctx);
      const draft = await next['letters.draftFromHits']({ hitIds: [hits.gi[1] ?? 0], kind: 'referral' });
      expect((await next['letters.issue']({ id: draft.id })).documentNumber).toBe('青市监商函〔2026〕8号');
      expect(readFileSync(path.join(folder2026, '青市监商函〔2026〕7号.pdf'), 'utf8')).toBe('an earlier letter');
    } finally {
      services.close();
    }
  }, 60_000);
});

describe('backups (issue 9, items 6–7)', () => {
  it('a failing clean-up does not hide why the backup failed, and leftovers of a killed backup are removed', async () => {
    await createRegistryService(ctx).create(sampleMark());
    const target = path.join(folder.dir, 'b.sqlite');
    mkdirSync(`${target}.part`); // neither SQLite nor rm without recursive can use it
    armFault('backup:write', 'enospc');
    await expect(createBackupService(ctx).create(target)).rejects.toThrow(/备份失败.*(磁盘空间不足|ENOSPC)/);
    disarmFaults();

    const backups = path.join(ctx.config.dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    writeFileSync(path.join(backups, 'auto-20261128-080000.sqlite.part'), 'half');
    writeFileSync(path.join(backups, 'auto-20261128-080000.sqlite.part-journal'), 'half');
    await createBackupService(ctx).automatic();
    expect(readdirSync(backups).filter((name) => name.includes('.part'))).toEqual([]);
  });

  it('starts on a full disk with a clear warning when the start-up backup cannot be written', async () => {
    const dataDir = path.join(folder.dir, 'full');
    const first = createAppContext(testConfig(dataDir));
    await createRegistryService(first).create(sampleMark());
    first.close();
    armFault('backup:write', 'enospc');
    const services = await startServices(testConfig(dataDir), createQueuedDialogs());
    try {
      expect(await marksRepository(services.ctx.data).count()).toBe(1);
      expect(services.ctx.notices.join('')).toMatch(/磁盘空间不足.*自动备份/);
    } finally {
      services.close();
    }
  });

  it('takes the start-up backup before migrating: the backup has the old schema version', async () => {
    const dataDir = path.join(folder.dir, 'old');
    mkdirSync(dataDir, { recursive: true });
    const old = new Database(path.join(dataDir, 'markguard.sqlite'));
    applyMigrations(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1));
    old.exec(`INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES ('O1', '日月山', '公共资源', 'x', 'x')`);
    old.close();
    const services = await startServices(testConfig(dataDir), createQueuedDialogs());
    try {
      const made = readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.sqlite'));
      expect(made).toHaveLength(1);
      const backup = new Database(path.join(dataDir, 'backups', made[0] ?? ''), { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
      backup.close();
    } finally {
      services.close();
    }
  });

  it('lists each automatic backup with its date and its counts of marks, batches and letters', async () => {
    await createRegistryService(ctx).create(sampleMark());
    seedConfirmedHits(ctx);
    await createBackupService(ctx).automatic();
    const [listed] = createBackupService(ctx).listAutomatic();
    expect(listed?.counts).toEqual({ marks: 3, batches: 1, letters: 0 });
    expect(listed?.createdAt).toMatch(/^2026-/);
  });
});
