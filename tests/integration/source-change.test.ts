// Issue 9, item 12: a source file that changes while it is imported (or between the start of a batch and its
// resumption) is noticed — the batch is marked failed with a message that says so — and a last row cut off by a
// truncated file is reported as a bad row, never stored as valid.
import { appendFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import batchSource from '../../electron/db/migrations/005-batch-source';
import { applyMigrations } from '../../electron/db/open';
import { createBatchesRepository } from '../../electron/batches/repository';
import { runBatchImport } from '../../electron/batches/import/import-batch';
import { createJobManager } from '../../electron/batches/jobs';
import { createBatchService } from '../../electron/batches/service';
import { FILING_HEADER, FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';
import { openTestContext, tempDir } from './support/context';
import { borrowedConnection } from '../../electron/data/store';

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

function filings(count: number, start = 0): string[] {
  return Array.from({ length: count }, (_, i) => filingLine(String(70_000_000 + start + i), `青松${i % 97}号`));
}

function newBatch(file: string): Promise<number> {
  return createBatchesRepository(ctx.data).create(
    { kind: 'filing', fileName: path.basename(file), filePath: file, fileSize: 0, columnMap: FILING_MAPPING },
    ctx.now(),
  );
}

describe('source file checks', () => {
  it('notices a file that changes during the import and says so', async () => {
    const file = writeFilings(folder.dir, 'changing.csv', filings(25_000));
    const batchId = await newBatch(file);
    let changed = false;
    const run = runBatchImport(borrowedConnection(ctx), { batchId, filePath: file, kind: 'filing', mapping: FILING_MAPPING }, {
      onProgress: () => {
        if (changed) return;
        changed = true;
        appendFileSync(file, `\r\n${filings(10, 900_000).join('\r\n')}`);
      },
    });
    await expect(run).rejects.toThrow(/导入过程中.*被修改/);
  });

  it('marks the batch failed when its file changed since the batch was started, and refuses to resume it', async () => {
    const file = writeFilings(folder.dir, 'resumed.csv', filings(50));
    const jobs = createJobManager(ctx);
    const batches = createBatchService(ctx, jobs);
    const { batchId } = await batches.startImport(file, 'filing', FILING_MAPPING);
    await waitForBatch(jobs, batchId);
    expect((await batches.list())[0]).toMatchObject({ status: 'screened', totalRows: 50 });
    // simulate an interrupted batch whose file was then replaced by a different one
    await createBatchesRepository(ctx.data).setStatus(batchId, 'failed', '导入未完成');
    writeFilings(folder.dir, 'resumed.csv', filings(60));
    await batches.resume(batchId);
    await waitForBatch(jobs, batchId);
    const [batch] = (await batches.list());
    expect(batch).toMatchObject({ id: batchId, status: 'failed', message: expect.stringMatching(/文件.*已被修改/) });
    expect((await jobs.progress(batchId))).toMatchObject({ phase: 'failed', message: expect.stringMatching(/已被修改/) });
  });

  it('reports a last row cut off without its final fields, or inside a quote, as a bad row', async () => {
    for (const [name, tail, start] of [
      ['short.csv', '70000099,青松,33,白酒', 0],
      ['quote.csv', '70000099,"青松', 100],
    ] as const) {
      const file = path.join(folder.dir, name);
      writeFileSync(file, [FILING_HEADER, ...filings(3, start), tail].join('\r\n'));
      const batchId = await newBatch(file);
      const counts = await runBatchImport(borrowedConnection(ctx), { batchId, filePath: file, kind: 'filing', mapping: FILING_MAPPING });
      expect(counts, name).toMatchObject({ totalRows: 4, newRows: 3, badRows: 1 });
      expect((await createBatchesRepository(ctx.data).problems(batchId, 0, 5)).problems, name).toEqual([
        { rowNumber: 5, reason: expect.stringMatching(/不完整|截断|引号/) },
      ]);
      const stored = ctx.db.prepare("SELECT count(*) FROM filings WHERE application_number = '70000099'").pluck().get();
      expect(stored, name).toBe(0);
    }
  });
});

describe(`migration ${batchSource.name}`, () => {
  it('adds the source file columns to the batches of an older database, keeping them', () => {
    const file = path.join(folder.dir, 'old.sqlite');
    const db = new Database(file);
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(batchSource));
    applyMigrations(db, before);
    db.prepare("INSERT INTO batches (kind, file_name, file_path, file_size, status, started_at) VALUES ('filing', 'a.csv', '/a.csv', 10, 'imported', 'x')").run();
    applyMigrations(db, MIGRATIONS.slice(0, MIGRATIONS.indexOf(batchSource) + 1));
    expect(db.prepare('SELECT file_size, file_mtime_ms, file_sha256 FROM batches').get()).toEqual({ file_size: 10, file_mtime_ms: null, file_sha256: '' });
    db.close();
  });
});
