// Messages between the job manager and the image screening worker thread (issue 12).
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit } from '../../../shared/domain';
import type { DataStoreLocation } from '../../data/store';

export type ImageScreenRequest =
  /** `store`: where the worker opens its own connection (the SQLite file, or PostgreSQL's URL and schema) */
  | { type: 'start'; store: DataStoreLocation; kind: BatchKind; batchId: number; markNames: [string, string][] }
  | { type: 'cancel' };

export type ImageScreenReply =
  | { type: 'done'; hits: [rowId: number, hits: Hit[]][] }
  | { type: 'error'; message: string; cancelled: boolean };
