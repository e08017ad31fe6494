// The one-shot worker runner (electron/workers/run-worker-task.ts) that the import and image screening jobs use: its
// `done` with progress on the way, its `error`, a crash, an exit, a cancel, and the thread ended in every case.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWorkerTask, type WorkerLabel } from '../../electron/workers/run-worker-task';
import { tempDir } from './support/context';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => folder.remove());

const label: WorkerLabel = { name: '导入', advice: '，已导入的行保留，可继续导入' };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker script from `body`, which sees `parentPort`; it beats (a character more in its .beat file) at start and
 *  every 10 ms while it lives. */
function worker(body: string): { script: string; beats: () => number } {
  const script = path.join(folder.dir, `w${Math.random().toString(36).slice(2)}.cjs`);
  const beat = path.join(folder.dir, `${path.basename(script)}.beat`);
  writeFileSync(script, `
    const { parentPort } = require('node:worker_threads');
    const beat = () => require('node:fs').appendFileSync(${JSON.stringify(beat)}, '.');
    beat();
    setInterval(beat, 10);
    ${body}`);
  return { script, beats: () => { try { return readFileSync(beat, 'utf8').length; } catch { return 0; } } };
}

/** The worker's heartbeat has stopped: it was terminated. */
async function expectEnded(beats: () => number) {
  await pause(30);
  const now = beats();
  expect(now).toBeGreaterThan(0);
  await pause(100);
  expect(beats()).toBe(now);
}

describe('runWorkerTask', () => {
  it('resolves on done, passing progress on first, and ends the thread', async () => {
    const w = worker(`parentPort.on('message', (m) => {
      if (m.type !== 'start') return;
      parentPort.postMessage({ type: 'progress', progress: 1 });
      parentPort.postMessage({ type: 'progress', progress: 2 });
      parentPort.postMessage({ type: 'done', value: { rows: m.task.n * 2 } });
    });`);
    const progress: number[] = [];
    await expect(runWorkerTask<{ n: number }, { rows: number }, number>({ script: w.script, task: { n: 21 }, label, onProgress: (p) => progress.push(p) }))
      .resolves.toEqual({ rows: 42 });
    expect(progress).toEqual([1, 2]);
    await expectEnded(w.beats);
  });

  it('rejects with the worker\'s own error message, prefixed as asked', async () => {
    const w = worker(`parentPort.on('message', () => parentPort.postMessage({ type: 'error', message: '表格第 3 行无法读取', cancelled: false }));`);
    await expect(runWorkerTask({ script: w.script, task: {}, label, errorPrefix: '图样比对出错：' })).rejects.toThrow('图样比对出错：表格第 3 行无法读取');
    await expectEnded(w.beats);
  });

  it('rejects with a Chinese message when the worker crashes', async () => {
    const w = worker(`parentPort.on('message', () => { throw new Error('boom'); });`);
    await expect(runWorkerTask({ script: w.script, task: {}, label })).rejects.toThrow('导入线程出错：boom，已导入的行保留，可继续导入');
  });

  it('rejects with the exit code when the worker exits without answering', async () => {
    const w = worker(`parentPort.on('message', () => process.exit(3));`);
    await expect(runWorkerTask({ script: w.script, task: {}, label })).rejects.toThrow('导入线程意外退出（退出码 3），已导入的行保留，可继续导入');
  });

  it('posts cancel on abort and rejects as cancelled when the worker stops, then ends it', async () => {
    const w = worker(`parentPort.on('message', (m) => {
      if (m.type === 'cancel') parentPort.postMessage({ type: 'error', message: 'The operation was aborted', cancelled: true });
    });`);
    const controller = new AbortController();
    const task = runWorkerTask({ script: w.script, task: {}, label, signal: controller.signal });
    await pause(50);
    controller.abort();
    await expect(task).rejects.toMatchObject({ name: 'AbortError', message: '已取消' });
    await expectEnded(w.beats);
  });

  it('cancels at once when the signal was aborted before it started', async () => {
    const w = worker(`parentPort.on('message', (m) => {
      if (m.type === 'cancel') parentPort.postMessage({ type: 'error', message: 'aborted', cancelled: true });
    });`);
    const controller = new AbortController();
    controller.abort();
    await expect(runWorkerTask({ script: w.script, task: {}, label, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
