// The one screening pool (electron/batches/screening/screening-pool.ts): results handed on in the items' order with a
// bounded number in hand, a worker's error as a rejection with a Chinese message, cancellation that ends the threads,
// and the real worker screening both kinds of work (a file's rows and stored rows) as this thread does.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Filing, ProtectedMark } from '../../shared/domain';
import { mapBatchHeaders } from '../../electron/batches/screening/batch-rows';
import { inThreadScreening, screeningPool, screenInOrder } from '../../electron/batches/screening/screening-pool';
import type { ScreeningSetup, ScreeningWork, TableResult } from '../../electron/batches/screening/screening-protocol';
import { tempDir } from './support/context';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => folder.remove());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stand-in worker: answers each batch later the earlier it came (so answers arrive out of order), echoing its
 *  rows; `hits` says how many marks its init brought; a row numbered -1 is answered with an error. */
function echoWorker(): string {
  const script = path.join(folder.dir, 'echo.cjs');
  writeFileSync(script, `
    const { parentPort } = require('node:worker_threads');
    let marks = null;
    parentPort.on('message', (m) => {
      if (m.type === 'init') { marks = m.setup.marks.length; return; }
      const first = m.work.rows[0][0];
      setTimeout(() => {
        if (first === -1) parentPort.postMessage({ type: 'error', seq: m.seq, message: '第 -1 行无法解析' });
        else parentPort.postMessage({ type: 'result', seq: m.seq, result: { count: m.work.rows.length, hits: marks, rows: m.work.rows.map((r) => ({ rowNumber: r[0], hits: [] })) } });
      }, (8 - (m.seq % 8)) * 4);
    });`);
  return script;
}

const mark: ProtectedMark = { id: 'P1', name: '金凤凰', category: '驰名商标', classes: [30], registrationNumber: '1', holder: '金凤凰食品有限公司', aliases: [], region: '', recognizedOn: '', notes: '' };

async function* batches(numbers: number[], pulled: { count: number }): AsyncGenerator<ScreeningWork & { type: 'batch' }> {
  for (const n of numbers) {
    pulled.count += 1;
    yield { type: 'batch', rows: [[n, []]] };
  }
}

describe('the screening pool', () => {
  it('hands results on in the order of the work, with at most `limit` in hand, each thread set up once', async () => {
    const pool = screeningPool({ script: echoWorker(), count: 2, setup: { marks: [mark] } });
    const pulled = { count: 0 };
    const seen: number[] = [];
    let mostInHand = 0;
    try {
      await screenInOrder(pool, batches([...Array(40).keys()], pulled), 6, (result: TableResult) => {
        expect(result.hits).toBe(1);
        seen.push(...result.rows.map((r) => r.rowNumber));
        mostInHand = Math.max(mostInHand, pulled.count - seen.length);
      });
    } finally {
      await pool.close();
    }
    expect(seen).toEqual([...Array(40).keys()]);
    expect(mostInHand).toBeLessThanOrEqual(6);
  });

  it('rejects with the worker\'s error, in Chinese, and hands on nothing after it', async () => {
    const pool = screeningPool({ script: echoWorker(), count: 2, setup: { marks: [mark] } });
    const seen: number[] = [];
    try {
      await expect(screenInOrder(pool, batches([0, 1, 2, -1, 4, 5], { count: 0 }), 4, (r: TableResult) => {
        seen.push(...r.rows.map((row) => row.rowNumber));
      })).rejects.toThrow('筛查出错：第 -1 行无法解析');
    } finally {
      await pool.close();
    }
    expect(seen).toEqual([0, 1, 2]);
  });

  it('once cancelled, rejects the unanswered work and later work at once, and ends its threads', async () => {
    const beat = path.join(folder.dir, 'beat.txt');
    const script = path.join(folder.dir, 'silent.cjs');
    // never answers; writes a beat at start and every 10 ms while it lives
    writeFileSync(script, `
      const { appendFileSync } = require('node:fs');
      const beat = () => appendFileSync(${JSON.stringify(beat)}, '.');
      beat();
      setInterval(beat, 10);
      require('node:worker_threads').parentPort.on('message', () => {});`);
    const controller = new AbortController();
    const pool = screeningPool({ script, count: 2, setup: { marks: [] }, signal: controller.signal });
    const waiting = pool.run({ type: 'stored', rows: [] });
    const beats = () => (existsSync(beat) ? readFileSync(beat, 'utf8').length : 0);
    for (let i = 0; i < 500 && beats() < 2; i += 1) await pause(20);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', message: '已取消' });
    await expect(pool.run({ type: 'stored', rows: [] })).rejects.toMatchObject({ name: 'AbortError' });
    await pool.close();
    const after = beats();
    expect(after).toBeGreaterThan(0);
    await pause(100);
    expect(beats()).toBe(after);
  });

  it('starts no thread when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const pool = screeningPool({ script: path.join(folder.dir, 'nowhere.cjs'), count: 2, setup: { marks: [] }, signal: controller.signal });
    await expect(pool.run({ type: 'stored', rows: [] })).rejects.toMatchObject({ name: 'AbortError' });
    await pool.close();
  });
});

describe('the screening worker', () => {
  it('screens a file\'s rows and stored rows after one init, as this thread does', async () => {
    const script = path.join(folder.dir, 'screening-worker.cjs');
    await build({ entryPoints: [path.resolve(__dirname, '../../electron/workers/screening-worker.ts')], outfile: script, bundle: true,
      platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'sharp'], logLevel: 'warning' });
    const mapping = mapBatchHeaders('filings', ['申请号', '商标名称', '国际分类']);
    if (!mapping.ok) throw new Error(mapping.error);
    const setup: ScreeningSetup = { marks: [mark], table: { kind: 'filings', columns: mapping.columns, keepAlignment: false } };
    const filing = (markText: string): Filing => ({
      applicationNumber: '70000001', markText, niceClass: 30, goods: [], applicant: '某公司', applicantAddress: '', agency: '', filedOn: '', gazetteIssue: '', publishedOn: '',
    });
    const stored: ScreeningWork & { type: 'stored' } = { type: 'stored', rows: [{ rowId: 7, filing: filing('金鳳凰') }, { rowId: 8, filing: filing('青松') }] };
    const rows: ScreeningWork & { type: 'batch' } = { type: 'batch', rows: [[2, ['70000002', '金凤皇', '30']], [3, ['70000003', '青松', 'x']]] };
    const pool = screeningPool({ script, count: 1, setup });
    const here = inThreadScreening(setup);
    try {
      const [storedThere, rowsThere] = await Promise.all([pool.run(stored), pool.run(rows)]);
      expect(storedThere).toEqual(await here.run(stored));
      expect(rowsThere).toEqual(await here.run(rows));
      expect(storedThere.map(([rowId, hits]) => [rowId, hits.map((h) => h.markId)])).toEqual([[7, ['P1']], [8, []]]);
      expect(rowsThere).toMatchObject({ count: 2, hits: 1, rows: [{ rowNumber: 2 }, { rowNumber: 3, problem: expect.stringContaining('国际分类') }] });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
