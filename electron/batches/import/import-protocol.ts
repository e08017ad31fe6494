// What the job manager sends the import worker thread, and what it answers (over electron/workers/run-worker-task.ts).
import type { ImportCounts } from '../repository';
import type { DataStoreLocation } from '../../data/store';
import type { ImportJob, ImportProgress } from './import-batch';

export interface ImportTask {
  /** where the worker opens its own connection (the SQLite file, or PostgreSQL's URL and schema) */
  store: DataStoreLocation;
  job: ImportJob;
}

export type ImportDone = ImportCounts;
export type { ImportProgress };
