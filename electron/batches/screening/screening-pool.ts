// The one screening pool: worker threads that each build the registry index once, then screen the work sent to
// them (a file's rows for the command line, a stored batch's pages for the app's jobs; screening-protocol.ts).
// Without the bundled worker script (tests from sources) or for small work, the same handler runs in this thread
// behind the same interface.
import { Worker } from 'node:worker_threads';
import { CANCELLED, onWorkerFailure, workerFailureMessage, type WorkerFailure, type WorkerLabel } from '../../workers/run-worker-task';
import type {
  ScreeningReply, ScreeningRequest, ScreeningResult, ScreeningSetup, ScreeningWork, StoredResult, TableResult,
} from './screening-protocol';
import { screeningHandler } from './screening-work';

export interface ScreeningPool {
  /** Screens one unit of work; rejects with a Chinese message when it cannot (or AbortError once cancelled). */
  run<W extends ScreeningWork>(work: W): Promise<ScreeningResult<W>>;
  /** Ends the threads; work still unanswered rejects. */
  close(): Promise<void>;
}

export const SCREENING_WORKER = 'screening-worker.cjs';

const SCREENING: WorkerLabel = { name: '筛查', advice: '，本次筛查未完成，请重新筛查' };

const cancelled = () => new DOMException(CANCELLED, 'AbortError');

/** The same answers in this thread (no bundled worker; small work). */
export function inThreadScreening(setup: ScreeningSetup, signal?: AbortSignal): ScreeningPool {
  const handle = screeningHandler(setup);
  return {
    run: <W extends ScreeningWork>(work: W) => {
      if (signal?.aborted) return Promise.reject(cancelled());
      // the handler answers each kind of work with that kind's result
      return Promise.resolve(handle(work) as ScreeningResult<W>);
    },
    close: async () => {},
  };
}

export interface PoolOptions {
  /** the bundled screening-worker.cjs */
  script: string;
  count: number;
  setup: ScreeningSetup;
  /** aborting rejects the unanswered work and ends the threads */
  signal?: AbortSignal | undefined;
}

/**
 * Worker threads, each piece of work to the live one with the least in hand. A thread that dies (an error, out of
 * memory, an exit) leaves the pool and its unanswered work rejects with a message saying so; when none is left,
 * later work rejects at once instead of waiting for an answer that cannot come.
 */
export function screeningPool({ script, count, setup, signal }: PoolOptions): ScreeningPool {
  type Pending = { resolve(result: TableResult | StoredResult): void; reject(error: Error): void };
  interface Slot {
    worker: Worker;
    waiting: Map<number, Pending>;
  }
  const live: Slot[] = [];
  let seq = 0;
  let lastDeath = '';
  /** why no more work is taken (cancelled, closed); null while open */
  let stopped: Error | null = null;
  let ended: Promise<void> = Promise.resolve();

  const rejectAll = (slot: Slot, error: Error) => {
    for (const pending of slot.waiting.values()) pending.reject(error);
    slot.waiting.clear();
  };
  const bury = (slot: Slot, failure: WorkerFailure) => {
    const at = live.indexOf(slot);
    if (at < 0) return;
    live.splice(at, 1);
    lastDeath = 'error' in failure ? failure.error.message : `退出码 ${failure.exitCode}`;
    rejectAll(slot, new Error(workerFailureMessage(SCREENING, failure)));
    void slot.worker.terminate();
  };
  const stop = (why: Error): Promise<void> => {
    if (stopped) return ended;
    stopped = why;
    signal?.removeEventListener('abort', onAbort);
    const closing = live.splice(0);
    for (const slot of closing) rejectAll(slot, why);
    ended = Promise.all(closing.map((slot) => slot.worker.terminate())).then(() => {});
    return ended;
  };
  const onAbort = () => void stop(cancelled());

  if (signal?.aborted) stopped = cancelled();
  else {
    signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < count; i += 1) {
      const slot: Slot = { worker: new Worker(script), waiting: new Map() };
      slot.worker.on('message', (reply: ScreeningReply) => {
        const pending = slot.waiting.get(reply.seq);
        slot.waiting.delete(reply.seq);
        if (reply.type === 'result') pending?.resolve(reply.result);
        else pending?.reject(new Error(`筛查出错：${reply.message}`));
      });
      onWorkerFailure(slot.worker, (failure) => bury(slot, failure));
      slot.worker.postMessage({ type: 'init', setup } satisfies ScreeningRequest);
      live.push(slot);
    }
  }

  return {
    run: <W extends ScreeningWork>(work: W) =>
      new Promise<ScreeningResult<W>>((resolve, reject) => {
        if (stopped) return reject(stopped);
        const slot = live.reduce<Slot | undefined>((best, s) => (!best || s.waiting.size < best.waiting.size ? s : best), undefined);
        if (!slot) return reject(new Error(`筛查线程均已异常退出（${lastDeath}）${SCREENING.advice}`));
        const id = seq++;
        // the worker answers each kind of work with that kind's result
        slot.waiting.set(id, { resolve: (result) => resolve(result as ScreeningResult<W>), reject });
        slot.worker.postMessage({ type: 'work', seq: id, work } satisfies ScreeningRequest);
      }),
    close: () => stop(new Error(`筛查已结束${SCREENING.advice}`)),
  };
}

/**
 * Screens `items` through `pool` with at most `limit` in hand, handing each result to `emit` in the items' order
 * (awaited: backpressure for the writer). The first failure, in that order, rejects.
 */
export async function screenInOrder<W extends ScreeningWork>(
  pool: ScreeningPool, items: AsyncIterable<W>, limit: number, emit: (result: ScreeningResult<W>) => void | Promise<void>,
): Promise<void> {
  const queue: Promise<ScreeningResult<W>>[] = [];
  const emitFirst = async () => emit(await (queue.shift() as Promise<ScreeningResult<W>>));
  for await (const item of items) {
    const result = pool.run(item);
    // awaited below, in order; until then (or when an earlier one has failed) its rejection is not unhandled
    result.catch(() => {});
    queue.push(result);
    if (queue.length >= limit) await emitFirst();
  }
  while (queue.length > 0) await emitFirst();
}
