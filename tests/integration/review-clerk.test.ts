// Issue 10 items 1, 2, 5 and 6 on a real database: one definition of actionable/overdue, deciding every hit a
// filter matches and undoing it, batches with their issues and a wrong-kind hint, re-screening only what is out of
// date, and the dashboard's report period.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isActionable, isOverdue } from '../../shared/deadlines';
import { sql } from 'kysely';
import { deadlineIs } from '../../electron/review/hit-filter';
import { createJobManager, type JobManager } from '../../electron/batches/jobs';
import { createBatchService, likelyOtherKind } from '../../electron/batches/service';
import { weekOf } from '../../electron/dashboard/repository';
import { createDashboardService } from '../../electron/dashboard/service';
import { createRegistryService } from '../../electron/registry/service';
import { createReviewService } from '../../electron/review/service';
import { FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';
import { openTestContext, tempDir } from './support/context';
import { sampleMark } from './support/marks';
import { auditRepository } from '../../electron/data/audit';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
let jobs: JobManager;
let batches: ReturnType<typeof createBatchService>;
let review: ReturnType<typeof createReviewService>;

beforeEach(async () => {
  ctx = openTestContext();
  folder = tempDir();
  jobs = createJobManager(ctx);
  batches = createBatchService(ctx, jobs);
  review = createReviewService(ctx);
  await createRegistryService(ctx).create(sampleMark({ id: 'G1', name: '日月山', category: '公共资源', classes: [], holder: '' }));
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

async function importFilings(name: string, lines: string[]): Promise<number> {
  const { batchId } = await batches.startImport(writeFilings(folder.dir, name, lines), 'filing', FILING_MAPPING);
  await waitForBatch(jobs, batchId);
  return batchId;
}

// The test clock says 2026-11-29: published 2026-08-29 → deadline 2026-11-29 (today: still actionable).
const ON_THE_DAY = '2026-08-29';
const DAY_AFTER = '2026-08-28';

describe('one definition of what can still be opposed', () => {
  it('the SQL the queue, deadlines and dashboard count with agrees with shared/deadlines.ts', async () => {
    const days = ['', '2026-11-28', '2026-11-29', '2026-11-30'];
    for (const deadline of days) {
      const ask = async (kind: 'actionable' | 'overdue') => {
        const row = await ctx.data
          .selectFrom(sql<{ deadline: string }>`(SELECT ${deadline} AS deadline)`.as('h'))
          .select(sql<number | boolean>`${deadlineIs(kind, '2026-11-29')}`.as('v'))
          .executeTakeFirstOrThrow();
        return Number(row.v) === 1;
      };
      expect(await ask('actionable'), `actionable ${deadline}`).toBe(isActionable(deadline, '2026-11-29'));
      expect(await ask('overdue'), `overdue ${deadline}`).toBe(isOverdue(deadline, '2026-11-29'));
    }
  });

  it('the deadline day itself is actionable everywhere; the day after is overdue', async () => {
    await importFilings('f.csv', [
      filingLine('80000001', '日月山', { publishedOn: ON_THE_DAY, niceClass: 16 }),
      filingLine('80000002', '日月山', { publishedOn: DAY_AFTER, niceClass: 17 }),
    ]);
    const open = (await review.query({ source: 'filing', deadline: 'open' })).rows.map((r) => r.filing?.applicationNumber);
    const overdue = (await review.query({ source: 'filing', deadline: 'overdue' })).rows.map((r) => r.filing?.applicationNumber);
    expect(open).toEqual(['80000001']);
    expect(overdue).toEqual(['80000002']);
    expect((await review.facets('filing')).undecidedByDeadline).toEqual({ actionable: 1, overdue: 1 });
    const dashboard = await createDashboardService(ctx).summary();
    expect(dashboard.totals.overdue).toBe(1);
    expect(dashboard.dueSoon.map((r) => r.filing?.applicationNumber)).toEqual(['80000001']);
  });
});

describe('deciding every hit a filter matches, and undo', () => {
  it('decides all matching hits, not only a page, and undo puts each back as it was', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => filingLine(String(80000100 + i), '日月山', { niceClass: (i % 40) + 1 }));
    await importFilings('many.csv', lines);
    const first = (await review.query({ source: 'filing', limit: 1 })).rows[0]!;
    const dismissed = await review.decide([first.hitId], 'dismissed', '不近似', '自有');
    expect(dismissed.undoToken).not.toBeNull();

    const all = await review.decideMatching({ source: 'filing', decision: 'undecided', limit: 5 }, 'confirmed');
    expect(all.updated).toBe(29);
    expect((await review.query({ source: 'filing', decision: 'confirmed' })).total).toBe(29);
    // Only the latest decision can be undone.
    await expect(review.undo(dismissed.undoToken!)).rejects.toThrow(/只能撤销最近一次/);
    expect(await review.undo(all.undoToken!)).toMatchObject({ restored: 29, versions: expect.arrayContaining([expect.objectContaining({ version: 2 })]) });
    expect((await review.query({ source: 'filing', decision: 'undecided' })).total).toBe(29);
    expect(await review.get(first.hitId)).toMatchObject({ decision: 'dismissed', dismissReason: '不近似', decisionNote: '自有' });
    await expect(review.undo(all.undoToken!)).rejects.toThrow(/已撤销/);
    expect((await auditRepository(ctx.data).history('hit', String((await review.query({ source: 'filing', decision: 'undecided', limit: 1 })).rows[0]!.hitId)))[0]?.note).toContain('撤销结论');
  });
});

describe('batches a clerk can tell apart', () => {
  it('lists the gazette issues of a batch and finds its hits by batch', async () => {
    const id = await importFilings('a.csv', [
      filingLine('80000201', '日月山', { issue: '第1931期', niceClass: 16 }),
      filingLine('80000202', '日月山', { issue: '第1930期', niceClass: 17 }),
    ]);
    const batch = (await batches.list()).find((b) => b.id === id);
    expect(batch?.gazetteIssues).toEqual(['第1930期', '第1931期']);
    expect((await review.query({ source: 'filing', batchId: id })).total).toBe(batch?.hitCount);
  });

  it('says when a listings file was chosen as a gazette, and the reverse, by its header columns', () => {
    const listing = ['编号', '平台', '店铺', '商品标题', '链接', '价格', '所在地'];
    const filing = ['申请号', '商标名称', '国际分类', '商品服务', '申请人名称', '初审公告期号', '初审公告日期'];
    expect(likelyOtherKind('filing', listing)).toBe('listing');
    expect(likelyOtherKind('listing', filing)).toBe('filing');
    expect(likelyOtherKind('filing', filing)).toBeNull();
    expect(likelyOtherKind('listing', listing)).toBeNull();
  });

  it('re-screens all only the batches whose hits are out of date', async () => {
    const first = await importFilings('a.csv', [filingLine('80000301', '日月山', { niceClass: 16 })]);
    expect((await batches.rescreen()).batchIds).toEqual([]);
    await createRegistryService(ctx).create(sampleMark({ id: 'G2', name: '青海湖', category: '公共资源', classes: [], holder: '' }));
    const second = await importFilings('b.csv', [filingLine('80000302', '青海湖', { niceClass: 16 })]);
    expect((await batches.list()).map((b) => [b.id, b.stale])).toEqual([[second, false], [first, true]]);
    expect((await batches.rescreen()).batchIds).toEqual([first]);
    await waitForBatch(jobs, first);
  });
});

describe('the dashboard report period', () => {
  it('counts the decisions made and the hits found in the period, and the week basis', async () => {
    await importFilings('a.csv', [filingLine('80000401', '日月山', { niceClass: 16 }), filingLine('80000402', '日月山', { niceClass: 17 })]);
    const [a, b] = (await review.query({ source: 'filing' })).rows;
    await review.decide([a!.hitId], 'confirmed');
    await review.decide([b!.hitId], 'dismissed', '其他');
    const dashboard = createDashboardService(ctx);
    const november = await dashboard.summary({ period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(november.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', hitsFound: 2, confirmed: 1, dismissed: 1, lettersIssued: 0 });
    const october = await dashboard.summary({ period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(october.period).toMatchObject({ hitsFound: 0, confirmed: 0, dismissed: 0 });
    // By default: this month.
    expect((await dashboard.summary()).period).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    // 公告日 (2026-11-20, a Friday → week of 11-16) or 导入日 (2026-11-29, a Sunday → week of 11-23).
    expect((await dashboard.summary({ weekBasis: 'published' })).hitsPerWeek.map((w) => w.week)).toEqual(['2026-11-16']);
    const found = await dashboard.summary({ weekBasis: 'found' });
    expect(found.weekBasis).toBe('found');
    expect(found.hitsPerWeek.map((w) => w.week)).toEqual(['2026-11-23']);
  });
});

describe('the dashboard weeks', () => {
  it('count a day under the Monday on or before it: a Monday begins its own week', () => {
    expect(weekOf('2026-11-30')).toBe('2026-11-30'); // a Monday (counted under 11-23 before the port: a bug)
    expect(weekOf('2026-12-06')).toBe('2026-11-30'); // the Sunday after it
    expect(weekOf('2026-11-29')).toBe('2026-11-23');
    // over 400 days, against SQLite's date arithmetic: six days back, then forward to a Monday
    const sqlite = ctx.db.prepare<[string], { w: string }>("SELECT date(?, '-6 days', 'weekday 1') AS w");
    for (let day = 0; day < 400; day += 1) {
      const iso = new Date(Date.UTC(2025, 11, 1 + day)).toISOString().slice(0, 10);
      expect(weekOf(iso), iso).toBe(sqlite.get(iso)?.w);
    }
  });
});

describe('a cancelled import', () => {
  it('keeps and says what it read, of the file it was reading', async () => {
    const lines = Array.from({ length: 25_000 }, (_, i) => filingLine(String(81000000 + i), `测试${i}`, { niceClass: 16 }));
    const { batchId } = await batches.startImport(writeFilings(folder.dir, 'big.csv', lines), 'filing', FILING_MAPPING);
    const deadline = Date.now() + 60_000;
    while ((await jobs.progress(batchId)).readRows < 10_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    jobs.cancel(batchId);
    await waitForBatch(jobs, batchId, 60_000);
    const batch = (await batches.list()).find((b) => b.id === batchId)!;
    expect(batch.status).toBe('cancelled');
    const stored = (ctx.db.prepare('SELECT count(*) AS n FROM filings WHERE batch_id = ?').get(batchId) as { n: number }).n;
    expect(batch.totalRows).toBe(stored);
    expect(batch.message).toBe(`已取消：已读取 ${stored.toLocaleString('zh-CN')} 行（文件约 25,000 行）并保留，可继续导入或删除该批次`);
  });
});
