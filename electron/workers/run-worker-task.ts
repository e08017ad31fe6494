// One task in its own worker thread (a batch's import, its image screening): start the bundled script, send it one
// request, resolve on its `done`, reject with a Chinese message on its `error`, a crash or an exit, post `cancel` on
// abort, and always terminate it. The worker side (`serveWorkerTask`) is here too so both ends speak one protocol.
// What a thread that dies says (`workerFailureMessage`) is also used by the kept workers (the screening pool, the
// letter renderer), which answer many requests and so are not one-shot.
import { parentPort, Worker } from 'node:worker_threads';

/** A thread's name in messages (导入, 图样比对, …) and what the user can do after it failed. */
export interface WorkerLabel {
  name: string;
  /** appended to the message of a thread that crashed or exited, e.g. '，请重试' */
  advice: string;
}

/** How a worker thread ended without answering: an uncaught error, or an exit. */
export type WorkerFailure = { error: Error } | { exitCode: number };

export function workerFailureMessage(label: WorkerLabel, failure: WorkerFailure): string {
  return 'error' in failure
    ? `${label.name}线程出错：${failure.error.message}${label.advice}`
    : `${label.name}线程意外退出（退出码 ${failure.exitCode}）${label.advice}`;
}

/** Calls `onFailure` when the worker throws or exits (a kept worker's owner decides what that ends). */
export function onWorkerFailure(worker: Worker, onFailure: (failure: WorkerFailure) => void): void {
  worker.on('error', (error) => onFailure({ error }));
  worker.on('exit', (exitCode) => onFailure({ exitCode }));
}

export type TaskRequest<Start> = { type: 'start'; task: Start } | { type: 'cancel' };

export type TaskReply<Done, Progress = never> =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; value: Done }
  /** `cancelled`: the worker stopped because it was asked to */
  | { type: 'error'; message: string; cancelled: boolean };

export const CANCELLED = '已取消';

export interface WorkerTaskOptions<Start, Progress> {
  script: string;
  task: Start;
  label: WorkerLabel;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
  /** put before the message of the worker's own `error` reply ('' keeps it as it is) */
  errorPrefix?: string;
}

export function runWorkerTask<Start, Done, Progress = never>(options: WorkerTaskOptions<Start, Progress>): Promise<Done> {
  const { signal } = options;
  return new Promise<Done>((resolve, reject) => {
    const worker = new Worker(options.script);
    let settled = false;
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies TaskRequest<Start>);
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      outcome();
    };
    worker.on('message', (reply: TaskReply<Done, Progress>) => {
      if (settled) return;
      if (reply.type === 'progress') options.onProgress?.(reply.progress);
      else if (reply.type === 'done') settle(() => resolve(reply.value));
      else if (reply.cancelled) settle(() => reject(new DOMException(CANCELLED, 'AbortError')));
      else settle(() => reject(new Error(`${options.errorPrefix ?? ''}${reply.message}`)));
    });
    // a worker that dies without a word (out of memory, a crash in native code) must still end the task
    onWorkerFailure(worker, (failure) => settle(() => reject(new Error(workerFailureMessage(options.label, failure)))));
    worker.postMessage({ type: 'start', task: options.task } satisfies TaskRequest<Start>);
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  });
}

/**
 * The worker's side: runs `work` on the `start` request with a signal that `cancel` aborts, and answers `done` or
 * `error` (with `cancelled` when it stopped because it was asked to).
 */
export function serveWorkerTask<Start, Done, Progress = never>(
  work: (task: Start, signal: AbortSignal, progress: (progress: Progress) => void) => Promise<Done>,
): void {
  const controller = new AbortController();
  const reply = (message: TaskReply<Done, Progress>) => parentPort?.postMessage(message);
  parentPort?.on('message', (request: TaskRequest<Start>) => {
    if (request.type === 'cancel') {
      controller.abort();
      return;
    }
    work(request.task, controller.signal, (progress) => reply({ type: 'progress', progress }))
      .then((value) => reply({ type: 'done', value }))
      .catch((error: unknown) =>
        reply({ type: 'error', message: error instanceof Error ? error.message : String(error), cancelled: controller.signal.aborted }));
  });
}
