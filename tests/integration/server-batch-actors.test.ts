// Who a long job acted for, on a real HTTPS server (data on the real PostgreSQL): a batch's import and screening
// end after the request that started them answered, while other users' requests are being served — the audit
// entry written when each ends names the user who started it, a re-screen names who asked for it, and a decision
// taken meanwhile keeps the name of who decided it through the re-screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marksRepository } from '../../electron/registry/marks';
import { FILING_HEADER, FILING_MAPPING, filingLine } from './support/batches';
import { sampleMark } from './support/marks';
import { startTestServer, uploadFile, type TestServer } from './support/server';

let t: TestServer;
const token = { zhang: '', li: '' };

beforeAll(async () => {
  t = await startTestServer('postgres');
  const ctx = t.server.services.ctx;
  await marksRepository(ctx.data).insert(sampleMark({ id: 'PR-001', name: '青海湖', category: '公共资源', classes: [], registrationNumber: '', holder: '青海湖景区保护利用管理局', region: '青海' }), ctx.now());
  await t.server.accounts.create({ login: 'zhangsan', displayName: '张三', role: '科员', password: 'zhangsan-password-1' });
  await t.server.accounts.create({ login: 'lisi', displayName: '李四', role: '科员', password: 'lisi-password-1' });
  token.zhang = await t.login('zhangsan', 'zhangsan-password-1');
  token.li = await t.login('lisi', 'lisi-password-1');
});
afterAll(async () => {
  await t?.stop();
});

const csv = (lines: string[]) => Buffer.from([FILING_HEADER, ...lines].join('\r\n'));

async function startImport(who: string, name: string, lines: string[]): Promise<number> {
  const uploaded = await uploadFile(t.pin, who, 'table', name, csv(lines));
  const started = await t.call('batches.startImport', { fileToken: uploaded.body.value?.token, kind: 'filing', mapping: FILING_MAPPING }, who);
  if (!started.body.ok) throw new Error(started.body.error?.message);
  return (started.body.value as { batchId: number }).batchId;
}

const batchEntries = () =>
  t.server.services.ctx.data.selectFrom('audit_log').select(['actor', 'action', 'entity_key as batch', 'note']).where('entity', '=', 'batch').orderBy('id').execute();

/** Polls (as 李四: requests of another user served while the jobs run) until `done` holds. */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the jobs did not end within a minute');
    expect((await t.call('batches.list', {}, token.li)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the user of a long job', () => {
  it('names who started each import in the entry written when it ends, and who asked for a re-screen', async () => {
    const [mine, theirs] = await Promise.all([
      startImport(token.zhang, '第1921期.csv', [filingLine('71000001', '青海湖'), filingLine('71000002', '某某商标')]),
      startImport(token.li, '第1922期.csv', [filingLine('72000001', '青海湖牌'), filingLine('72000002', '另一商标'), filingLine('72000003', '第三商标')]),
    ]);
    await until(async () => (await batchEntries()).length === 2);
    const entries = await batchEntries();
    expect(entries.find((entry) => entry.batch === String(mine))).toEqual({
      actor: '张三（zhangsan）', action: 'import', batch: String(mine), note: expect.stringMatching(/^导入「第1921期\.csv」完成：新增 2 行，重复 0 行，问题行 0 行，筛查命中 [1-9]\d* 条$/),
    });
    expect(entries.find((entry) => entry.batch === String(theirs))).toEqual({
      actor: '李四（lisi）', action: 'import', batch: String(theirs), note: expect.stringMatching(/^导入「第1922期\.csv」完成：新增 3 行/),
    });

    // 张三 decides a hit of her batch; 李四 re-screens it: the entry names 李四, the decision still 张三
    const hit = await t.server.services.ctx.data
      .selectFrom('hits').innerJoin('filings', 'filings.id', 'hits.filing_id').select('hits.id').where('filings.batch_id', '=', mine).executeTakeFirstOrThrow();
    expect((await t.call('hits.decide', { hitIds: [hit.id], decision: 'confirmed' }, token.zhang)).body.ok).toBe(true);
    expect((await t.call('batches.rescreen', { batchId: mine }, token.li)).body).toEqual({ ok: true, value: { batchIds: [mine] } });
    await until(async () => (await batchEntries()).length === 3);
    expect((await batchEntries())[2]).toEqual({
      actor: '李四（lisi）', action: 'update', batch: String(mine), note: expect.stringMatching(/^重新筛查「第1921期\.csv」完成：筛查命中 [1-9]\d* 条$/),
    });
    expect((await t.call('hits.get', { hitId: hit.id }, token.li)).body.value).toMatchObject({ decision: 'confirmed', decidedBy: '张三（zhangsan）' });
  });

  it('names the cancelled import after who started it, not who cancelled it', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => filingLine(String(73000000 + i), `商标${i}`));
    const batchId = await startImport(token.zhang, '第1923期.csv', lines);
    expect((await t.call('batches.cancel', { batchId }, token.li)).status).toBe(200);
    await until(async () => (await batchEntries()).some((entry) => entry.batch === String(batchId)));
    const entry = (await batchEntries()).find((e) => e.batch === String(batchId));
    expect(entry?.actor).toBe('张三（zhangsan）');
    // cancelled while it ran, or (a fast machine) already done: either way it is 张三's
    expect(entry?.note).toMatch(/^导入「第1923期\.csv」(未完成（已取消）|完成)/);
  });
});
