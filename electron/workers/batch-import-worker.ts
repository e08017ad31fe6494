// A worker thread that parses a batch file and writes its rows through its own database connection, so a
// million-row import never blocks the main process. Bundled to out/batch-import-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { openDataConnection } from '../data/store';
import { runBatchImport } from '../batches/import/import-batch';
import type { ImportWorkerReply, ImportWorkerRequest } from '../batches/import/import-protocol';
import { TableReadError } from '../tabular';

const controller = new AbortController();
const reply = (message: ImportWorkerReply) => parentPort?.postMessage(message);

parentPort?.on('message', (request: ImportWorkerRequest) => {
  if (request.type === 'cancel') {
    controller.abort();
    return;
  }
  // the worker's own connection: the file opened again, or a small pool of its own on the server's PostgreSQL
  openDataConnection(request.store)
    .then((connection) =>
      runBatchImport(connection, request.job, { signal: controller.signal, onProgress: (progress) => reply({ type: 'progress', progress }) })
        .finally(() => connection.close()),
    )
    .then((counts) => reply({ type: 'done', counts }))
    .catch((error: unknown) => {
      const message = error instanceof TableReadError || error instanceof Error ? error.message : String(error);
      reply({ type: 'error', message, cancelled: controller.signal.aborted });
    });
});
