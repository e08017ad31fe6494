// Worker threads that compute stored images' features (encoded-features.ts), so that a batch of many images is
// hashed on every core: the features take about 5 ms an image in one thread. Without
// the bundled worker script (tests from sources), or on one core, the same function runs in this thread behind the
// same interface. A thread that dies leaves the pool: its unanswered images fail with a message saying so (their
// rows keep the reason, as for an unreadable image), and the rest go to the threads left, or to this thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../shared/result';
import { onWorkerFailure, workerFailureMessage, type WorkerLabel } from '../workers/run-worker-task';
import { encodedFeatures, type ImageRole } from './encoded-features';
import type { ImageFeaturesRow } from './repository';

export const FEATURES_WORKER = 'image-features-worker.cjs';
/** A bound on the threads (each holds a heap of its own) whatever the machine's cores. */
const MAX_THREADS = 8;
/**
 * Each thread's young generation, where the features' many short-lived arrays are made: V8's default lets it grow
 * to tens of MB, past what a core's caches hold, and held to 8 MB two threads hashed the scale set's filings in
 * 2.2–2.8 ms an image rather than 2.9–3.5, with a fifth less CPU (logo/MEASUREMENTS.md, forty-eighth session).
 */
export const FEATURES_THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 } as const;

export type FeaturesOf = (bytes: Uint8Array, role: ImageRole) => Promise<Result<ImageFeaturesRow>>;

export interface FeaturesPool {
  features: FeaturesOf;
  /** the threads computing (1 for this thread): how many images to keep in hand */
  size: number;
  close(): Promise<void>;
}

export interface FeaturesRequest {
  seq: number;
  bytes: Uint8Array;
  role: ImageRole;
}

export interface FeaturesReply {
  seq: number;
  result: Result<ImageFeaturesRow>;
}

const LABEL: WorkerLabel = { name: '图形特征', advice: '，该图样未能存入，请重新导入' };

export const inThreadFeatures: FeaturesPool = { features: encodedFeatures, size: 1, close: async () => {} };

/** The thumb column as the databases bind it (a Buffer), whatever crossed the thread's boundary. */
const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * A pool of `count` threads running `script` (the bundled image-features-worker.cjs). Each thread holds one image at
 * a time and is given the next as it answers, so that no thread waits while another has several in hand.
 */
export function featuresPool(script: string, count: number): FeaturesPool {
  type Answer = (result: Result<ImageFeaturesRow>) => void;
  interface Job {
    request: FeaturesRequest;
    answer: Answer;
  }
  interface Slot {
    worker: Worker;
    current: Job | null;
  }
  const live: Slot[] = [];
  const queue: Job[] = [];
  let seq = 0;
  let closed = false;
  const pump = () => {
    for (const slot of live) {
      if (slot.current || queue.length === 0) continue;
      slot.current = queue.shift()!;
      slot.worker.postMessage(slot.current.request);
    }
    // every thread gone: what waits is computed in this thread
    if (live.length === 0) for (const job of queue.splice(0)) void encodedFeatures(job.request.bytes, job.request.role).then(job.answer);
  };
  const bury = (slot: Slot, message: string) => {
    const at = live.indexOf(slot);
    if (at < 0) return;
    live.splice(at, 1);
    slot.current?.answer(fail('internal', message));
    slot.current = null;
    void slot.worker.terminate();
    pump();
  };
  // the threads start with the first image (a start-up with nothing to compute starts none)
  const start = () => {
    for (let i = 0; i < count; i++) {
      const slot: Slot = { worker: new Worker(script, { resourceLimits: FEATURES_THREAD_LIMITS }), current: null };
      slot.worker.on('message', (reply: FeaturesReply) => {
        const job = slot.current;
        if (!job || job.request.seq !== reply.seq) return;
        slot.current = null;
        job.answer(reply.result.ok ? { ok: true, value: { ...reply.result.value, thumb: asBuffer(reply.result.value.thumb) } } : reply.result);
        pump();
      });
      onWorkerFailure(slot.worker, (failure) => bury(slot, workerFailureMessage(LABEL, failure)));
      live.push(slot);
    }
  };
  let started = false;
  return {
    size: count,
    features: (bytes, role) => {
      if (closed) return encodedFeatures(bytes, role);
      if (!started) {
        started = true;
        start();
      }
      return new Promise((answer) => {
        queue.push({ request: { seq: seq++, bytes, role }, answer });
        pump();
      });
    },
    close: async () => {
      closed = true;
      const closing = live.splice(0);
      const why = fail('internal', `图形特征线程已关闭${LABEL.advice}`);
      for (const job of queue.splice(0)) job.answer(why);
      for (const slot of closing) slot.current?.answer(why);
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * Runs `work` on every item with at most `limit` in hand, starting the next as each ends (no batch waits for its
 * slowest): how callers keep the pool's threads busy. Resolves when all have ended; the first failure rejects.
 */
export async function eachInHand<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  // after a failure no lane starts another item (the ones under way end on their own)
  let failed = false;
  const lane = async () => {
    while (next < items.length && !failed) {
      signal?.throwIfAborted();
      const i = next++;
      await work(items[i]!, i).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * The pool for this machine: the worker script in `workerDir` (the bundle's folder) on a thread per core (at most
 * MAX_THREADS), or this thread when the script is absent or there is one core.
 */
export function featuresPoolIn(workerDir: string | undefined): FeaturesPool {
  const script = workerDir ? path.join(workerDir, FEATURES_WORKER) : '';
  const cores = availableParallelism();
  if (!script || !existsSync(script) || cores < 2) return inThreadFeatures;
  return featuresPool(script, Math.min(MAX_THREADS, cores));
}
