// Removing a large batch (issue 9, item 13): the batch is hidden at once, its rows are deleted a chunk at a time in
// the background with progress, the event loop runs between chunks, and a removal cut off by a kill finishes at
// the next start.
import { inTransaction } from '../../electron/data/queries';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { createBatchesRepository } from '../../electron/batches/repository';
import { REMOVE_CHUNK_ROWS } from '../../electron/batches/jobs';
import { createBatchService } from '../../electron/batches/service';
import { createRegistryService } from '../../electron/registry/service';
import { startServices } from '../../electron/startup';
import { FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';
import { openTestContext, tempDir } from './support/context';
import { sampleMark } from './support/marks';

const ROWS = 30_000;
let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
beforeEach(async () => {
  ctx = openTestContext();
  folder = tempDir();
  await createRegistryService(ctx).create(sampleMark({ name: '昆仑雪' }));
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

const filings = () => (ctx.db.prepare('SELECT count(*) AS n FROM filings').get() as { n: number }).n;

async function importBig(): Promise<number> {
  const lines = Array.from({ length: ROWS }, (_, i) => filingLine(String(60_000_000 + i), i % 100 === 0 ? '昆仑雪' : `商标${i}`));
  const batches = createBatchService(ctx, ctx.jobs);
  const { batchId } = await batches.startImport(writeFilings(folder.dir, 'big.csv', lines), 'filing', FILING_MAPPING);
  await waitForBatch(ctx.jobs, batchId, 120_000);
  return batchId;
}

describe('removing a large batch (item 13)', () => {
  it('hides the batch at once and deletes its rows in chunks in the background, the event loop free between them', async () => {
    const batchId = await importBig();
    const batches = createBatchService(ctx, ctx.jobs);
    expect(filings()).toBe(ROWS);

    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    const phases = new Set<string>();
    try {
      expect(await batches.remove(batchId)).toEqual({ removed: true });
      // returned before the rows are gone, the batch already hidden everywhere
      expect(filings()).toBeGreaterThan(0);
      expect((await batches.list()).map((b) => b.id)).not.toContain(batchId);
      await expect(batches.problems(batchId, 0, 10)).rejects.toThrow(/不存在/);
      while (ctx.jobs.isRunning(batchId)) {
        phases.add((await ctx.jobs.progress(batchId)).phase);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    } finally {
      clearInterval(ticker);
    }
    expect(phases).toContain('removing');
    expect((await ctx.jobs.progress(batchId))).toMatchObject({ phase: 'done', fraction: 1 });
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(ROWS / REMOVE_CHUNK_ROWS) - 1);
    expect(filings()).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM hits').get()).toEqual({ n: 0 });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 0 });
  }, 180_000);

  it('finishes at the next start a removal cut off by a kill (the batch stays hidden meanwhile)', async () => {
    const batchId = await importBig();
    // what a kill mid-removal leaves: the mark and some of the rows
    await createBatchesRepository(ctx.data).markRemoving(batchId, ctx.now());
    await inTransaction(ctx.data, (tx) => createBatchesRepository(tx).removeChunk(batchId, 5000));
    ctx.close();
    const services = await startServices(ctx.config, createQueuedDialogs());
    try {
      expect(await createBatchService(services.ctx, services.ctx.jobs).list()).toEqual([]);
      await waitForBatch(services.ctx.jobs, batchId, 120_000);
      expect(services.ctx.db.prepare('SELECT count(*) AS n FROM filings').get()).toEqual({ n: 0 });
      expect(services.ctx.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 0 });
    } finally {
      services.close();
    }
  }, 180_000);
});
