// A worker thread that searches a stored batch's images in the registry's logos with its own database connection,
// so that a gazette of many images never holds the main process (about a millisecond an image). Bundled to
// out/image-screen-worker.cjs.
import { openDataConnection } from '../data/store';
import { screenBatchImages } from '../batches/screening/image-screen';
import type { ImageScreenDone, ImageScreenTask } from '../batches/screening/image-screen-protocol';
import { serveWorkerTask } from './run-worker-task';

serveWorkerTask<ImageScreenTask, ImageScreenDone>(async (task, signal) => {
  // the worker's own connection: the file opened again, or a small pool of its own on the server's PostgreSQL
  const connection = await openDataConnection(task.store);
  try {
    const found = await screenBatchImages({ data: connection.data, kind: task.kind, batchId: task.batchId, markNames: new Map(task.markNames), signal });
    return [...found];
  } finally {
    await connection.close();
  }
});
