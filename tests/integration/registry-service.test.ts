import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryService } from '../../electron/registry/service';
import { AppFailure } from '../../shared/result';
import { openTestContext } from './support/context';
import { sampleMark } from './support/marks';

let ctx: ReturnType<typeof openTestContext>;
let registry: ReturnType<typeof createRegistryService>;
beforeEach(() => {
  ctx = openTestContext();
  registry = createRegistryService(ctx);
});
afterEach(() => ctx.cleanup());

describe('registry service', () => {
  it('creates a mark, trims it, and records who created it', async () => {
    const stored = await registry.create(sampleMark({ name: '  昆仑雪 ', aliases: ['KUNLUNXUE', ' KUNLUNXUE ', ''] }));
    expect(stored).toMatchObject({ id: 'T001', name: '昆仑雪', aliases: ['KUNLUNXUE'], classes: [32] });
    const [entry] = await registry.history(stored.key);
    expect(entry).toMatchObject({ action: 'create', actor: '测试员', before: null, after: { name: '昆仑雪' } });
  });

  it('refuses a duplicate 编号 with a message naming the holder of that number', async () => {
    await registry.create(sampleMark());
    await expect(registry.create(sampleMark({ name: '别的名字' }))).rejects.toThrow(/编号「T001」已被「昆仑雪」使用/);
    expect(await registry.list()).toHaveLength(1);
  });

  it('requires classes except for public resources', async () => {
    await expect(registry.create(sampleMark({ classes: [] }))).rejects.toThrow(/国际分类/);
    expect((await registry.create(sampleMark({ id: 'G1', category: '公共资源', classes: [] }))).classes).toEqual([]);
  });

  it('updates a mark, keeping before and after in its history; an unchanged save adds no entry', async () => {
    const { key, version } = await registry.create(sampleMark());
    const edited = await registry.update(key, sampleMark({ holder: '青海昆仑雪集团', classes: [32, 33] }), version);
    expect(edited.version).toBe(version + 1);
    expect((await registry.update(key, sampleMark({ holder: '青海昆仑雪集团', classes: [33, 32] }), edited.version)).version).toBe(edited.version);
    const history = await registry.history(key);
    expect(history.map((e) => e.action)).toEqual(['update', 'create']);
    expect(history[0]?.before?.holder).toBe('青海昆仑雪饮品有限公司');
    expect(history[0]?.after?.holder).toBe('青海昆仑雪集团');
  });

  it('lets the 编号 be corrected but not to one that another record uses', async () => {
    const first = await registry.create(sampleMark());
    await registry.create(sampleMark({ id: 'T002', name: '湖光' }));
    const corrected = await registry.update(first.key, sampleMark({ id: 'T001-A' }), first.version);
    expect(corrected.id).toBe('T001-A');
    await expect(registry.update(first.key, sampleMark({ id: 'T002' }), corrected.version)).rejects.toThrow(AppFailure);
  });

  it('deletes a mark and keeps what it was in the audit log', async () => {
    const { key, version } = await registry.create(sampleMark());
    expect(await registry.remove(key, version)).toEqual({ deleted: true });
    expect(await registry.list()).toEqual([]);
    expect((await registry.history(key))[0]).toMatchObject({ action: 'delete', before: { name: '昆仑雪' }, after: null });
    await expect(registry.remove(key, version)).rejects.toThrow(/不存在/);
  });
});

describe('a registry change and its audit entry', () => {
  // The audit log refuses entries while this trigger stands: the change before it must not stay without its entry.
  const refuseAudit = () =>
    ctx.db.exec(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, '审计日志拒绝写入'); END`);
  const auditCount = () => (ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it('a create whose audit entry fails leaves neither the record nor the entry', async () => {
    refuseAudit();
    await expect(registry.create(sampleMark())).rejects.toThrow(/审计日志拒绝写入/);
    expect(await registry.list()).toEqual([]);
    expect(auditCount()).toBe(0);
  });

  it('an update or a delete whose audit entry fails leaves the record as it was', async () => {
    const { key, version } = await registry.create(sampleMark());
    refuseAudit();
    await expect(registry.update(key, sampleMark({ holder: '别的权利人' }), version)).rejects.toThrow(/审计日志拒绝写入/);
    await expect(registry.remove(key, version)).rejects.toThrow(/审计日志拒绝写入/);
    expect(await registry.list()).toEqual([expect.objectContaining({ key, version, holder: '青海昆仑雪饮品有限公司' })]);
    expect((await registry.history(key)).map((e) => e.action)).toEqual(['create']);
  });
});
