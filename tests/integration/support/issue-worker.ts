// A second process (a worker thread with its own SQLite connection) that issues drafts by taking numbers, as
// another clerk's copy of the program on a shared data folder would. Starts when the test releases the gate, so
// that both threads really run at once, and reports the numbers it got.
import { parentPort, workerData } from 'node:worker_threads';
import { createAppContext } from '../../../electron/context';
import { takeNumberAndFreeze } from '../../../electron/letters/issue';
import { testConfig } from './context';

const { dataDir, ids, gate } = workerData as { dataDir: string; ids: number[]; gate: SharedArrayBuffer };
const ctx = createAppContext(testConfig(dataDir));
Atomics.wait(new Int32Array(gate), 0, 0);
const numbers: string[] = [];
for (const id of ids) {
  takeNumberAndFreeze(ctx, id);
  const row = ctx.db.prepare('SELECT document_number AS n FROM letters WHERE id = ?').get(id) as { n: string };
  numbers.push(row.n);
}
ctx.close();
parentPort?.postMessage(numbers);
