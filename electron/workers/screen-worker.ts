// A screening worker thread: builds the registry index once, then scores batches of rows sent by the pool
// (electron/screening/screen-file.ts). Bundled to out/screen-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { CsvSplitter } from '../tabular/csv-splitter';
import { buildRegistryIndex, type RegistryIndex } from '../../shared/engine';
import { screenRow, type BatchColumns, type BatchKind } from '../screening/batch-rows';
import type { WorkerReply, WorkerRequest } from '../screening/worker-protocol';

/** Records of a CSV chunk, skipping rows whose cells are all blank (as the table reader does). */
function splitChunk(text: string, firstLine: number, delimiter: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  const splitter = new CsvSplitter(delimiter, firstLine);
  const keep = (r: { line: number; cells: string[] }) => {
    if (r.cells.some((c) => c.trim() !== '')) out.push([r.line, r.cells]);
  };
  splitter.push(text, keep);
  splitter.end(keep);
  return out;
}

let state: { index: RegistryIndex; kind: BatchKind; columns: BatchColumns; keepAlignment: boolean } | null = null;

parentPort?.on('message', (request: WorkerRequest) => {
  const reply = (message: WorkerReply) => parentPort?.postMessage(message);
  try {
    if (request.type === 'init') {
      state = { index: buildRegistryIndex(request.marks), kind: request.kind, columns: request.columns, keepAlignment: request.keepAlignment };
      return;
    }
    if (!state) throw new Error('worker not initialised');
    const { index, kind, columns } = state;
    const records = request.type === 'batch' ? request.rows : splitChunk(request.text, request.firstLine, request.delimiter);
    const rows = records.map(([rowNumber, cells]) => screenRow(index, kind, columns, rowNumber, cells));
    // unless asked for, alignments stay in the worker: a JSON Lines file only needs the hit fields
    if (!state.keepAlignment) for (const r of rows) for (const h of r.hits) delete h.alignment;
    const kept = rows.filter((r) => r.hits.length > 0 || r.problem !== undefined);
    reply({ type: 'result', seq: request.seq, count: rows.length, hits: kept.reduce((n, r) => n + r.hits.length, 0), rows: kept });
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
