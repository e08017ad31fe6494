// One long operation on a data folder, run as a child process by the crash harness (tests/crash/run.mjs) and the
// restore drills, so that it can be killed with SIGKILL at any moment:
//   node --import tsx tests/crash/operation.ts <import|screening|letter|backup|restore> <dataDir> [file]
// It starts the services as the app does (recovery included), does the operation to its end and prints DONE.
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { startServices } from '../../electron/startup';
import { testConfig } from '../integration/support/context';
import { finishOperation, type OperationName } from './operations';

async function main(): Promise<void> {
  const [name, dataDir, file] = process.argv.slice(2);
  if (!name || !dataDir) throw new Error('usage: operation.ts <operation> <dataDir> [file]');
  const services = await startServices(testConfig(dataDir), createQueuedDialogs());
  try {
    await finishOperation(services.ctx, name as OperationName, file ?? '');
  } finally {
    services.close();
  }
  process.stdout.write('DONE\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
