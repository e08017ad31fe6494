// Several clerks on one registry (issue 11): an edit or deletion of a protected mark names the version the clerk
// saw, and one made on a record another clerk has changed since is refused — nothing written, the record as it is
// now in the answer — instead of silently overwriting it. Two clerks creating the same 编号 at once get the Chinese
// duplicate message, and one record. The same suite on the desktop's SQLite file and on PostgreSQL.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateDataStore, migrateDataStoreDown } from '../../electron/data/postgres/migrate';
import { inTransaction } from '../../electron/data/queries';
import type { DataSchema } from '../../electron/data/schema';
import { MIGRATIONS } from '../../electron/db/migrations';
import markVersions from '../../electron/db/migrations/012-mark-versions';
import { applyMigrations } from '../../electron/db/open';
import { MarkIdTaken, marksRepository } from '../../electron/registry/marks';
import { markConflictOf, type AuditEntry, type StoredMark } from '../../shared/api';
import type { Result } from '../../shared/result';
import { tempDir } from './support/context';
import { useRunningServices, valueOf, type ServicesHarness } from './support/services';
import { openFreshStore, STORE_KINDS } from './support/stores';

const MARK = { id: 'C1', name: '昆仑雪', category: '省著名商标', classes: [32], registrationNumber: '', holder: '青海昆仑雪饮品有限公司', aliases: [], region: '', recognizedOn: '', notes: '' };
const CHANGED = /^该商标「C1 昆仑雪」已被他人修改（测试员 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}），本次(保存|删除)未执行。请查看最新内容后再\1。$/;

describe('migration 12 (mark versions)', () => {
  it('adds a version to every mark on SQLite, 0 for the marks already stored', () => {
    const dir = tempDir();
    try {
      const db = new Database(path.join(dir.dir, 't.sqlite'));
      applyMigrations(db, MIGRATIONS.filter((m) => m.version < markVersions.version));
      db.prepare("INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES ('A', '甲', '老字号', 'x', 'x')").run();
      applyMigrations(db, MIGRATIONS.filter((m) => m.version <= markVersions.version));
      expect(db.prepare("SELECT version FROM protected_marks WHERE mark_id = 'A'").get()).toEqual({ version: 0 });
      const column = (db.prepare('PRAGMA table_info(protected_marks)').all() as { name: string; notnull: number }[]).find((c) => c.name === 'version');
      expect(column?.notnull).toBe(1);
      db.close();
    } finally {
      dir.remove();
    }
  });

  it('has a PostgreSQL twin that the server runs: down drops the column, up gives the stored marks version 0', async () => {
    const test = await openFreshStore('postgres');
    try {
      const applied = await migrateDataStore(test.store);
      expect(applied.at(-1)).toBe('012-mark-versions');
      const data = test.store.db as unknown as Kysely<DataSchema>;
      const columns = async () =>
        (await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = ${test.store.schema} and table_name = 'protected_marks'`.execute(data)).rows.map((row) => row.name);
      expect(await columns()).toContain('version');
      await migrateDataStoreDown(test.store);
      expect(await columns()).not.toContain('version');
      await sql`insert into protected_marks (mark_id, name, category, created_at, updated_at) values ('A', '甲', '老字号', 'x', 'x')`.execute(data);
      expect(await migrateDataStore(test.store)).toEqual(['012-mark-versions']);
      expect(await data.selectFrom('protected_marks').select(['mark_id', 'version']).execute()).toEqual([{ mark_id: 'A', version: 0 }]);
    } finally {
      await test.drop();
    }
  });
});

const failureOf = (result: Result<unknown>) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

function api(harness: ServicesHarness) {
  const dispatch = (channel: string, input: unknown = {}) => harness.services.dispatch(channel, input);
  return {
    dispatch,
    call: <T>(channel: string, input: unknown = {}) => valueOf<T>(dispatch(channel, input)),
    byId: async (id: string) => (await valueOf<StoredMark[]>(dispatch('registry.list'))).filter((mark) => mark.id === id),
  };
}

describe.each(STORE_KINDS)('two clerks on one registry, the data on %s', (kind) => {
  const harness = useRunningServices(kind);

  it('an edit made on a version another clerk has saved over is refused with the record as it is now', async () => {
    const { call, dispatch, byId } = api(harness);
    const loaded = await call<StoredMark>('registry.create', { mark: MARK });
    const wang = await call<StoredMark>('registry.update', { key: loaded.key, version: loaded.version, mark: { ...MARK, holder: '昆仑雪集团' } });
    expect(wang.version).toBe(loaded.version + 1);

    const li = failureOf(await dispatch('registry.update', { key: loaded.key, version: loaded.version, mark: { ...MARK, notes: '李强的备注' } }));
    expect(li).toMatchObject({ kind: 'conflict', message: expect.stringMatching(CHANGED) });
    expect(markConflictOf(li)).toEqual(wang);
    expect(await byId('C1')).toEqual([wang]);
    const history = await call<AuditEntry[]>('registry.history', { key: loaded.key });
    expect(history.map((entry) => entry.action)).toEqual(['update', 'create']);

    // saved on the version it was shown, the edit goes through
    const again = await call<StoredMark>('registry.update', { key: loaded.key, version: wang.version, mark: { ...wang, notes: '李强的备注' } });
    expect(again).toMatchObject({ holder: '昆仑雪集团', notes: '李强的备注', version: wang.version + 1 });
  });

  it('of two edits of the same version sent at once, one is saved and the other refused, never both', async () => {
    const { call, dispatch, byId } = api(harness);
    const loaded = await call<StoredMark>('registry.create', { mark: MARK });
    const holders = ['王丽的公司', '李强的公司', '赵六的公司'];
    const results = await Promise.all(
      holders.map((holder) => dispatch('registry.update', { key: loaded.key, version: loaded.version, mark: { ...MARK, holder } })),
    );
    const saved = results.flatMap((result) => (result.ok ? [result.value as StoredMark] : []));
    expect(saved).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok)) {
      const failure = failureOf(result);
      expect(failure.message).toMatch(CHANGED);
      expect(markConflictOf(failure)).toEqual(saved[0]);
    }
    expect(await byId('C1')).toEqual(saved);
    expect((await call<AuditEntry[]>('registry.history', { key: loaded.key })).filter((entry) => entry.action === 'update')).toHaveLength(1);
  });

  it('a deletion made on a version another clerk has saved over is refused, and the record stays', async () => {
    const { call, dispatch, byId } = api(harness);
    const loaded = await call<StoredMark>('registry.create', { mark: MARK });
    const wang = await call<StoredMark>('registry.update', { key: loaded.key, version: loaded.version, mark: { ...MARK, holder: '昆仑雪集团' } });
    const li = failureOf(await dispatch('registry.delete', { key: loaded.key, version: loaded.version }));
    expect(li.message).toMatch(CHANGED);
    expect(li.message).toContain('本次删除未执行');
    expect(markConflictOf(li)).toEqual(wang);
    expect(await byId('C1')).toEqual([wang]);
    expect(await call('registry.delete', { key: loaded.key, version: wang.version })).toEqual({ deleted: true });
    expect(await byId('C1')).toEqual([]);
    // and one made on a record deleted since is told so
    expect(failureOf(await dispatch('registry.update', { key: loaded.key, version: wang.version, mark: MARK }))).toMatchObject({
      kind: 'not-found', message: expect.stringMatching(/已被删除/),
    });
  });

  it('two clerks creating the same 编号 at once: one record, and the other told in Chinese which 编号 is taken', async () => {
    const { dispatch, byId } = api(harness);
    const results = await Promise.all([
      dispatch('registry.create', { mark: { ...MARK, name: '昆仑雪' } }),
      dispatch('registry.create', { mark: { ...MARK, name: '雪域天成', category: '驰名商标' } }),
    ]);
    const created = results.flatMap((result) => (result.ok ? [result.value as StoredMark] : []));
    expect(created).toHaveLength(1);
    const refused = failureOf(results.find((result) => !result.ok)!);
    expect(refused).toEqual({ kind: 'conflict', message: `编号「C1」已被「${created[0]!.name}」使用，请换一个编号` });
    expect(await byId('C1')).toEqual(created);
  });

  it('the database itself refuses a taken 编号, and the repository says which', async () => {
    const { call } = api(harness);
    await call('registry.create', { mark: MARK });
    const data = harness.services.ctx.data;
    const now = new Date().toISOString();
    const mark = { ...MARK, category: '省著名商标' as const };
    await expect(marksRepository(data).insert({ ...mark, name: '别的' }, now)).rejects.toThrow(MarkIdTaken);
    const many = marksRepository(data).insertAll([{ mark: { ...mark, id: 'C2' }, now }, { mark, now }]);
    await expect(many).rejects.toMatchObject({ name: 'MarkIdTaken', markId: kind === 'postgres' ? 'C1' : null });
  });

  it('an import that changed a record raises its version: an editor still on the old one gets the conflict', async () => {
    const { call, dispatch } = api(harness);
    const loaded = await call<StoredMark>('registry.create', { mark: MARK });
    const file = path.join(harness.folder.dir, '名录.csv');
    writeFileSync(file, '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注\nC1,昆仑雪,省著名商标,32,,导入的权利人,,,,\n');
    const preview = await call<{ token: string }>('registry.importPreview', { fileToken: harness.services.files.grant(file, 'table').token });
    expect(await call('registry.importCommit', { token: preview.token })).toMatchObject({ updated: 1 });
    const refused = failureOf(await dispatch('registry.update', { key: loaded.key, version: loaded.version, mark: { ...MARK, notes: '旧版本上的修改' } }));
    expect(markConflictOf(refused)).toMatchObject({ holder: '导入的权利人', version: loaded.version + 1 });
  });
});

describe('two clerks creating the same 编号 on the server, the second after the first checked', () => {
  const harness = useRunningServices('postgres');

  it('the second create waits on the first and, when the first commits, gets the Chinese message, not the database error', async () => {
    const { dispatch, byId } = api(harness);
    const { ctx } = harness.services;
    // another server request's transaction: the record inserted but not yet committed, so the create's check
    // before its insert finds nothing and only the unique index can refuse it
    let inserted!: () => void;
    let release!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = inTransaction(ctx.data, async (tx) => {
      await marksRepository(tx).insert({ ...MARK, category: '省著名商标' }, new Date().toISOString());
      inserted();
      await released;
    });
    await insertedYet;
    const second = dispatch('registry.create', { mark: { ...MARK, name: '雪域天成', category: '驰名商标' } });
    // the second has passed its check and waits on the first's row in the unique index
    for (let tries = 0; ; tries += 1) {
      const waiting = await sql<{ n: string }>`select count(*) as n from pg_locks where not granted`.execute(ctx.data);
      if (Number(waiting.rows[0]?.n) > 0) break;
      if (tries > 200) throw new Error('the second create never waited on the first');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    release();
    await first;
    expect(failureOf(await second)).toEqual({ kind: 'conflict', message: '编号「C1」已被「昆仑雪」使用，请换一个编号' });
    expect((await byId('C1')).map((mark) => mark.name)).toEqual(['昆仑雪']);
  });
});
