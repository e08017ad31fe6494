// One mark once in what the clerk reviews (issue 10, item 3): a filing that hits several marks is one row of the
// queue listing them all, a decision on it applies to all of them, and the quick check names a mark once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobManager, type JobManager } from '../../electron/batches/jobs';
import { createBatchService } from '../../electron/batches/service';
import { createQuickCheckService } from '../../electron/registry/quick-check';
import { createRegistryService } from '../../electron/registry/service';
import { createReviewService } from '../../electron/review/service';
import { openTestContext, tempDir } from './support/context';
import { FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';
import { sampleMark } from './support/marks';
import { marksRepository } from '../../electron/registry/marks';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
let jobs: JobManager;
let review: ReturnType<typeof createReviewService>;

beforeEach(async () => {
  ctx = openTestContext();
  folder = tempDir();
  jobs = createJobManager(ctx);
  review = createReviewService(ctx);
  const registry = createRegistryService(ctx);
  const yak = { name: '玉树牦牛', category: '地理标志' as const, classes: [29], holder: '', aliases: [] };
  await registry.create(sampleMark({ id: 'G01', ...yak }));
  // the same mark entered twice, deliberately kept (the registry asks; the clerk may say keep both)
  await registry.create(sampleMark({ id: 'G02', ...yak }), 'keep');
  await registry.create(sampleMark({ id: 'W1', name: '昆仑雪', category: '驰名商标', classes: [32] }));
  const batches = createBatchService(ctx, jobs);
  const file = writeFilings(folder.dir, '第1930期.csv', [
    filingLine('81000001', '玉树牦牛', { niceClass: 29 }),
    filingLine('81000002', '昆仑雪', { niceClass: 32, applicant: '乙公司' }),
  ]);
  const { batchId } = await batches.startImport(file, 'filing', FILING_MAPPING);
  await waitForBatch(jobs, batchId);
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

const queue = (extra: object = {}) => review.query({ source: 'filing', sortBy: 'score', sortDir: 'desc', offset: 0, limit: 200, ...extra });

describe('the review queue shows a filing once', () => {
  it('one row per filing, listing every mark it hits; the total counts filings', async () => {
    const { total, rows } = await queue();
    expect(total).toBe(2);
    expect(rows.map((r) => r.filing?.applicationNumber).sort()).toEqual(['81000001', '81000002']);
    const yak = rows.find((r) => r.filing?.applicationNumber === '81000001');
    expect(yak?.marksHit?.map((m) => m.markId).sort()).toEqual(['G01', 'G02']);
    expect(yak?.marksHit?.map((m) => m.hitId)).toContain(yak?.hitId);
  });

  it('a filter on one mark shows the filing with that mark as its row', async () => {
    const { total, rows } = await queue({ markId: 'G02' });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ markId: 'G02', marksHit: expect.arrayContaining([expect.objectContaining({ markId: 'G01' })]) });
  });

  it('a decision on the row (or on any of its hits) applies to every mark of the filing', async () => {
    const yak = (await queue()).rows.find((r) => r.filing?.applicationNumber === '81000001')!;
    expect((await review.decide([yak.hitId], 'confirmed')).updated).toBe(2);
    expect((await queue({ decision: 'confirmed' })).rows[0]?.marksHit?.map((m) => m.decision)).toEqual(['confirmed', 'confirmed']);
    expect((await queue({ decision: 'undecided' })).total).toBe(1);

    const other = yak.marksHit!.find((m) => m.hitId !== yak.hitId)!;
    await review.decide([other.hitId], 'dismissed', '其他');
    const again = (await queue()).rows.find((r) => r.filing?.applicationNumber === '81000001')!;
    expect(again.marksHit?.map((m) => m.decision)).toEqual(['dismissed', 'dismissed']);
    // the other filing was not touched
    expect((await queue({ decision: 'undecided' })).rows.map((r) => r.filing?.applicationNumber)).toEqual(['81000002']);
  });

  it('a mark about to be deleted says how many hits it has (issue 10, item 8)', async () => {
    const registry = createRegistryService(ctx);
    const g01 = (await marksRepository(ctx.data).getByMarkId('G01'))!;
    expect(await registry.usage(g01.key)).toEqual({ hits: 1, letters: 0 });
  });

  it('the quick check names a mark once, however often it was entered', async () => {
    const results = await createQuickCheckService(ctx).check('玉树牦牛', 29);
    expect(results.filter((r) => r.markName === '玉树牦牛')).toHaveLength(1);
  });
});
