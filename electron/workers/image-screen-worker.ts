// A worker thread that searches a stored batch's images in the registry's logos with its own database connection,
// so that a gazette of many images never holds the main process (about a millisecond an image). Bundled to
// out/image-screen-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { openDataConnection } from '../data/store';
import { screenBatchImages } from '../batches/screening/image-screen';
import type { ImageScreenReply, ImageScreenRequest } from '../batches/screening/image-screen-protocol';

const controller = new AbortController();
const reply = (message: ImageScreenReply) => parentPort?.postMessage(message);

parentPort?.on('message', (request: ImageScreenRequest) => {
  if (request.type === 'cancel') {
    controller.abort();
    return;
  }
  // the worker's own connection: the file opened again, or a small pool of its own on the server's PostgreSQL
  openDataConnection(request.store)
    .then((connection) =>
      screenBatchImages({ data: connection.data, kind: request.kind, batchId: request.batchId, markNames: new Map(request.markNames), signal: controller.signal })
        .finally(() => connection.close()),
    )
    .then((found) => reply({ type: 'done', hits: [...found] }))
    .catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error), cancelled: controller.signal.aborted }));
});
