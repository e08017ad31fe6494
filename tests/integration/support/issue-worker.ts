// A second process (a worker thread with its own SQLite connection) that issues drafts by taking numbers, as
// another clerk's copy of the program on a shared data folder would. Starts when the test releases the gate, so
// that both threads really run at once, and reports the numbers it got.
import { parentPort, workerData } from 'node:worker_threads';
import { createAppContext } from '../../../electron/context';
import { takeNumberAndFreeze } from '../../../electron/letters/issue';
import { testConfig } from './context';

const { dataDir, ids, gate } = workerData as { dataDir: string; ids: number[]; gate: SharedArrayBuffer };

async function issueAll(): Promise<string[]> {
  const ctx = createAppContext(testConfig(dataDir));
  Atomics.wait(new Int32Array(gate), 0, 0);
  const numbers: string[] = [];
  for (const id of ids) {
    await takeNumberAndFreeze(ctx, id);
    const row = await ctx.data.selectFrom('letters').select('document_number').where('id', '=', id).executeTakeFirstOrThrow();
    numbers.push(row.document_number ?? '');
  }
  ctx.close();
  return numbers;
}

// a failure must end the thread with an error the test sees, not leave it waiting for a message
issueAll().then(
  (numbers) => parentPort?.postMessage(numbers),
  (error: unknown) => {
    throw error;
  },
);
