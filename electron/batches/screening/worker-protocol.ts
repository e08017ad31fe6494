// Messages between the screening pool and its worker threads (structured-clone friendly).
import type { ProtectedMark } from '../../../shared/domain';
import type { CsvTextChunk } from '../../tabular/csv-chunks';
import type { BatchColumns, BatchKind, ScreenedRow } from './batch-rows';

/** One row read in the main thread: its number, cells, and why it could not be read (if it could not). */
export type RowItem = [rowNumber: number, cells: string[], problem?: string];

export type WorkerRequest =
  | { type: 'init'; marks: ProtectedMark[]; kind: BatchKind; columns: BatchColumns; keepAlignment: boolean }
  | { type: 'batch'; seq: number; rows: RowItem[] }
  /** whole CSV records as text; the worker splits them (see electron/tabular/csv-chunks.ts) */
  | { type: 'csv'; seq: number; chunk: CsvTextChunk; delimiter: string };

/** A unit of work before the pool numbers it. */
export type WorkItem =
  | { type: 'batch'; rows: RowItem[] }
  | { type: 'csv'; chunk: CsvTextChunk; delimiter: string };

export type WorkerReply =
  /** `count` rows were screened; only those with hits or a problem travel back */
  | { type: 'result'; seq: number; count: number; hits: number; rows: ScreenedRow[] }
  | { type: 'error'; message: string };
