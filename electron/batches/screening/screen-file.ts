// Screens a whole filing or listing table against a registry: the main thread reads the file, the screening pool's
// worker threads split CSV text and score (the engine is pure and CPU-bound; reading is I/O and cheap). Results come
// back in file order.
// Used by the command line and by the app's screening service; cancellation through an AbortSignal.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ProtectedMark } from '../../../shared/domain';
import { openCsvChunks, openTable, type CsvChunks, type TableRow } from '../../tabular';
import { fileFingerprint, sameFile } from '../../tabular/fingerprint';
import { mapBatchHeaders, type BatchKind, type ScreenedRow } from './batch-rows';
import { HeaderError } from './registry-file';
import { inThreadScreening, screeningPool, screenInOrder, SCREENING_WORKER } from './screening-pool';
import type { RowItem, ScreeningSetup, ScreeningWork, TableResult } from './screening-protocol';

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
  /** the bundled worker script (default: screening-worker.cjs beside this bundle; absent → in this thread) */
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
/** Batches in hand per worker thread: enough to keep each busy, few enough to bound the memory read ahead. */
const MAX_IN_FLIGHT = 3;

function defaultWorkerScript(): string {
  return path.join(__dirname, SCREENING_WORKER);
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
    const setup: ScreeningSetup = {
      marks: [...options.marks], table: { kind: options.kind, columns: mapping.columns, keepAlignment: options.keepAlignment ?? false },
    };
    const script = options.workerScript ?? defaultWorkerScript();
    const count = await workerCount(options, script);
    const progress = progressTicker(options);
    const emit = async (result: TableResult) => {
      progress.add(result.count, result.hits);
      await options.onRows(result.rows);
    };
    if (count === 0) {
      await screenInOrder(inThreadScreening(setup, options.signal), batchItems(table.rows, options.signal), 1, emit);
      return progress.state;
    }
    const pool = screeningPool({ script, count, setup, signal: options.signal });
    try {
      // CSV goes to the workers as text (they split it); XLSX as rows read here
      const csv = await openCsvChunks(options.batchPath);
      if (!csv) await screenInOrder(pool, batchItems(table.rows, options.signal), count * MAX_IN_FLIGHT, emit);
      else {
        try {
          await screenInOrder(pool, csvItems(csv, options.signal), count * MAX_IN_FLIGHT, emit);
        } finally {
          await csv.close();
        }
      }
      return progress.state;
    } finally {
      await pool.close();
    }
  } finally {
    await table.close();
  }
}

async function* batchItems(rows: AsyncIterable<TableRow>, signal?: AbortSignal): AsyncGenerator<ScreeningWork & { type: 'batch' }> {
  let batch: RowItem[] = [];
  for await (const row of rows) {
    batch.push(row.problem === undefined ? [row.rowNumber, row.cells] : [row.rowNumber, row.cells, row.problem]);
    if (batch.length >= BATCH_ROWS) {
      signal?.throwIfAborted();
      yield { type: 'batch', rows: batch };
      batch = [];
    }
  }
  signal?.throwIfAborted();
  if (batch.length) yield { type: 'batch', rows: batch };
}

async function* csvItems(csv: CsvChunks, signal?: AbortSignal): AsyncGenerator<ScreeningWork & { type: 'csv' }> {
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
