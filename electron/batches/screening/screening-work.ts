// Screening one unit of work (screening-protocol.ts): the same function in a worker thread and in this thread, so
// both give exactly the same result.
import { buildRegistryIndex } from '../../../shared/engine';
import { splitCsvChunk } from '../../tabular/csv-chunks';
import { screenRow } from './batch-rows';
import { screenStoredInput } from './screen-input';
import type { RowItem, ScreeningSetup, ScreeningWork, StoredResult, TableResult } from './screening-protocol';

/** Builds the registry index once; the returned function screens one unit of work against it. */
export function screeningHandler(setup: ScreeningSetup): (work: ScreeningWork) => TableResult | StoredResult {
  const index = buildRegistryIndex(setup.marks);
  return (work) => {
    if (work.type === 'stored') return work.rows.map((row) => [row.rowId, screenStoredInput(index, row)]);
    const table = setup.table;
    if (!table) throw new Error('筛查线程未收到表格的列，无法筛查文件');
    const records = work.type === 'batch'
      ? work.rows
      : splitCsvChunk(work.chunk, work.delimiter).map((r): RowItem => [r.line, r.cells, r.problem]);
    const rows = records.map(([rowNumber, cells, problem]) => screenRow(index, table.kind, table.columns, rowNumber, cells, problem));
    const kept = rows.filter((r) => r.hits.length > 0 || r.problem !== undefined);
    // unless asked for, alignments stay in the worker: a JSON Lines file only needs the hit fields
    if (!table.keepAlignment) for (const r of kept) for (const h of r.hits) delete h.alignment;
    return { count: rows.length, hits: kept.reduce((n, r) => n + r.hits.length, 0), rows: kept };
  };
}
