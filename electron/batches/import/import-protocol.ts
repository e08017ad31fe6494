// Messages between the job manager and the import worker thread.
import type { ImportCounts } from '../repository';
import type { DataStoreLocation } from '../../data/store';
import type { ImportJob, ImportProgress } from './import-batch';

export type ImportWorkerRequest =
  /** `store`: where the worker opens its own connection (the SQLite file, or PostgreSQL's URL and schema) */
  | { type: 'start'; store: DataStoreLocation; job: ImportJob }
  | { type: 'cancel' };

export type ImportWorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; counts: ImportCounts }
  | { type: 'error'; message: string; cancelled: boolean };
