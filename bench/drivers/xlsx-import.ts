// Benchmark driver for the XLSX reader (issue 9, item 8), bundled to out/bench-xlsx.cjs by build/bundle-main.mjs
// and run by bench/xlsx-import.mjs.
//   node out/bench-xlsx.cjs import WORKDIR ROWS  — writes ROWS CJK filings as XLSX (exceljs's streaming writer, shared
//     strings and date cells, as Excel writes them) and as CSV, imports each into a fresh SQLite file exactly as the
//     import worker does, and compares every stored cell with what was written; the exceljs streaming reader the app
//     used before reads the same XLSX for reference. One JSON line per measurement.
//   node out/bench-xlsx.cjs write DIR ROWS  — only writes DIR/filings-ROWS.xlsx and .csv (for the memory run).
//   node out/bench-xlsx.cjs read FILE         — reads every row of FILE with openTable; prints rows and seconds (the
//     parent measures this process's peak memory).
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../electron/db/open';
import { dataQueriesOn } from '../../electron/data/queries';
import { createBatchesRepository } from '../../electron/batches/repository';
import { runBatchImport } from '../../electron/batches/import/import-batch';
import { openTable } from '../../electron/tabular';
import { FILING_HEADERS } from '../../shared/formats/filings';
import { sqliteConnection } from '../../electron/data/store';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RARE = ['𠀋', '𡈽', '𪚥', '“', '”', '、', '&', '<'];

/** One filing row as text, in FILING_HEADERS order; dates as YYYY-MM-DD. */
function filingRows(count: number): string[][] {
  const random = seeded(20260601);
  const cjk = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += random() < 0.03 ? RARE[Math.floor(random() * RARE.length)] : String.fromCodePoint(0x4e00 + Math.floor(random() * 20_000));
    return out;
  };
  const date = (i: number) => `20${String(10 + (i % 16)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    rows.push([
      String(60_000_000 + i),
      cjk(2 + (i % 5)),
      String(1 + (i % 45)),
      `${cjk(2)};${cjk(3)}`,
      `${cjk(3 + (i % 8))}有限公司`,
      `${cjk(6 + (i % 10))}路${i % 300}号`,
      i % 4 === 0 ? '' : `${cjk(4)}知识产权代理有限公司`,
      date(i),
      `第${1800 + (i % 200)}期`,
      date(i + 7),
    ]);
  }
  return rows;
}

const DATE_COLUMNS = new Set([7, 9]);

async function writeXlsx(file: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('初审公告');
  sheet.addRow(FILING_HEADERS.map((h) => h.header)).commit();
  for (const [i, cells] of rows.entries()) {
    // let the zip stream write what is committed, or a million rows pile up in memory first
    if (i % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    // numbers and dates as Excel holds them: class and application number as numbers, dates as date cells
    const values: (string | number | Date)[] = cells.map((cell, c) => {
      if (DATE_COLUMNS.has(c)) return new Date(`${cell}T00:00:00Z`);
      return c === 0 || c === 2 ? Number(cell) : cell;
    });
    const row = sheet.addRow(values);
    for (const c of DATE_COLUMNS) row.getCell(c + 1).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

function writeCsv(file: string, rows: string[][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    out.write(`\uFEFF${FILING_HEADERS.map((h) => h.header).join(',')}\r\n`);
    for (const cells of rows) out.write(`${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`);
    out.end(resolve);
  });
}

const STORED = 'SELECT application_number, mark_text, nice_class, goods, applicant, applicant_address, agency, filed_on, gazette_issue, published_on FROM filings ORDER BY id';

async function importAndCompare(file: string, workdir: string, rows: string[][]) {
  const dbPath = path.join(workdir, `bench-${path.extname(file).slice(1)}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = openDatabase(dbPath);
  const mapping = Object.fromEntries(FILING_HEADERS.map(({ key }, index) => [key, index]));
  const batchId = await createBatchesRepository(dataQueriesOn(db)).create({ kind: 'filing', fileName: path.basename(file), filePath: file, fileSize: 0, columnMap: mapping }, new Date().toISOString());
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const counts = await runBatchImport(sqliteConnection(db), { batchId, filePath: file, kind: 'filing', mapping });
  const wall = seconds(start);
  const used = process.cpuUsage(cpu);
  let changed = 0;
  let index = 0;
  for (const stored of db.prepare(STORED).raw().iterate() as Iterable<unknown[]>) {
    const expected = rows[index++] ?? [];
    stored.forEach((value, c) => {
      if (String(value) !== expected[c]) changed++;
    });
  }
  changed += (rows.length - index) * FILING_HEADERS.length;
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  return { ...counts, seconds: wall, cpuSeconds: (used.user + used.system) / 1e6, changedCells: changed };
}

/** The exceljs streaming reader the app used before, over the same file: its time and the cells it changes. */
async function exceljsReference(file: string, rows: string[][]) {
  const start = process.hrtime.bigint();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let changed = 0;
  let index = -1;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (index++ < 0) continue;
      const expected = rows[index - 1] ?? [];
      const values = row.values as unknown[];
      expected.forEach((cell, c) => {
        const value = values[c + 1];
        const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
        if (text !== cell) changed++;
      });
    }
    break;
  }
  return { seconds: seconds(start), changedCells: changed };
}

async function main(): Promise<void> {
  const [command, target, count] = process.argv.slice(2);
  if (command === 'read' && target) {
    const start = process.hrtime.bigint();
    const table = await openTable(target);
    let n = 0;
    for await (const _row of table.rows) n++;
    await table.close();
    console.log(JSON.stringify({ kind: 'read', rows: n, seconds: seconds(start), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    return;
  }
  const rows = Number(count);
  if (!target || !Number.isInteger(rows) || rows < 1) throw new Error('usage: bench-xlsx import WORKDIR ROWS | write FILE ROWS | read FILE');
  mkdirSync(target, { recursive: true });
  const data = filingRows(rows);
  const xlsx = path.join(target, `filings-${rows}.xlsx`);
  const csv = path.join(target, `filings-${rows}.csv`);
  if (!existsSync(csv)) await writeCsv(csv, data);
  if (!existsSync(xlsx)) await writeXlsx(xlsx, data);
  if (command === 'write') return;
  console.log(JSON.stringify({ kind: 'xlsx', rows, ...(await importAndCompare(xlsx, target, data)) }));
  console.log(JSON.stringify({ kind: 'csv', rows, ...(await importAndCompare(csv, target, data)) }));
  console.log(JSON.stringify({ kind: 'exceljs', rows, ...(await exceljsReference(xlsx, data)) }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
