// The app's services on a fresh data folder for one test at a time, with queued dialog answers: what a test of the
// contract (services.dispatch) needs, set up and torn down around each test.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createQueuedDialogs } from '../../../electron/bridge/dialogs';
import { startServices, type RunningServices } from '../../../electron/startup';
import type { FilePurpose } from '../../../shared/contract/files';
import { tempDir, testConfig } from './context';

export interface ServicesHarness {
  readonly services: RunningServices;
  readonly folder: ReturnType<typeof tempDir>;
  readonly dialogs: ReturnType<typeof createQueuedDialogs>;
}

/** Registers beforeEach/afterEach; read the fields inside tests (each test gets new ones). */
export function useRunningServices(): ServicesHarness {
  let current: ServicesHarness | undefined;
  beforeEach(async () => {
    const folder = tempDir();
    const dialogs = createQueuedDialogs();
    current = { folder, dialogs, services: await startServices(testConfig(path.join(folder.dir, 'data')), dialogs) };
  });
  afterEach(() => {
    current?.services.close();
    current?.folder.remove();
    current = undefined;
  });
  const now = (): ServicesHarness => {
    if (!current) throw new Error('the services exist only inside a test');
    return current;
  };
  return {
    get services() { return now().services; },
    get folder() { return now().folder; },
    get dialogs() { return now().dialogs; },
  };
}

/** The value of a dispatched call; a refusal fails the test with its message. */
export async function valueOf<T>(call: Promise<unknown>): Promise<T> {
  const result = (await call) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

/** Writes `bytes` as `name` in the test's folder, answers the next file dialog with it, and returns files.open's token. */
export async function chosenFile(harness: ServicesHarness, purpose: FilePurpose, name: string, bytes: Buffer): Promise<string> {
  const file = path.join(harness.folder.dir, name);
  writeFileSync(file, bytes);
  harness.dialogs.queue(file);
  return (await valueOf<{ token: string }>(harness.services.dispatch('files.open', { purpose }))).token;
}
