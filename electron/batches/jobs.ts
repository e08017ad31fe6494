// Long work on batches — import, then screening — run one batch at a time per batch, report progress for the
// UI to poll (the same over IPC and the web bridge) and can be cancelled. Imports run in a worker thread when the
// bundled worker exists (the app), in this thread otherwise (unit and integration tests from sources).
// There is one job manager per running app, made with the context (context.ts): a restore or any close of the
// database first stops every job (`quiesce`), so that no job writes into the database that replaced its own.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { JobProgress } from '../../shared/contract/screening';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { createBatchesRepository } from './repository';
import { inTransaction } from '../data/queries';
import { refreshPlannerStatistics } from '../data/portable';
import { borrowedConnection } from '../data/store';
import { marksRepository } from '../registry/marks';
import { runBatchImport, type ImportJob, type ImportProgress } from './import/import-batch';
import type { ImportDone, ImportTask } from './import/import-protocol';
import { runWorkerTask } from '../workers/run-worker-task';
import { createSqliteHitSink } from './hit-sink';
import { createPostgresHitSink } from './hit-sink-postgres';
import { loadMarkViennaCodes } from '../logos/vienna';
import { markSnapshots, screenStoredBatch } from './screening/screen-stored';
import { screenImagesOf } from './screening/image-screen-job';
import { SCREENING_WORKER } from './screening/screening-pool';

export interface JobManagerOptions {
  /** folder holding the bundled workers: batch-import-worker.cjs, screening-worker.cjs, image-screen-worker.cjs (out/) */
  workerDir?: string;
}

/** Rows deleted per transaction when a batch is removed: each chunk holds the thread for a few milliseconds. */
export const REMOVE_CHUNK_ROWS = 2000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a cancelled job did: the rows it read (of the file's estimated rows) are kept. */
function cancelMessage(p: JobProgress | undefined): string {
  if (!p || p.phase !== 'importing') return '已取消：已导入的行保留，可继续导入或删除该批次';
  const of = p.total > 0 ? `（文件约 ${p.total.toLocaleString('zh-CN')} 行）` : '';
  return `已取消：已读取 ${p.readRows.toLocaleString('zh-CN')} 行${of}并保留，可继续导入或删除该批次`;
}

function emptyProgress(batchId: number): JobProgress {
  return { batchId, phase: 'importing', fraction: 0, rows: 0, total: -1, readRows: 0, rowsPerSecond: 0, newRows: 0, duplicateRows: 0, badRows: 0, hitCount: 0, message: '' };
}

export function createJobManager(ctx: AppContext, options: JobManagerOptions = {}) {
  const progress = new Map<number, JobProgress>();
  const controllers = new Map<number, AbortController>();
  const running = new Set<Promise<void>>();
  /** why new jobs are refused right now (a restore is swapping the database), or null */
  let paused: string | null = null;
  const script = (name: string) => {
    const file = options.workerDir ? path.join(options.workerDir, name) : '';
    return file && existsSync(file) ? file : undefined;
  };
  const batches = () => createBatchesRepository(ctx.data);

  function update(batchId: number, patch: Partial<JobProgress>): void {
    progress.set(batchId, { ...(progress.get(batchId) ?? emptyProgress(batchId)), ...patch });
  }

  function importInWorker(script: string, job: ImportJob, signal: AbortSignal, onProgress: (p: ImportProgress) => void) {
    return runWorkerTask<ImportTask, ImportDone, ImportProgress>({
      script,
      task: { store: ctx.dataStore, job },
      label: { name: '导入', advice: '，已导入的行保留，可继续导入' },
      signal,
      onProgress,
    });
  }

  async function importBatch(job: ImportJob, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    const onProgress = (p: ImportProgress) =>
      update(job.batchId, {
        phase: 'importing',
        fraction: p.fraction,
        rows: p.totalRows,
        total: p.expectedRows,
        readRows: p.totalRows,
        rowsPerSecond: Math.round(p.totalRows / Math.max(0.001, (Date.now() - started) / 1000)),
        newRows: p.newRows,
        duplicateRows: p.duplicateRows,
        badRows: p.badRows,
        message: p.message ?? '',
      });
    const worker = script('batch-import-worker.cjs');
    const counts = worker
      ? await importInWorker(worker, job, signal, onProgress)
      : await runBatchImport(borrowedConnection(ctx), job, { signal, onProgress });
    onProgress({ ...counts, fraction: 1, expectedRows: counts.totalRows });
    await batches().setCounts(job.batchId, counts);
    await batches().markImported(job.batchId, ctx.now());
    await refreshPlannerStatistics(ctx.data, [job.kind === 'filing' ? 'filings' : 'listings']);
  }

  async function screenBatch(batchId: number, signal: AbortSignal): Promise<void> {
    const batch = await batches().get(batchId);
    if (!batch) return;
    await batches().setStatus(batchId, 'screening');
    const started = Date.now();
    update(batchId, { phase: 'screening', fraction: 0, rows: 0, total: -1, readRows: batch.totalRows, rowsPerSecond: 0, hitCount: 0, message: '' });
    const marks = await marksRepository(ctx.data).list();
    // prepared statements on the SQLite file; multi-row upserts through the query builder on PostgreSQL
    const snapshots = markSnapshots(marks);
    const sink = ctx.sqlite ? createSqliteHitSink(ctx.sqlite, snapshots) : createPostgresHitSink(ctx.data, snapshots);
    const hitCount = await screenStoredBatch(ctx.data, sink, {
      batchId,
      markViennaCodes: batch.kind === 'filing' ? await loadMarkViennaCodes(ctx.data) : new Map(),
      kind: batch.kind,
      marks,
      signal,
      now: ctx.now,
      imageHits: async () => {
        update(batchId, { message: '正在更新图形特征' });
        await ctx.imageFeatures.ensureCurrent({ batch: { kind: batch.kind, id: batchId } }, signal);
        update(batchId, { message: '正在比对图样' });
        return screenImagesOf(ctx, {
          batchId, kind: batch.kind, markNames: new Map(marks.map((m) => [m.id, m.name])), signal,
          ...(script('image-screen-worker.cjs') ? { workerScript: script('image-screen-worker.cjs') } : {}),
        }).finally(() => update(batchId, { message: '' }));
      },
      ...(script(SCREENING_WORKER) ? { workerScript: script(SCREENING_WORKER) } : {}),
      onProgress: (done, total, hits) =>
        update(batchId, {
          fraction: total === 0 ? 1 : done / total,
          rows: done,
          total,
          rowsPerSecond: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)),
          hitCount: hits,
        }),
    });
    // before the batch shows as screened: the review queue it opens is planned on these statistics
    await refreshPlannerStatistics(ctx.data, ['hits']);
    await batches().markScreened(batchId, ctx.now(), hitCount);
    update(batchId, { phase: 'done', fraction: 1, hitCount });
  }

  /** Deletes a batch already hidden (markRemoving) a chunk per transaction, letting the event loop run between. */
  async function removeBatch(batchId: number, signal: AbortSignal): Promise<void> {
    const total = Math.max(1, await batches().rowsLeft(batchId));
    const chunk = () => inTransaction(ctx.data, (tx) => createBatchesRepository(tx).removeChunk(batchId, REMOVE_CHUNK_ROWS));
    let done = 0;
    update(batchId, { phase: 'removing', fraction: 0, rows: 0, message: '' });
    for (;;) {
      signal.throwIfAborted();
      const deleted = await chunk();
      if (deleted === 0) break;
      done += deleted;
      update(batchId, { fraction: Math.min(0.99, done / total), rows: done });
      await nextTurn();
    }
    await refreshPlannerStatistics(ctx.data, ['filings', 'listings', 'hits']);
    update(batchId, { phase: 'done', fraction: 1, rows: done, message: '已删除' });
  }

  /** Runs `work` as the batch's job; failures and cancellation end in the batch's status, never thrown. */
  function run(batchId: number, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (paused !== null) throw new AppFailure('conflict', paused);
    if (controllers.has(batchId)) throw new AppFailure('conflict', '该批次正在处理中，请等待完成或先取消');
    const controller = new AbortController();
    controllers.set(batchId, controller);
    const job = work(controller.signal)
      .catch(async (error: unknown) => {
        const cancelled = controller.signal.aborted;
        const message = cancelled ? cancelMessage(progress.get(batchId)) : `失败：${error instanceof Error ? error.message : String(error)}`;
        if (ctx.isOpen() && (await batches().get(batchId))) await batches().setStatus(batchId, cancelled ? 'cancelled' : 'failed', message);
        update(batchId, { phase: cancelled ? 'cancelled' : 'failed', message });
      })
      .finally(() => {
        controllers.delete(batchId);
        running.delete(job);
      });
    running.add(job);
    return job;
  }

  /** Cancels every running job and waits until each has stopped writing. */
  async function stopAll(): Promise<number> {
    const stopped = controllers.size;
    for (const controller of controllers.values()) controller.abort();
    while (running.size > 0) await Promise.allSettled([...running]);
    return stopped;
  }

  return {
    isRunning: (batchId: number) => controllers.has(batchId),
    /** How many jobs run now (the app asks before closing). */
    runningCount: () => controllers.size,
    stopAll,
    /**
     * Runs `work` (a restore) with no job running: running jobs are cancelled and awaited first, new ones refused
     * with `reason` until it ends. Resolves to what `work` returned and how many jobs were cancelled.
     */
    async quiesce<T>(reason: string, work: () => Promise<T>): Promise<{ value: T; cancelled: number }> {
      if (paused !== null) throw new AppFailure('conflict', paused);
      paused = reason;
      try {
        const cancelled = await stopAll();
        await ctx.imageFeatures.stop();
        return { value: await work(), cancelled };
      } finally {
        paused = null;
        // the database now open (the restored one, or the first again) may hold older image features too
        ctx.imageFeatures.start();
      }
    },
    /** A batch waiting for its turn in a re-screening of several: its progress says screening, not done. */
    queueScreening(batch: { id: number; totalRows: number }): void {
      progress.set(batch.id, { ...emptyProgress(batch.id), phase: 'screening', readRows: batch.totalRows, message: '等待筛查' });
    },
    async progress(batchId: number): Promise<JobProgress> {
      const known = progress.get(batchId);
      if (known) return known;
      const batch = await batches().get(batchId);
      if (!batch) throw new AppFailure('not-found', '该批次不存在');
      const phase = batch.status === 'failed' || batch.status === 'cancelled' ? batch.status : 'done';
      return { ...emptyProgress(batchId), phase, fraction: 1, rows: batch.totalRows, total: batch.totalRows, readRows: batch.totalRows, newRows: batch.newRows, duplicateRows: batch.duplicateRows, badRows: batch.badRows, hitCount: batch.hitCount, message: batch.message };
    },
    /** Imports, then screens; resolves when both are over (the handlers do not wait for it). */
    importAndScreen(job: ImportJob): Promise<void> {
      progress.set(job.batchId, emptyProgress(job.batchId));
      return run(job.batchId, async (signal) => {
        await importBatch({ ...job, dataDir: ctx.config.dataDir }, signal);
        await screenBatch(job.batchId, signal);
      });
    },
    screen(batchId: number): Promise<void> {
      return run(batchId, (signal) => screenBatch(batchId, signal));
    },
    /** Deletes the rows of a batch already marked as being removed, in the background. */
    remove(batchId: number): Promise<void> {
      progress.set(batchId, { ...emptyProgress(batchId), phase: 'removing' });
      return run(batchId, (signal) => removeBatch(batchId, signal));
    },
    cancel(batchId: number): boolean {
      const controller = controllers.get(batchId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}

export type JobManager = ReturnType<typeof createJobManager>;

/** At start: the removals a killed process left unfinished go on in the background (their batches stay hidden). */
export async function resumeRemovals(ctx: AppContext): Promise<number> {
  const pending = await createBatchesRepository(ctx.data).beingRemoved();
  for (const id of pending) void ctx.jobs.remove(id);
  return pending.length;
}

/** An import or a screening the last run left unfinished, as found at this start. */
export interface InterruptedBatch {
  id: number;
  /** what it was doing when the process ended */
  was: 'importing' | 'screening';
}

/** At start: a batch left 'importing' or 'screening' by a killed process is shown as incomplete, not running. */
export async function recoverInterruptedBatches(ctx: AppContext): Promise<InterruptedBatch[]> {
  const repository = createBatchesRepository(ctx.data);
  const interrupted = await repository.interrupted();
  for (const batch of interrupted) {
    if (batch.status === 'importing') {
      await repository.setStatus(batch.id, 'failed', '导入未完成（导入过程中程序被关闭）：已导入的行保留，可继续导入或删除该批次');
    } else {
      await repository.setStatus(batch.id, 'imported', '筛查未完成（筛查过程中程序被关闭），请重新筛查');
    }
  }
  return interrupted.map((batch) => ({ id: batch.id, was: batch.status === 'importing' ? 'importing' : 'screening' }));
}
