// A screening worker thread: builds the registry index once, then scores batches of rows sent by the pool
// (electron/batches/screening/screen-file.ts). Bundled to out/screen-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { splitCsvChunk } from '../tabular/csv-chunks';
import { buildRegistryIndex, type RegistryIndex } from '../../shared/engine';
import { screenRow, type BatchColumns, type BatchKind } from '../batches/screening/batch-rows';
import type { RowItem, WorkerReply, WorkerRequest } from '../batches/screening/worker-protocol';

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
    const records = request.type === 'batch'
      ? request.rows
      : splitCsvChunk(request.chunk, request.delimiter).map((r): RowItem => [r.line, r.cells, r.problem]);
    const rows = records.map(([rowNumber, cells, problem]) => screenRow(index, kind, columns, rowNumber, cells, problem));
    // unless asked for, alignments stay in the worker: a JSON Lines file only needs the hit fields
    if (!state.keepAlignment) for (const r of rows) for (const h of r.hits) delete h.alignment;
    const kept = rows.filter((r) => r.hits.length > 0 || r.problem !== undefined);
    reply({ type: 'result', seq: request.seq, count: rows.length, hits: kept.reduce((n, r) => n + r.hits.length, 0), rows: kept });
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
