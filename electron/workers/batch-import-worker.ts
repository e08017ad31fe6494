// A worker thread that parses a batch file and writes its rows through its own database connection, so a
// million-row import never blocks the main process. Bundled to out/batch-import-worker.cjs.
import { openDataConnection } from '../data/store';
import { runBatchImport } from '../batches/import/import-batch';
import type { ImportDone, ImportProgress, ImportTask } from '../batches/import/import-protocol';
import { serveWorkerTask } from './run-worker-task';

serveWorkerTask<ImportTask, ImportDone, ImportProgress>(async (task, signal, onProgress) => {
  // the worker's own connection: the file opened again, or a small pool of its own on the server's PostgreSQL
  const connection = await openDataConnection(task.store);
  try {
    // the image features pool's worker is bundled beside this one (out/image-features-worker.cjs)
    return await runBatchImport(connection, task.job, { signal, onProgress, featuresWorkerDir: __dirname });
  } finally {
    await connection.close();
  }
});
