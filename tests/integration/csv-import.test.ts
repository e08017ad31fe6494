// Issue 9, item 9: a listing title with an inch mark (14") no longer swallows the records after it — neither when
// the app imports the file in-process nor when the worker pool splits the CSV text into chunks — and a stray
// quote that would swallow records is reported at its row in both paths.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBatchesRepository } from '../../electron/batches/repository';
import { runBatchImport } from '../../electron/batches/import/import-batch';
import { screenFile, type ScreenedRow } from '../../electron/batches/screening/screen-file';
import { openCsvChunks, openTable, splitCsvChunk } from '../../electron/tabular';
import type { ProtectedMark } from '../../shared/domain';
import { openTestContext, tempDir } from './support/context';
import { borrowedConnection } from '../../electron/data/store';

const folder = tempDir('markguard-csv-');
const workerScript = path.join(folder.dir, 'screening-worker.cjs');
afterAll(() => folder.remove());
beforeAll(async () => {
  await build({ entryPoints: [path.resolve(__dirname, '../../electron/workers/screening-worker.ts')], outfile: workerScript, bundle: true,
    platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3'], logLevel: 'warning' });
}, 60_000);

const LISTING_HEADER = '编号,平台,店铺,商品标题,链接,价格,所在地';
const LISTING_MAPPING = { id: 0, platform: 1, shop: 2, title: 3, url: 4, price: 5, sellerLocation: 6 };

/** 1,000 listings; every other title has an inch mark, as the attack file had. */
function inchListings(): string {
  const lines = [LISTING_HEADER];
  for (let i = 1; i <= 1000; i++) {
    const title = i % 2 === 0 ? `苹果 MacBook Pro 14" 笔记本 ${i}` : `青海牦牛肉干 ${i}`;
    lines.push(`L${i},淘宝,某某旗舰店,${title},https://item.example/${i},99.00,西宁`);
  }
  return lines.join('\r\n') + '\r\n';
}

const marks: ProtectedMark[] = [
  { id: 'P1', name: '青海牦牛', category: '地理标志', classes: [29], registrationNumber: '1', holder: '协会', aliases: [], region: '青海省', recognizedOn: '', notes: '' },
];

let ctx: ReturnType<typeof openTestContext>;
beforeEach(() => {
  ctx = openTestContext();
});
afterEach(() => ctx.cleanup());

function newBatch(file: string): Promise<number> {
  return createBatchesRepository(ctx.data).create(
    { kind: 'listing', fileName: path.basename(file), filePath: file, fileSize: 0, columnMap: LISTING_MAPPING },
    ctx.now(),
  );
}

describe('CSV import with quotes', () => {
  it('stores all 1,000 listings when half of the titles carry an inch mark', async () => {
    const file = path.join(folder.dir, 'inch.csv');
    writeFileSync(file, inchListings());
    const batchId = await newBatch(file);
    const counts = await runBatchImport(borrowedConnection(ctx), { batchId, filePath: file, kind: 'listing', mapping: LISTING_MAPPING });
    expect(counts).toEqual({ totalRows: 1000, newRows: 1000, duplicateRows: 0, badRows: 0 });
    const title = ctx.db.prepare("SELECT title FROM listings WHERE listing_id = 'L500'").pluck().get();
    expect(title).toBe('苹果 MacBook Pro 14" 笔记本 500');
  });

  it('screens all 1,000 listings in the worker pool too', async () => {
    const file = path.join(folder.dir, 'inch-pool.csv');
    writeFileSync(file, inchListings());
    for (const workers of [0, 2]) {
      const rows: ScreenedRow[] = [];
      const result = await screenFile({ marks, batchPath: file, kind: 'listings', workers, workerScript, onRows: (r) => { rows.push(...r); } });
      expect(result.rows, `workers=${workers}`).toBe(1000);
      expect(rows.filter((r) => r.problem)).toEqual([]);
      expect(result.hits, `workers=${workers}`).toBe(500);
    }
  });

  it('reports a stray quote at its row and keeps every record after it, in-process and in the pool', async () => {
    const lines = inchListings().split('\r\n');
    lines[10] = 'L10,淘宝,某某店,"青海牦牛肉干 大包装,https://item.example/10,99.00,西宁'; // opened, never closed
    const file = path.join(folder.dir, 'stray.csv');
    writeFileSync(file, lines.join('\r\n'));
    const batchId = await newBatch(file);
    const counts = await runBatchImport(borrowedConnection(ctx), { batchId, filePath: file, kind: 'listing', mapping: LISTING_MAPPING });
    expect(counts).toMatchObject({ totalRows: 1000, newRows: 999, badRows: 1 });
    const { problems } = await createBatchesRepository(ctx.data).problems(batchId, 0, 10);
    expect(problems).toEqual([{ rowNumber: 11, reason: expect.stringMatching(/引号/) }]);
    for (const workers of [0, 2]) {
      const rows: ScreenedRow[] = [];
      const result = await screenFile({ marks, batchPath: file, kind: 'listings', workers, workerScript, onRows: (r) => { rows.push(...r); } });
      expect(result.rows, `workers=${workers}`).toBe(1000);
      expect(rows.filter((r) => r.problem).map((r) => r.rowNumber)).toEqual([11]);
    }
  });

  it('splits the same records from chunks as the in-process reader, whatever the chunk size', async () => {
    const text = [
      '编号,商品标题,价格',
      '1,"多行\n标题, 含逗号",9',
      '2,14" 屏幕,9',
      '3,"未闭合,9',
      '4,正常,9',
      '',
      '5,"""引号""开头",9',
      '6,尾行不完整',
    ].join('\n');
    const file = path.join(folder.dir, 'chunks.csv');
    writeFileSync(file, text);
    const describe = (line: number, cells: string[], problem?: string) => (problem ? `${line}!${problem}` : `${line}:${cells.join('|')}`);
    const table = await openTable(file);
    const expected: string[] = [];
    for await (const row of table.rows) expected.push(describe(row.rowNumber, row.cells, row.problem));
    await table.close();
    expect(expected.map((e) => e.slice(0, 2))).toEqual(['2:', '4:', '5!', '6:', '8:', '9!']);
    for (const readChunkBytes of [1, 3, 7, 64, 1 << 20]) {
      const csv = await openCsvChunks(file, { readChunkBytes });
      if (!csv) throw new Error('not a CSV');
      const got: string[] = [];
      for await (const chunk of csv.chunks) {
        for (const r of splitCsvChunk(chunk, csv.delimiter)) got.push(describe(r.line, r.cells, r.problem));
      }
      await csv.close();
      expect(got, `readChunkBytes=${readChunkBytes}`).toEqual(expected);
    }
  });
});
