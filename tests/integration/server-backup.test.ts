// Server backups against the real PostgreSQL (fresh schemas), the app's data on it beside the accounts: a backup
// brings back the users (their password hashes: an old password works again), the marks, the decisions and the
// images' files; a damaged backup is refused with nothing changed; sessions are not restored; pg_dump missing is
// said clearly.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../electron/server/backup/commands';
import { makeServerBackup } from '../../electron/server/backup/make';
import { readServerConfig } from '../../electron/server/config';
import { ACCOUNTS_DUMP_FILE, IMAGES_FILE, MANIFEST_FILE } from '../../electron/server/backup/manifest';
import { imageFileIn } from '../../electron/logos/store';
import { mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { restoreServerBackup } from '../../electron/server/backup/restore';
import { sql } from 'kysely';
import { openStore } from '../../electron/store/store';
import { tempDir, testConfig } from './support/context';
import { seedConfirmedHitsOn, type SeededHits } from './support/letters';
import { sampleMark } from './support/marks';
import { startTestServer, type TestServer } from './support/server';
import { marksRepository } from '../../electron/registry/marks';

const OLD_PASSWORD = 'clerk-password-old';
const NEW_PASSWORD = 'clerk-password-new';
let t: TestServer;
let seeded: SeededHits;
const scratch = tempDir('markguard-backup-test-');

beforeAll(async () => {
  t = await startTestServer('postgres');
  await t.server.accounts.create({ login: 'zhangsan', displayName: '张三', role: '科员', password: OLD_PASSWORD });
  seeded = await seedConfirmedHitsOn(t.server.services.ctx);
  await storeImage(IMAGE);
});

/** An image's row on PostgreSQL and its file in images/ (as the logo store writes them: the file first). */
const IMAGE_BYTES = Buffer.from('not really a PNG, but bytes with a SHA-256');
const IMAGE = { sha256: createHash('sha256').update(IMAGE_BYTES).digest('hex'), format: 'png' };
async function storeImage(image: typeof IMAGE): Promise<void> {
  const file = imageFileIn(t.dataDir, image);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, IMAGE_BYTES);
  await t.server.services.ctx.data
    .insertInto('images')
    .values({ ...image, size_bytes: IMAGE_BYTES.length, width: 1, height: 1, phash: '0'.repeat(16), dhash: '0'.repeat(16), thumb: Buffer.alloc(0), created_at: '2026-12-01T00:00:00Z' })
    .execute();
}
afterAll(async () => {
  await t?.stop();
  scratch.remove();
});

const decisionOf = async (hitId: number) =>
  (await t.server.services.ctx.data.selectFrom('hits').select('decision').where('id', '=', hitId).executeTakeFirstOrThrow()).decision;

/** The same bytes with one byte changed in the middle. */
function flipOneByte(file: string): void {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
}

describe('backup and restore of a server', () => {
  it('brings back users with their passwords, marks and decisions; refuses a damaged copy first; ends sessions', async () => {
    const token = await t.login('zhangsan', OLD_PASSWORD);
    const ctx = t.server.services.ctx;
    const marksBefore = await marksRepository(ctx.data).count();
    const confirmed = seeded.gi[0] ?? 0;
    expect(await decisionOf(confirmed)).toBe('confirmed');

    const made = await t.server.backups.create();
    expect(made.folder.startsWith(path.join(t.dataDir, 'backups'))).toBe(true);
    // the data is on PostgreSQL, in the accounts' schema: one dump holds both; the images travel beside it
    expect(readdirSync(made.folder).sort()).toEqual([ACCOUNTS_DUMP_FILE, IMAGES_FILE, MANIFEST_FILE].sort());
    expect(made.manifest.appData).toBe('postgres');
    expect(made.manifest.counts).toMatchObject({ users: 2, sessions: 1, marks: marksBefore });
    expect(made.manifest.counts.hits).toBeGreaterThan(0);
    expect(made.manifest.accounts).toMatchObject({ kind: 'postgres', schema: (t.storeConfig as { schema: string }).schema });
    const status = await t.call('serverBackup.status', {}, await t.adminToken());
    expect(status.body.value).toMatchObject({ available: true, folder: path.join(t.dataDir, 'backups'), count: 1, last: { name: made.name } });

    // after the backup: a password changed, a user added, a mark added, a decision changed
    const zhangsan = (await t.server.accounts.list()).find((user) => user.login === 'zhangsan');
    await t.server.accounts.resetPassword(zhangsan?.id ?? 0, NEW_PASSWORD);
    await t.server.accounts.create({ login: 'wangwu', displayName: '王五', role: '科员', password: 'wangwu-password-1' });
    await marksRepository(ctx.data).insert(sampleMark({ id: 'AFTER-1', name: '备份之后' }), ctx.now());
    await ctx.data.updateTable('hits').set((eb) => ({ decision: 'dismissed', version: eb('version', '+', 1) })).where('id', '=', confirmed).execute();
    // the image's file lost after the backup (a disk replaced): the restore writes it back
    rmSync(imageFileIn(t.dataDir, IMAGE));

    const damaged = path.join(scratch.dir, 'damaged');
    cpSync(made.folder, damaged, { recursive: true });
    flipOneByte(path.join(damaged, ACCOUNTS_DUMP_FILE));
    const restore = (folder: string) => () => restoreServerBackup({ folder, app: testConfig(t.dataDir), storeConfig: t.storeConfig }).then(() => undefined);

    await expect(t.restart(restore(damaged))).rejects.toThrow(/已损坏：「accounts\.dump」的校验值（SHA-256）与清单不符，未做任何更改/);
    await t.restart(); // nothing changed: the state after the backup is all there
    expect(await marksRepository(t.server.services.ctx.data).count()).toBe(marksBefore + 1);
    expect(await decisionOf(confirmed)).toBe('dismissed');
    await expect(t.login('wangwu', 'wangwu-password-1')).resolves.toBeTruthy();
    await expect(t.login('zhangsan', NEW_PASSWORD)).resolves.toBeTruthy();

    expect(existsSync(imageFileIn(t.dataDir, IMAGE))).toBe(false);
    await t.restart(restore(made.folder));
    expect(await marksRepository(t.server.services.ctx.data).count()).toBe(marksBefore);
    expect(readFileSync(imageFileIn(t.dataDir, IMAGE))).toEqual(IMAGE_BYTES);
    expect(await decisionOf(confirmed)).toBe('confirmed');
    await expect(t.login('zhangsan', OLD_PASSWORD)).resolves.toBeTruthy();
    await expect(t.login('zhangsan', NEW_PASSWORD)).rejects.toThrow();
    await expect(t.login('wangwu', 'wangwu-password-1')).rejects.toThrow();
    // sessions are not restored: the session from before the backup is gone
    expect((await t.call('accounts.me', {}, token)).status).toBe(401);
  });

  it('refuses a backup whose images have one byte changed, before touching the accounts or the data', async () => {
    const made = await t.server.backups.create();
    const damaged = path.join(scratch.dir, 'damaged-app');
    cpSync(made.folder, damaged, { recursive: true });
    flipOneByte(path.join(damaged, IMAGES_FILE));
    await t.server.accounts.create({ login: 'zhaoliu', displayName: '赵六', role: '科员', password: 'zhaoliu-password-1' });
    await expect(restoreServerBackup({ folder: damaged, app: testConfig(t.dataDir), storeConfig: t.storeConfig })).rejects.toThrow(
      /已损坏：「images\.sqlite」的校验值（SHA-256）与清单不符/,
    );
    await expect(t.login('zhaoliu', 'zhaoliu-password-1')).resolves.toBeTruthy();
    // the sound backup, while the server runs: refused too
    await expect(restoreServerBackup({ folder: made.folder, app: testConfig(t.dataDir), storeConfig: t.storeConfig })).rejects.toThrow(/服务器正在运行.*请先停止服务器再恢复。未做任何更改/);
    await expect(t.login('zhaoliu', 'zhaoliu-password-1')).resolves.toBeTruthy();
  });

  it('leaves the accounts as they were when pg_restore fails half-way (one transaction)', async () => {
    const made = await t.server.backups.create();
    await t.server.accounts.create({ login: 'sunqi', displayName: '孙七', role: '科员', password: 'sunqi-password-1' });
    const marks = await marksRepository(t.server.services.ctx.data).count();
    const schemaObjects = async () =>
      (
        await sql<{ name: string }>`select table_name || '.' || constraint_name as name from information_schema.table_constraints
          where table_schema = current_schema() order by 1`.execute(t.server.store.db)
      ).rows.map((row) => row.name);
    const before = await schemaObjects();
    // a table the backup does not know refers to users: dropping users fails inside pg_restore's transaction
    await sql`create table keeps_users (user_id integer references users(id))`.execute(t.server.store.db);
    await expect(
      t.restart(() => restoreServerBackup({ folder: made.folder, app: testConfig(t.dataDir), storeConfig: t.storeConfig }).then(() => undefined)),
    ).rejects.toThrow(/恢复账户失败，账户数据库没有任何更改/);
    await t.restart();
    await expect(t.login('sunqi', 'sunqi-password-1')).resolves.toBeTruthy();
    expect(await marksRepository(t.server.services.ctx.data).count()).toBe(marks);
    // what pg_restore dropped before it failed (the sessions' constraints come first) is back: nothing half-restored
    expect((await schemaObjects()).filter((name) => !name.startsWith('keeps_users.'))).toEqual(before);
    await sql`drop table keeps_users`.execute(t.server.store.db);
  });
});

describe('who made or restored a backup', () => {
  it('records the 管理员 who asked for a backup, and the server itself for one made without a request', async () => {
    await t.server.accounts.create({ login: 'root2', displayName: '周管理', role: '管理员', password: 'root2-password-1' });
    const asked = await t.call('serverBackup.create', {}, await t.login('root2', 'root2-password-1'));
    expect(asked.body.ok).toBe(true);
    const quiet = await t.server.backups.create();
    const entries = await t.server.services.ctx.data
      .selectFrom('audit_log').select(['actor', 'action', 'entity_key as name', 'note']).where('entity', '=', 'backup').orderBy('id').execute();
    expect(entries.slice(-2)).toEqual([
      { actor: '周管理（root2）', action: 'create', name: (asked.body.value as { name: string }).name, note: expect.stringMatching(/^手动服务器备份：.*（账户 \d+ 个；保护名录 \d+ 条，命中 \d+ 条，函件 \d+ 件）$/) },
      { actor: '测试员', action: 'create', name: quiet.name, note: expect.stringMatching(/^手动服务器备份：/) },
    ]);
  });
});

describe('npm run server -- backup | restore', () => {
  it('backs up and restores from the command line, saying what it did and that everyone logs in again', async () => {
    const lines: string[] = [];
    const write = (line: string) => lines.push(line);
    const app = testConfig(t.dataDir);
    await t.restart(async () => {
      await backupCommand(app, readServerConfig(t.dataDir, {}), t.storeConfig, write);
      await expect(restoreCommand(undefined, app, t.storeConfig, write)).rejects.toThrow('请给出要恢复的备份文件夹');
      const folder = /服务器备份已完成：(.+)（/.exec(lines[0] ?? '')?.[1] ?? '';
      await restoreCommand(folder, app, t.storeConfig, write);
    });
    expect(lines[0]).toMatch(/^服务器备份已完成：.*server-\d{8}-\d{6}/);
    expect(lines[1]).toMatch(/^账户 \d+ 个，会话 \d+ 个（恢复时不恢复会话）；保护名录 \d+ 条/);
    expect(lines.slice(2).join('\n')).toMatch(/已从服务器备份恢复[\s\S]*会话没有恢复：所有用户（包括管理员）需要重新登录/);
    // who restored is in the restored data (the command's own backup entry came after its dump, so it went with it)
    const restored = await t.server.services.ctx.data
      .selectFrom('audit_log').select(['actor', 'action', 'entity', 'note']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(restored).toEqual({ actor: '测试员', action: 'restore', entity: 'database', note: expect.stringMatching(/^从服务器备份「.*server-\d{8}-\d{6}(-\d+)?」恢复（备份时间 .*；账户 \d+ 个；/) });
  });
});

describe('pg_dump missing', () => {
  it('says so in Chinese and leaves no backup folder behind', async () => {
    const backupsDir = path.join(scratch.dir, 'no-tools');
    const store = await openStore(t.storeConfig);
    try {
      await expect(
        makeServerBackup({
          appDb: t.server.services.ctx.sqlite,
          dataDir: t.dataDir,
          storeConfig: t.storeConfig,
          store,
          version: 'test',
          backupsDir,
          now: () => new Date(),
          searchPath: path.join(scratch.dir, 'empty-path'),
        }),
      ).rejects.toThrow(/找不到 pg_dump：服务器备份与恢复需要 PostgreSQL 客户端程序/);
    } finally {
      await store.close();
    }
    expect(existsSync(backupsDir) ? readdirSync(backupsDir) : []).toEqual([]);
  });
});
