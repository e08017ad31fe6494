// Messages between the job manager and the image screening worker thread (issue 12).
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit } from '../../../shared/domain';

export type ImageScreenRequest =
  | { type: 'start'; databasePath: string; nativeBinding?: string; kind: BatchKind; batchId: number; markNames: [string, string][] }
  | { type: 'cancel' };

export type ImageScreenReply =
  | { type: 'done'; hits: [rowId: number, hits: Hit[]][] }
  | { type: 'error'; message: string; cancelled: boolean };
