// Issue 9: a fuzz test of the table readers. Random listing files — CJK text with quotes, inch marks, commas and
// line breaks, read in random chunk sizes so that characters and records cross every boundary — either come back
// unchanged or every damaged row (invalid bytes, a stray opening quote, a file cut off in its last row) is
// reported at its own row; nothing else is reported and no row is changed silently. Both CSV paths (the
// in-process reader and the chunks the worker pool splits) and XLSX (shared and inline strings) are checked.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openCsvChunks, openTable, splitCsvChunk } from '../../electron/tabular';
import type { Listing } from '../../shared/domain';
import { mapHeaders } from '../../shared/formats/headers';
import { LISTING_HEADERS, parseListingRow } from '../../shared/formats/listings';
import { cleanText } from '../../shared/formats/text';
import { tempDir } from './support/context';
import { fieldValue, generateCsv, HEADER, pick, type Generated } from './support/fuzz-csv';
import { seeded } from './support/tables';

const folder = tempDir('markguard-fuzz-');
afterAll(() => folder.remove());

const mapping = mapHeaders(HEADER, LISTING_HEADERS);
if (!mapping.ok) throw new Error(mapping.error);
const columns = mapping.columns;

type Outcome = { line: number; value?: Listing; problem?: string };

function outcome(line: number, cells: string[], problem?: string): Outcome {
  if (problem) return { line, problem };
  const parsed = parseListingRow(cells, columns);
  return parsed.ok ? { line, value: parsed.value } : { line, problem: parsed.reason };
}

function expectedListing(cells: string[]): Listing {
  const [id, platform, shop, title, url, price, sellerLocation] = cells.map((c) => cleanText(c));
  return { id: id ?? '', platform: platform ?? '', shop: shop ?? '', title: title ?? '', url: url ?? '', price: price ?? '', sellerLocation: sellerLocation ?? '' };
}

/** Every row unchanged or, for a damaged row, reported at its line; nothing reported or read anywhere else. */
function check(generated: Generated, outcomes: Outcome[], label: string): void {
  const byLine = new Map(outcomes.map((o) => [o.line, o]));
  expect(byLine.size, `${label}: one outcome per line`).toBe(outcomes.length);
  const expectedLines = new Set(generated.lines);
  const stray = outcomes.filter((o) => !expectedLines.has(o.line));
  expect(stray, `${label}: outcomes on lines where no row starts`).toEqual([]);
  generated.rows.forEach((cells, i) => {
    const line = generated.lines[i] as number;
    const got = byLine.get(line);
    if (generated.damaged.has(i)) {
      expect(got?.problem, `${label}: damaged row on line ${line} must be reported`).toBeTruthy();
    } else {
      expect(got, `${label}: row on line ${line}`).toEqual({ line, value: expectedListing(cells) });
    }
  });
}

async function readInProcess(file: string, readChunkBytes: number): Promise<Outcome[]> {
  const table = await openTable(file, { readChunkBytes });
  expect(table.headers).toEqual(HEADER);
  const out: Outcome[] = [];
  for await (const row of table.rows) out.push(outcome(row.rowNumber, row.cells, row.problem));
  await table.close();
  return out;
}

async function readChunked(file: string, readChunkBytes: number): Promise<Outcome[]> {
  const csv = await openCsvChunks(file, { readChunkBytes });
  if (!csv) throw new Error('not a CSV');
  const out: Outcome[] = [];
  for await (const chunk of csv.chunks) for (const r of splitCsvChunk(chunk, csv.delimiter)) out.push(outcome(r.line, r.cells, r.problem));
  await csv.close();
  return out;
}

describe('import fuzz', () => {
  it('CSV: 40 random files round-trip or report every damaged row, in-process and in chunks', async () => {
    let damagedRows = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const generated = generateCsv(seed);
      damagedRows += generated.damaged.size;
      const file = path.join(folder.dir, `fuzz-${seed}.csv`);
      writeFileSync(file, generated.bytes);
      const random = seeded(seed * 7);
      // tiny reads put every character and record across a boundary (one byte at a time would take minutes)
      const chunkBytes = pick(random, [2, 3, 5, 17, 64, 1000, 1 << 16]);
      check(generated, await readInProcess(file, chunkBytes), `seed ${seed} in-process (${chunkBytes} B reads)`);
      check(generated, await readChunked(file, chunkBytes), `seed ${seed} chunked (${chunkBytes} B reads)`);
    }
    expect(damagedRows).toBeGreaterThan(20); // the damage paths were exercised
  }, 300_000);

  it('XLSX: random files written by exceljs round-trip unchanged, and invalid bytes are reported at their row', async () => {
    let damagedFiles = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const random = seeded(1000 + seed);
      const rows = Array.from({ length: 200 + Math.floor(random() * 2000) }, () => HEADER.map((_, c) => fieldValue(random, c)));
      const file = path.join(folder.dir, `fuzz-${seed}.xlsx`);
      if (seed % 2 === 0) {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('商品');
        sheet.addRow(HEADER);
        for (const cells of rows) sheet.addRow(cells);
        await workbook.xlsx.writeFile(file);
      } else {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: seed % 4 === 1 });
        const sheet = workbook.addWorksheet('商品');
        sheet.addRow(HEADER).commit();
        for (const cells of rows) sheet.addRow(cells).commit();
        await sheet.commit();
        await workbook.commit();
      }
      const generated: Generated = { rows, lines: rows.map((_, i) => i + 2), bytes: Buffer.alloc(0), damaged: new Set() };
      const chunkBytes = pick(random, [64, 100, 333, 4096]);
      check(generated, await readInProcess(file, chunkBytes), `xlsx seed ${seed}`);

      // damage one cell's bytes inside the package: that row, and only that row, is reported
      const parts = unzipSync(readFileSync(file));
      const partName = Object.keys(parts).find((n) => n === 'xl/sharedStrings.xml') ?? Object.keys(parts).find((n) => n.startsWith('xl/worksheets/sheet')) ?? '';
      const xml = Buffer.from(parts[partName] as Uint8Array);
      const victim = Math.floor(random() * rows.length);
      const marker = Buffer.from(`>${rows[victim]?.[3]}<`);
      const at = xml.indexOf(marker);
      if (at < 0 || (rows[victim]?.[3] ?? '').includes('\n') || /[&<>]/.test(rows[victim]?.[3] ?? '')) continue;
      parts[partName] = Buffer.concat([xml.subarray(0, at + 1), Buffer.from([0xff]), xml.subarray(at + 1)]);
      const damagedFile = path.join(folder.dir, `fuzz-${seed}-damaged.xlsx`);
      writeFileSync(damagedFile, zipSync(parts));
      damagedFiles++;
      const duplicates = rows.map((r, i) => (r[3] === rows[victim]?.[3] ? i : -1)).filter((i) => i >= 0);
      check({ ...generated, damaged: new Set(partName.includes('shared') ? duplicates : [victim]) }, await readInProcess(damagedFile, chunkBytes), `xlsx seed ${seed} damaged`);
    }
    expect(damagedFiles).toBeGreaterThan(3); // the damaged-bytes path was exercised
  }, 300_000);
});
