import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/open';
import { AUTOMATIC_BACKUPS_KEPT, createBackupService } from '../../electron/backup/service';
import { createRegistryService } from '../../electron/registry/service';
import { openTestContext, tempDir } from './support/context';
import { sampleMark } from './support/marks';
import { marksRepository } from '../../electron/registry/marks';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  ctx = openTestContext();
  folder = tempDir();
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

describe('backup and restore', () => {
  it('backs up with the online API and restores it, keeping the replaced database aside', async () => {
    const registry = createRegistryService(ctx);
    await registry.create(sampleMark());
    const backups = createBackupService(ctx);
    const file = path.join(folder.dir, '备份.sqlite');
    const made = await backups.create(file);
    expect(made.sizeBytes).toBeGreaterThan(0);

    await registry.create(sampleMark({ id: 'T002', name: '新加的' }));
    expect(await registry.list()).toHaveLength(2);
    const restored = await backups.restore(file);
    expect(restored.markCount).toBe(1);
    expect((await createRegistryService(ctx).list()).map((m) => m.name)).toEqual(['昆仑雪']);
    const kept = new Database(restored.previousKeptAt, { readonly: true });
    expect((kept.prepare('SELECT count(*) AS n FROM protected_marks').get() as { n: number }).n).toBe(2);
    kept.close();
  });

  it('refuses a file that is not a database, a damaged one and one from a newer version, changing nothing', async () => {
    await createRegistryService(ctx).create(sampleMark());
    const backups = createBackupService(ctx);
    const notDb = path.join(folder.dir, 'notes.sqlite');
    writeFileSync(notDb, '这不是数据库'.repeat(200));
    await expect(backups.restore(notDb)).rejects.toThrow(/不是商标守护的备份文件/);

    const other = path.join(folder.dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    await expect(backups.restore(other)).rejects.toThrow(/不是商标守护的备份文件/);

    const newer = path.join(folder.dir, 'newer.sqlite');
    await backups.create(newer);
    const raise = new Database(newer);
    raise.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raise.close();
    await expect(backups.restore(newer)).rejects.toThrow(/更新版本/);

    const damaged = path.join(folder.dir, 'damaged.sqlite');
    await backups.create(damaged);
    const bytes = readFileSync(damaged);
    bytes.fill(0x41, 4096, 8192);
    writeFileSync(damaged, bytes);
    await expect(backups.restore(damaged)).rejects.toThrow(/损坏|不是商标守护/);

    expect(await marksRepository(ctx.data).count()).toBe(1);
    expect(existsSync(path.join(ctx.config.dataDir, 'replaced'))).toBe(false);
  });

  it('restores an older-version backup by migrating it forward', async () => {
    const old = path.join(folder.dir, 'v1.sqlite');
    const db = new Database(old);
    db.exec(`CREATE TABLE protected_marks (key INTEGER PRIMARY KEY, mark_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      category TEXT NOT NULL, classes TEXT NOT NULL DEFAULT '', registration_number TEXT NOT NULL DEFAULT '',
      holder TEXT NOT NULL DEFAULT '', aliases TEXT NOT NULL DEFAULT '[]', region TEXT NOT NULL DEFAULT '',
      recognized_on TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
      entity TEXT NOT NULL, entity_key TEXT NOT NULL, before_json TEXT, after_json TEXT, note TEXT NOT NULL DEFAULT '');
      INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES ('O1', '日月山', '公共资源', 'x', 'x');
      PRAGMA user_version = 1;`);
    db.close();
    const result = await createBackupService(ctx).restore(old);
    expect(result.markCount).toBe(1);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it(`keeps only the newest ${AUTOMATIC_BACKUPS_KEPT} automatic backups`, async () => {
    await createRegistryService(ctx).create(sampleMark());
    const backups = createBackupService(ctx);
    for (let i = 0; i < AUTOMATIC_BACKUPS_KEPT + 3; i += 1) await backups.automatic();
    const files = readdirSync(path.join(ctx.config.dataDir, 'backups'));
    expect(files).toHaveLength(AUTOMATIC_BACKUPS_KEPT);
    expect(backups.listAutomatic()).toHaveLength(AUTOMATIC_BACKUPS_KEPT);
    expect(backups.listAutomatic()[0]?.fileName).toBe([...files].sort().reverse()[0]);
  });
});
