// Screens a whole filing or listing table against a registry: the main thread reads and splits the file, worker
// threads score (the engine is pure and CPU-bound; reading is I/O and cheap). Results come back in file order.
// Used by the command line and by the app's screening service; cancellation through an AbortSignal.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProtectedMark } from '../../../shared/domain';
import { buildRegistryIndex } from '../../../shared/engine';
import { openCsvChunks, openTable, type CsvChunks, type TableRow } from '../../tabular';
import { fileFingerprint, sameFile } from '../../tabular/fingerprint';
import { mapBatchHeaders, screenRow, type BatchColumns, type BatchKind, type ScreenedRow } from './batch-rows';
import { HeaderError } from './registry-file';
import type { RowItem, WorkItem, WorkerReply, WorkerRequest } from './worker-protocol';

export type { BatchKind, ScreenedRow } from './batch-rows';

export interface ScreenProgress {
  rows: number;
  hits: number;
}

export interface ScreenFileOptions {
  marks: readonly ProtectedMark[];
  batchPath: string;
  kind: BatchKind;
  /** worker threads; 0 screens in this thread; default: one per core for files over 2 MB, else 0 */
  workers?: number | undefined;
  /** the bundled worker script (default: screen-worker.cjs beside this bundle; absent → in-process) */
  workerScript?: string;
  signal?: AbortSignal;
  /** keep each hit's character alignment (the app's detail pane); the CLI does not need it */
  keepAlignment?: boolean;
  /** called about once a second */
  onProgress?: (progress: ScreenProgress) => void;
  /** rows with hits or a problem, in file order, a batch at a time (rows without either are only counted);
   *  awaited (backpressure for the writer) */
  onRows: (rows: ScreenedRow[]) => void | Promise<void>;
}

const BATCH_ROWS = 2000;
const AUTO_WORKERS_BYTES = 2 << 20;

function defaultWorkerScript(): string {
  return path.join(__dirname, 'screen-worker.cjs');
}

async function workerCount(options: ScreenFileOptions, script: string): Promise<number> {
  if (!existsSync(script)) return 0;
  if (options.workers !== undefined) return options.workers;
  const { stat } = await import('node:fs/promises');
  const size = (await stat(options.batchPath).catch(() => ({ size: 0 }))).size;
  return size > AUTO_WORKERS_BYTES ? Math.max(1, Math.min(8, availableParallelism())) : 0;
}

export async function screenFile(options: ScreenFileOptions): Promise<ScreenProgress> {
  const before = await fileFingerprint(options.batchPath).catch(() => null);
  const result = await screenTable(options);
  if (before && !sameFile(before, await fileFingerprint(options.batchPath))) {
    throw new Error(`筛查过程中文件「${path.basename(options.batchPath)}」被修改，结果可能混合了修改前后的内容，请重新筛查`);
  }
  return result;
}

async function screenTable(options: ScreenFileOptions): Promise<ScreenProgress> {
  const table = await openTable(options.batchPath);
  try {
    const mapping = mapBatchHeaders(options.kind, table.headers);
    if (!mapping.ok) throw new HeaderError(`${options.kind === 'filings' ? '商标申请表' : '电商商品表'} ${mapping.error}`);
    const script = options.workerScript ?? defaultWorkerScript();
    const n = await workerCount(options, script);
    if (n === 0) return await screenInProcess(options, mapping.columns, readBatches(table.rows, options.signal));
    // CSV goes to the workers as text (they split it); XLSX as rows read here
    const csv = await openCsvChunks(options.batchPath);
    if (!csv) return await screenWithWorkers(options, mapping.columns, batchItems(table.rows, options.signal), n, script);
    try {
      return await screenWithWorkers(options, mapping.columns, csvItems(csv, options.signal), n, script);
    } finally {
      await csv.close();
    }
  } finally {
    await table.close();
  }
}

type RowBatch = RowItem[];

async function* readBatches(rows: AsyncIterable<TableRow>, signal?: AbortSignal): AsyncGenerator<RowBatch> {
  let batch: RowBatch = [];
  for await (const row of rows) {
    batch.push(row.problem === undefined ? [row.rowNumber, row.cells] : [row.rowNumber, row.cells, row.problem]);
    if (batch.length >= BATCH_ROWS) {
      signal?.throwIfAborted();
      yield batch;
      batch = [];
    }
  }
  signal?.throwIfAborted();
  if (batch.length) yield batch;
}

async function* batchItems(rows: AsyncIterable<TableRow>, signal?: AbortSignal): AsyncGenerator<WorkItem> {
  for await (const batch of readBatches(rows, signal)) yield { type: 'batch', rows: batch };
}

async function* csvItems(csv: CsvChunks, signal?: AbortSignal): AsyncGenerator<WorkItem> {
  for await (const chunk of csv.chunks) {
    signal?.throwIfAborted();
    yield { type: 'csv', chunk, delimiter: csv.delimiter };
  }
  signal?.throwIfAborted();
}

function progressTicker(options: ScreenFileOptions) {
  const state: ScreenProgress = { rows: 0, hits: 0 };
  let last = Date.now();
  return {
    state,
    add(count: number, hits: number) {
      state.rows += count;
      state.hits += hits;
      if (Date.now() - last >= 1000) {
        last = Date.now();
        options.onProgress?.({ ...state });
      }
    },
  };
}

async function screenInProcess(options: ScreenFileOptions, columns: BatchColumns, batches: AsyncIterable<RowBatch>): Promise<ScreenProgress> {
  const index = buildRegistryIndex(options.marks);
  const progress = progressTicker(options);
  for await (const batch of batches) {
    const results = batch
      .map(([rowNumber, cells, problem]) => screenRow(index, options.kind, columns, rowNumber, cells, problem))
      .filter((r) => r.hits.length > 0 || r.problem !== undefined);
    if (!options.keepAlignment) for (const r of results) for (const h of r.hits) delete h.alignment;
    progress.add(batch.length, results.reduce((n, r) => n + r.hits.length, 0));
    await options.onRows(results);
  }
  return progress.state;
}

interface PoolWorker {
  worker: Worker;
  inFlight: number;
}

/** Round-robin over workers with at most `MAX_IN_FLIGHT` batches each; results re-ordered by sequence number. */
const MAX_IN_FLIGHT = 3;

async function screenWithWorkers(
  options: ScreenFileOptions, columns: BatchColumns, items: AsyncIterable<WorkItem>, count: number, script: string,
): Promise<ScreenProgress> {
  const progress = progressTicker(options);
  const pending = new Map<number, { count: number; hits: number; rows: ScreenedRow[] }>();
  let nextToEmit = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signalChange = () => { const w = wake; wake = null; w?.(); };
  const pool: PoolWorker[] = [];
  const init: WorkerRequest = { type: 'init', marks: [...options.marks], kind: options.kind, columns, keepAlignment: options.keepAlignment ?? false };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(script);
    const slot: PoolWorker = { worker, inFlight: 0 };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'result') {
        slot.inFlight--;
        pending.set(reply.seq, reply);
      } else failure ??= new Error(reply.message);
      signalChange();
    });
    worker.on('error', (error) => { failure ??= error; signalChange(); });
    worker.on('exit', (code) => { if (code !== 0) failure ??= new Error(`筛查线程异常退出（${code}）`); signalChange(); });
    worker.postMessage(init);
    pool.push(slot);
  }
  const abort = () => { failure ??= new Error('已取消'); signalChange(); };
  options.signal?.addEventListener('abort', abort);
  const waitForChange = () => new Promise<void>((resolve) => { wake = resolve; });
  const drain = async (all: boolean) => {
    for (;;) {
      if (failure) throw failure;
      while (pending.has(nextToEmit)) {
        const done = pending.get(nextToEmit)!;
        pending.delete(nextToEmit++);
        progress.add(done.count, done.hits);
        await options.onRows(done.rows);
      }
      const busy = pool.reduce((a, w) => a + w.inFlight, 0);
      if (all ? busy === 0 && pending.size === 0 : pool.some((w) => w.inFlight < MAX_IN_FLIGHT)) return;
      await waitForChange();
    }
  };
  try {
    let seq = 0;
    for await (const item of items) {
      await drain(false);
      const slot = pool.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      slot.inFlight++;
      const request: WorkerRequest = { ...item, seq: seq++ };
      slot.worker.postMessage(request);
    }
    await drain(true);
    return progress.state;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await Promise.all(pool.map((w) => w.worker.terminate()));
  }
}
