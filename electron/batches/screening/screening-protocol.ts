// Messages between the screening pool (screening-pool.ts) and its worker threads (electron/workers/screening-worker.ts),
// structured-clone friendly. One protocol for both kinds of work: a file's rows (the command line) and a stored
// batch's rows (the app's jobs). The worker builds the registry index once, on `init`.
import type { Hit, ProtectedMark } from '../../../shared/domain';
import type { CsvTextChunk } from '../../tabular/csv-chunks';
import type { BatchColumns, BatchKind, ScreenedRow } from './batch-rows';
import type { StoredInput } from './stored-rows';

/** One row read in the main thread: its number, cells, and why it could not be read (if it could not). */
export type RowItem = [rowNumber: number, cells: string[], problem?: string];

/** How to read a file's rows; only file screening sends it. */
export interface TableSetup {
  kind: BatchKind;
  columns: BatchColumns;
  /** keep each hit's character alignment (the app's detail pane); the command line does not need it */
  keepAlignment: boolean;
}

export interface ScreeningSetup {
  marks: ProtectedMark[];
  table?: TableSetup;
}

/** A unit of work before the pool numbers it. */
export type ScreeningWork =
  /** a file's rows read in the main thread (XLSX) */
  | { type: 'batch'; rows: RowItem[] }
  /** whole CSV records as text; the worker splits them (see electron/tabular/csv-chunks.ts) */
  | { type: 'csv'; chunk: CsvTextChunk; delimiter: string }
  /** a page of a stored batch's rows */
  | { type: 'stored'; rows: StoredInput[] };

/** A file's rows screened: `count` rows, only those with hits or a problem kept. */
export interface TableResult {
  count: number;
  hits: number;
  rows: ScreenedRow[];
}

/** Each stored row's text hits, by row id. */
export type StoredResult = [rowId: number, hits: Hit[]][];

export type ScreeningResult<W extends ScreeningWork> = W extends { type: 'stored' } ? StoredResult : TableResult;

export type ScreeningRequest =
  | { type: 'init'; setup: ScreeningSetup }
  | { type: 'work'; seq: number; work: ScreeningWork };

export type ScreeningReply =
  | { type: 'result'; seq: number; result: TableResult | StoredResult }
  | { type: 'error'; seq: number; message: string };
