// A worker thread that dies (issue 9, item 18): it leaves the screening pool and its calls reject with a clear
// message (later calls go to the live ones, or reject at once when none is left); a dead import worker ends its
// job as failed instead of leaving it running for ever.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBatchesRepository } from '../../electron/batches/repository';
import { createJobManager } from '../../electron/batches/jobs';
import { screeningPool } from '../../electron/batches/screening/screening-pool';
import type { StoredInput } from '../../electron/batches/screening/stored-rows';
import { FILING_MAPPING, filingLine, writeFilings } from './support/batches';
import { openTestContext, tempDir } from './support/context';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => folder.remove());

/** Settles within `ms` or says it never did (the bug: a call that never resolves). */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('never settled')), ms))]);
}

const rows = (rowId: number) => ({ type: 'stored' as const, rows: [{ rowId } as unknown as StoredInput] });

describe('a screening worker that dies (item 18)', () => {
  it('leaves the pool: its call rejects with a clear message and later calls are answered by the others', async () => {
    const script = path.join(folder.dir, 'dies-on-row-1.cjs');
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => {
         if (m.type !== 'work') return;
         if (m.work.rows[0].rowId === 1) process.exit(7);
         parentPort.postMessage({ type: 'result', seq: m.seq, result: m.work.rows.map((r) => [r.rowId, []]) });
       });`,
    );
    const pool = screeningPool({ script, count: 2, setup: { marks: [] } });
    try {
      await expect(within(pool.run(rows(1)))).rejects.toThrow(/筛查线程意外退出（退出码 7），本次筛查未完成，请重新筛查/);
      for (let i = 2; i < 8; i += 1) await expect(within(pool.run(rows(i)))).resolves.toEqual([[i, []]]);
    } finally {
      await pool.close();
    }
  });

  it('rejects at once when every worker has died', async () => {
    const script = path.join(folder.dir, 'dies.cjs');
    writeFileSync(script, `require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'work') process.exit(3); });`);
    const pool = screeningPool({ script, count: 2, setup: { marks: [] } });
    try {
      await expect(within(pool.run(rows(1)))).rejects.toThrow(/意外退出/);
      await expect(within(pool.run(rows(2)))).rejects.toThrow(/意外退出/);
      await expect(within(pool.run(rows(3)))).rejects.toThrow(/均已异常退出/);
    } finally {
      await pool.close();
    }
  });
});

describe('an import worker that dies (item 18)', () => {
  it('ends the job as failed with a message, the batch no longer running', async () => {
    const ctx = openTestContext();
    try {
      writeFileSync(path.join(folder.dir, 'batch-import-worker.cjs'), `require('node:worker_threads').parentPort.on('message', () => process.exit(3));`);
      const jobs = createJobManager(ctx, { workerDir: folder.dir });
      const file = writeFilings(folder.dir, 'f.csv', [filingLine('70000001', '某某')]);
      const batchId = await createBatchesRepository(ctx.data).create({ kind: 'filing', fileName: 'f.csv', filePath: file, fileSize: 1, columnMap: FILING_MAPPING }, ctx.now());
      await within(jobs.importAndScreen({ batchId, filePath: file, kind: 'filing', mapping: FILING_MAPPING }));
      expect(jobs.isRunning(batchId)).toBe(false);
      expect(await createBatchesRepository(ctx.data).get(batchId)).toMatchObject({ status: 'failed', message: expect.stringMatching(/导入线程意外退出（退出码 3）/) });
    } finally {
      ctx.cleanup();
    }
  });
});
