// The job manager with the bundled workers, as the app runs it: the import in its one-shot worker
// (electron/workers/run-worker-task.ts), the images in theirs, the stored rows in the screening pool's threads
// (enough rows for the pool). The batch ends screened with the same hits as from sources, in this thread.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchesRepository } from '../../electron/batches/repository';
import { createJobManager } from '../../electron/batches/jobs';
import { FILING_MAPPING, filingLine, writeFilings } from './support/batches';
import { openTestContext } from './support/context';
import { insertMarkRow, sampleMark } from './support/marks';

// inside the project, as out/ is, so that the workers resolve better-sqlite3 and sharp from node_modules
const cache = path.resolve(__dirname, '../../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(path.join(cache, 'markguard-job-workers-'));
const WORKERS = ['batch-import-worker', 'screening-worker', 'image-screen-worker'];

beforeAll(async () => {
  await Promise.all(WORKERS.map((name) => build({
    entryPoints: [path.resolve(__dirname, `../../electron/workers/${name}.ts`)], outfile: path.join(work, `${name}.cjs`),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'sharp', 'pg-native'], logLevel: 'warning',
  })));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 6,000 filings (the pool starts from 5,000 stored rows), every 100th imitating the registry's 昆仑雪. */
const file = writeFilings(work, 'filings.csv', Array.from({ length: 6000 }, (_, i) =>
  filingLine(String(60_000_000 + i), i % 100 === 0 ? '昆仑雪王' : `普通商标${i}`, { niceClass: 32 })));

async function importAndScreen(workerDir: string | undefined) {
  const ctx = openTestContext();
  try {
    insertMarkRow(ctx, sampleMark(), ctx.now());
    const jobs = createJobManager(ctx, workerDir ? { workerDir } : {});
    const repository = createBatchesRepository(ctx.data);
    const batchId = await repository.create({ kind: 'filing', fileName: 'filings.csv', filePath: file, fileSize: 1, columnMap: FILING_MAPPING }, ctx.now());
    await jobs.importAndScreen({ batchId, filePath: file, kind: 'filing', mapping: FILING_MAPPING });
    return await repository.get(batchId);
  } finally {
    ctx.cleanup();
  }
}

describe('jobs with the bundled workers', () => {
  it('import and screen a batch as from sources', async () => {
    const inThread = await importAndScreen(undefined);
    const inWorkers = await importAndScreen(work);
    expect(inThread).toMatchObject({ status: 'screened', totalRows: 6000, hitCount: 60 });
    expect(inWorkers).toMatchObject({ status: 'screened', totalRows: 6000, hitCount: 60, message: inThread?.message });
  }, 120_000);
});
