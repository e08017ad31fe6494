// Messages between the screening pool and its worker threads (structured-clone friendly).
import type { ProtectedMark } from '../../shared/domain';
import type { BatchColumns, BatchKind, ScreenedRow } from './batch-rows';

export type WorkerRequest =
  | { type: 'init'; marks: ProtectedMark[]; kind: BatchKind; columns: BatchColumns; keepAlignment: boolean }
  | { type: 'batch'; seq: number; rows: [rowNumber: number, cells: string[]][] }
  /** whole CSV records as text; the worker splits them (see electron/tabular/csv-chunks.ts) */
  | { type: 'csv'; seq: number; text: string; firstLine: number; delimiter: string };

/** A unit of work before the pool numbers it. */
export type WorkItem =
  | { type: 'batch'; rows: [rowNumber: number, cells: string[]][] }
  | { type: 'csv'; text: string; firstLine: number; delimiter: string };

export type WorkerReply =
  /** `count` rows were screened; only those with hits or a problem travel back */
  | { type: 'result'; seq: number; count: number; hits: number; rows: ScreenedRow[] }
  | { type: 'error'; message: string };
