// The app's services on a fresh data folder for one test at a time, with queued dialog answers: what a test of the
// contract (services.dispatch) needs, set up and torn down around each test.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createQueuedDialogs } from '../../../electron/bridge/dialogs';
import { startServices, type RunningServices } from '../../../electron/startup';
import type { FilePurpose } from '../../../shared/contract/files';
import { tempDir, testConfig } from './context';
import { openFreshStore, type TestStore } from './stores';
import { migrateDataStore } from '../../../electron/data/postgres/migrate';
import type { DataStoreChoice } from '../../../electron/data/store';
import type { StoreKind } from '../../../electron/store/store';

export interface ServicesHarness {
  readonly services: RunningServices;
  readonly folder: ReturnType<typeof tempDir>;
  readonly dialogs: ReturnType<typeof createQueuedDialogs>;
}

/**
 * Registers beforeEach/afterEach; read the fields inside tests (each test gets new ones). `kind`: the app's data in
 * the data folder's SQLite file (the desktop, default), or on the real PostgreSQL in a fresh schema, migrated, as a
 * server keeps it (support/stores.ts).
 */
export function useRunningServices(kind: StoreKind = 'sqlite'): ServicesHarness {
  let current: ServicesHarness | undefined;
  let store: TestStore | undefined;
  beforeEach(async () => {
    const folder = tempDir();
    const dialogs = createQueuedDialogs();
    let dataStore: DataStoreChoice = { kind: 'sqlite' };
    if (kind === 'postgres') {
      store = await openFreshStore('postgres');
      await migrateDataStore(store.store);
      if (store.config.kind !== 'postgres') throw new Error('a PostgreSQL test store has a PostgreSQL config');
      dataStore = { kind: 'postgres', store: store.store, config: store.config };
    }
    current = { folder, dialogs, services: await startServices(testConfig(path.join(folder.dir, 'data'), { dataStore }), dialogs) };
  });
  afterEach(async () => {
    current?.services.close();
    // a job still writing when the test ended is stopped before its store goes
    await current?.services.ctx.jobs.stopAll();
    await current?.services.ctx.imageFeatures.stop();
    await store?.drop();
    current?.folder.remove();
    current = undefined;
    store = undefined;
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
  return chooseFile(harness, file, purpose);
}

/** The token of a file already written, as the clerk picks it in main's open dialog. */
export async function chooseFile(harness: ServicesHarness, file: string, purpose: FilePurpose): Promise<string> {
  harness.dialogs.queue(file);
  return (await valueOf<{ token: string }>(harness.services.dispatch('files.open', { purpose }))).token;
}
