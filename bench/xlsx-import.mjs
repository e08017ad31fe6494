// XLSX import (issue 9, item 8): 100,000 CJK filings written as Excel writes them (shared strings, date cells),
// imported into SQLite as the import worker does; prints the time, the cells that differ from what was written
// (must be 0), the same rows as CSV in the same process as the baseline, and the exceljs streaming reader the app
// used before for reference. Then the peak memory of reading 1,000,000 rows of XLSX, against the same rows as CSV
// (files generated once, cached under the OS temp folder).
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { root, runNode } from './common.mjs';

const ROWS = Number(process.env.MARKGUARD_BENCH_XLSX_ROWS ?? 100_000);
const MEMORY_ROWS = Number(process.env.MARKGUARD_BENCH_XLSX_MEMORY_ROWS ?? 1_000_000);
const driver = path.join(root, 'out', 'bench-xlsx.cjs');

async function node(args) {
  const r = await runNode([driver, ...args]);
  if (r.status !== 0) throw new Error(r.stderr.trim().split('\n').slice(-3).join(' '));
  return r.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

export const xlsxImport = {
  name: 'xlsx-import',
  async run() {
    const dir = path.join(tmpdir(), 'markguard-bench', 'xlsx');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(path.join(dir, `filings-${ROWS}.xlsx`))) console.log(`generating ${ROWS} CJK filings as XLSX and CSV in ${dir} (once) …`);
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    const results = Object.fromEntries((await node(['import', dir, String(ROWS)])).map((m) => [m.kind, m]));
    const { xlsx, csv, exceljs } = results;
    console.log(`import ${xlsx.totalRows} CJK filings from XLSX into SQLite: ${xlsx.seconds.toFixed(1)} s wall, ${xlsx.cpuSeconds.toFixed(1)} s CPU, ` +
      `${Math.round(xlsx.totalRows / xlsx.seconds)} rows/s; changed cells ${xlsx.changedCells} (must be 0); bad rows ${xlsx.badRows}`);
    console.log(`baseline, the same rows as CSV: ${csv.seconds.toFixed(1)} s wall, ${csv.cpuSeconds.toFixed(1)} s CPU, changed cells ${csv.changedCells}; ` +
      `XLSX/CSV ${(xlsx.cpuSeconds / csv.cpuSeconds).toFixed(1)}× in CPU time (load average before ${load}, 2 cores)`);
    console.log(`reference, exceljs streaming reader (the reader before issue 9) over the same XLSX: ${exceljs.seconds.toFixed(1)} s, changed cells ${exceljs.changedCells}`);

    if (!existsSync(path.join(dir, `filings-${MEMORY_ROWS}.xlsx`))) {
      console.log(`generating ${MEMORY_ROWS} CJK filings as XLSX and CSV in ${dir} (once, takes minutes) …`);
      await node(['write', dir, String(MEMORY_ROWS)]);
    }
    const [x] = await node(['read', path.join(dir, `filings-${MEMORY_ROWS}.xlsx`)]);
    const [c] = await node(['read', path.join(dir, `filings-${MEMORY_ROWS}.csv`)]);
    console.log(`read ${x.rows} rows of XLSX: ${x.seconds.toFixed(1)} s, peak RSS ${x.peakRssMb} MB; the same rows as CSV: ` +
      `${c.seconds.toFixed(1)} s, peak RSS ${c.peakRssMb} MB; ratio ${(x.peakRssMb / c.peakRssMb).toFixed(1)}× in memory`);
  },
};
