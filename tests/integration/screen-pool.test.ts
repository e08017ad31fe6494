// File screening (electron/batches/screening/screen-file.ts over screening-pool.ts) as the command line uses it: the
// same rows and hits with worker threads as in-process, results in file order, progress, and cancellation through
// an AbortSignal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProtectedMark } from '../../shared/domain';
import { screenFile, type ScreenedRow } from '../../electron/batches/screening/screen-file';

const work = mkdtempSync(path.join(tmpdir(), 'markguard-pool-'));
const workerScript = path.join(work, 'screening-worker.cjs');

const marks: ProtectedMark[] = [
  { id: 'P1', name: '金凤凰', category: '驰名商标', classes: [30], registrationNumber: '1', holder: '金凤凰食品有限公司', aliases: [], region: '', recognizedOn: '', notes: '' },
  { id: 'P2', name: '雪山峰', category: '老字号', classes: [33], registrationNumber: '2', holder: '雪山峰酒业有限公司', aliases: [], region: '', recognizedOn: '', notes: '' },
];

// 6,000 filings: every 100th imitates a mark; the rest are plain names
const batch = path.join(work, 'filings.csv');
const lines = ['申请号,商标名称,国际分类,申请人名称'];
for (let i = 0; i < 6000; i++) lines.push(`${70000000 + i},${i % 100 === 0 ? (i % 200 === 0 ? '金鳳凰' : '雪山锋') : `青松${i % 7}号`},${i % 200 === 0 ? 30 : 33},某公司${i}`);
writeFileSync(batch, lines.join('\n') + '\n');

beforeAll(async () => {
  await build({ entryPoints: [path.resolve(__dirname, '../../electron/workers/screening-worker.ts')], outfile: workerScript, bundle: true,
    platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3'], logLevel: 'warning' });
}, 60_000);

async function collect(workers: number, signal?: AbortSignal): Promise<ScreenedRow[]> {
  const rows: ScreenedRow[] = [];
  const result = await screenFile({ marks, batchPath: batch, kind: 'filings', workers, workerScript, signal, onRows: (r) => { rows.push(...r); } });
  expect(result.rows).toBe(6000);
  expect(result.hits).toBe(60);
  return rows;
}

describe('screenFile', () => {
  it('gives the same rows in file order with and without worker threads', async () => {
    const inProcess = await collect(0);
    const pooled = await collect(2);
    expect(inProcess.length).toBe(60); // only rows with hits or a problem are reported
    expect(pooled.map((r) => r.rowNumber)).toEqual(inProcess.map((r) => r.rowNumber));
    expect(inProcess.map((r) => r.rowNumber).every((n, i, all) => i === 0 || n > all[i - 1]!)).toBe(true);
    const ids = (rows: ScreenedRow[]) => rows.flatMap((r) => r.hits.map((h) => `${h.id}:${h.markId}`));
    expect(ids(pooled)).toEqual(ids(inProcess));
    expect(ids(inProcess).length).toBe(60);
  });
  it('numbers rows and reports bad rows the same way when workers split CSV text (quotes, newlines, blank rows)', async () => {
    const tricky = path.join(work, 'tricky.csv');
    const body = ['申请号,商标名称,国际分类,商品服务'];
    for (let i = 0; i < 3000; i++) {
      if (i % 500 === 1) body.push(`${80000000 + i},"金鳳凰, 新款",30,"糕点
月饼"`); // quoted comma and newline
      else if (i % 500 === 2) body.push('');
      else if (i % 500 === 3) body.push(`${80000000 + i},雪山锋,99,白酒`); // bad class
      else body.push(`${80000000 + i},青松${i % 5},30,茶`);
    }
    writeFileSync(tricky, body.join('\r\n'));
    const run = async (workers: number) => {
      const rows: ScreenedRow[] = [];
      await screenFile({ marks, batchPath: tricky, kind: 'filings', workers, workerScript, onRows: (r) => { rows.push(...r); } });
      return rows.map((r) => `${r.rowNumber}:${r.problem ?? ''}:${r.hits.map((h) => h.markId).join('')}`);
    };
    const inProcess = await run(0);
    expect(await run(2)).toEqual(inProcess);
    expect(inProcess).toContain('3::P1'); // the first quoted record starts on line 3
    expect(inProcess.some((r) => r.startsWith('6:') && r.includes('国际分类'))).toBe(true);
  });
  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(collect(2, controller.signal)).rejects.toThrow();
    await expect(collect(0, controller.signal)).rejects.toThrow();
  });
  it('names a missing header', async () => {
    const bad = path.join(work, 'bad.csv');
    writeFileSync(bad, '申请号,名称\n1,x\n');
    await expect(screenFile({ marks, batchPath: bad, kind: 'filings', workers: 0, onRows: () => {} })).rejects.toThrow(/缺少必需的列「商标名称」/);
  });
});
