// Messages between the job manager and the import worker thread.
import type { ImportCounts } from '../repository';
import type { ImportJob, ImportProgress } from './import-batch';

export type ImportWorkerRequest =
  | { type: 'start'; databasePath: string; nativeBinding?: string; job: ImportJob }
  | { type: 'cancel' };

export type ImportWorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; counts: ImportCounts }
  | { type: 'error'; message: string; cancelled: boolean };
