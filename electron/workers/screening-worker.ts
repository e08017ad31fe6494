// A screening worker thread: builds the registry index once, then screens the work the pool sends, a file's rows or
// a stored batch's rows (electron/batches/screening/screening-pool.ts). Bundled to out/screening-worker.cjs.
import { parentPort } from 'node:worker_threads';
import type { ScreeningReply, ScreeningRequest } from '../batches/screening/screening-protocol';
import { screeningHandler } from '../batches/screening/screening-work';

let handle: ReturnType<typeof screeningHandler> | null = null;
let setupError = '筛查线程尚未收到保护名录';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

parentPort?.on('message', (request: ScreeningRequest) => {
  const reply = (answer: ScreeningReply) => parentPort?.postMessage(answer);
  if (request.type === 'init') {
    try {
      handle = screeningHandler(request.setup);
    } catch (error) {
      // every later piece of work is answered with why the worker cannot screen
      setupError = message(error);
    }
    return;
  }
  try {
    if (!handle) throw new Error(setupError);
    reply({ type: 'result', seq: request.seq, result: handle(request.work) });
  } catch (error) {
    reply({ type: 'error', seq: request.seq, message: message(error) });
  }
});
