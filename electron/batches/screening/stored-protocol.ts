// Messages between the stored-batch screening pool and its worker threads.
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit, ProtectedMark } from '../../../shared/domain';
import type { StoredInput } from './stored-rows';

export type StoredWorkerRequest =
  | { type: 'init'; marks: ProtectedMark[] }
  | { type: 'screen'; seq: number; kind: BatchKind; rows: StoredInput[] };

export type StoredWorkerReply =
  | { type: 'result'; seq: number; results: [rowId: number, hits: Hit[]][] }
  | { type: 'error'; seq: number; message: string };
