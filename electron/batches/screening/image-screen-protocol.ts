// What the job manager sends the image screening worker thread (issue 12), and what it answers (over
// electron/workers/run-worker-task.ts).
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit } from '../../../shared/domain';
import type { DataStoreLocation } from '../../data/store';

export interface ImageScreenTask {
  /** where the worker opens its own connection (the SQLite file, or PostgreSQL's URL and schema) */
  store: DataStoreLocation;
  kind: BatchKind;
  batchId: number;
  markNames: [string, string][];
}

export type ImageScreenDone = [rowId: number, hits: Hit[]][];
