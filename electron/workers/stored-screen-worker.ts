// A worker thread that screens stored rows sent by electron/batches/screening/screen-stored.ts. Bundled to
// out/stored-screen-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { buildRegistryIndex, type RegistryIndex } from '../../shared/engine';
import { screenStoredInput } from '../batches/screening/screen-input';
import type { StoredWorkerReply, StoredWorkerRequest } from '../batches/screening/stored-protocol';

let index: RegistryIndex | null = null;

parentPort?.on('message', (request: StoredWorkerRequest) => {
  const reply = (message: StoredWorkerReply) => parentPort?.postMessage(message);
  if (request.type === 'init') {
    index = buildRegistryIndex(request.marks);
    return;
  }
  try {
    if (!index) throw new Error('worker not initialised');
    const ready = index;
    reply({ type: 'result', seq: request.seq, results: request.rows.map((row) => [row.rowId, screenStoredInput(ready, row)]) });
  } catch (error) {
    reply({ type: 'error', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
  }
});
