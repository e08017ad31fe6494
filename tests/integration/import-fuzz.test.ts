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
import { cjkText, seeded } from './support/tables';

const folder = tempDir('markguard-fuzz-');
afterAll(() => folder.remove());

const HEADER = LISTING_HEADERS.map((h) => h.header);
const mapping = mapHeaders(HEADER, LISTING_HEADERS);
if (!mapping.ok) throw new Error(mapping.error);
const columns = mapping.columns;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A field value: CJK with some of the characters that trouble CSV readers. */
function fieldValue(random: Random, column: number): string {
  const base = cjkText(random, 1 + Math.floor(random() * 12), { extras: true }).replace(/\s/g, '');
  const noise = ['14"', '"正品"', ',', '""', '，', '、', '𠀋', '\n', 'A"B'];
  let value = base;
  for (let i = 0; i < 3; i++) if (random() < 0.2) value += pick(random, noise) + cjkText(random, 2);
  if (column === 0) value = `L${Math.floor(random() * 1e9)}`; // ids stay simple and unique enough
  if (column !== 3) value = value.replace(/\n/g, ''); // only titles carry line breaks
  return value.trim() === '' ? '空' : value;
}

/** How Excel would write the field; a field with only an inner quote is sometimes left bare, as hand-made files do. */
function csvField(random: Random, value: string): string {
  const needsQuotes = /[,\n\r]/.test(value) || value.startsWith('"');
  if (!needsQuotes && value.includes('"') && random() < 0.5) return value;
  return needsQuotes || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
}

interface Generated {
  rows: string[][];
  /** 1-based file line on which each row starts */
  lines: number[];
  bytes: Buffer;
  /** indexes of rows that were damaged and must be reported */
  damaged: Set<number>;
}

function generateCsv(seed: number): Generated {
  const random = seeded(seed);
  const count = 50 + Math.floor(random() * 250);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) rows.push(HEADER.map((_, c) => fieldValue(random, c)));
  const damaged = new Set<number>();
  const eol = random() < 0.5 ? '\r\n' : '\n';
  const texts = rows.map((cells) => cells.map((cell) => csvField(random, cell)));
  // a stray opening quote on a few single-line rows, on a field with no quote, comma or break of its own
  for (let k = 0; k < 2; k++) {
    const i = Math.floor(random() * count);
    const row = texts[i] as string[];
    if (row.some((t) => t.includes('\n'))) continue;
    const c = 1 + Math.floor(random() * (HEADER.length - 1));
    if (/[",\n]/.test(row[c] ?? '')) continue;
    row[c] = `"${row[c]}`;
    damaged.add(i);
  }
  const lines: number[] = [];
  let line = 2;
  const parts: Buffer[] = [Buffer.from(`${HEADER.join(',')}${eol}`)];
  texts.forEach((row, i) => {
    lines.push(line);
    const text = row.join(',').replace(/\n/g, eol);
    line += (text.match(/\n/g) ?? []).length + 1;
    let bytes = Buffer.from(text + eol);
    if (random() < 0.02 && !damaged.has(i) && !text.includes('\n')) {
      // invalid UTF-8 inside the row
      const at = text.indexOf(',') + 1;
      const prefix = Buffer.from(text.slice(0, at));
      bytes = Buffer.concat([prefix, Buffer.from([0xff, 0xc3]), Buffer.from(text.slice(at) + eol)]);
      damaged.add(i);
    }
    parts.push(bytes);
  });
  let bytes = Buffer.concat(parts);
  const last = count - 1;
  if (random() < 0.3 && !damaged.has(last)) {
    // cut the file inside its last row, before that row's last delimiter or inside one of its quoted fields
    const lastText = Buffer.from((texts[last] as string[]).join(',').replace(/\n/g, eol));
    const start = bytes.length - lastText.length - eol.length;
    const lastComma = lastText.lastIndexOf(',');
    const cut = start + 1 + Math.floor(random() * Math.max(1, lastComma - 1));
    bytes = bytes.subarray(0, cut);
    damaged.add(last);
  }
  return { rows, lines, bytes, damaged };
}

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
  it('CSV: 60 random files round-trip or report every damaged row, in-process and in chunks', async () => {
    let damagedRows = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const generated = generateCsv(seed);
      damagedRows += generated.damaged.size;
      const file = path.join(folder.dir, `fuzz-${seed}.csv`);
      writeFileSync(file, generated.bytes);
      const random = seeded(seed * 7);
      const chunkBytes = pick(random, [1, 2, 3, 5, 17, 64, 1000, 1 << 16]);
      check(generated, await readInProcess(file, chunkBytes), `seed ${seed} in-process (${chunkBytes} B reads)`);
      check(generated, await readChunked(file, chunkBytes), `seed ${seed} chunked (${chunkBytes} B reads)`);
    }
    expect(damagedRows).toBeGreaterThan(20); // the damage paths were exercised
  });

  it('XLSX: random files written by exceljs round-trip unchanged, and invalid bytes are reported at their row', async () => {
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
      const chunkBytes = pick(random, [1, 7, 100, 4096]);
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
      const duplicates = rows.map((r, i) => (r[3] === rows[victim]?.[3] ? i : -1)).filter((i) => i >= 0);
      check({ ...generated, damaged: new Set(partName.includes('shared') ? duplicates : [victim]) }, await readInProcess(damagedFile, chunkBytes), `xlsx seed ${seed} damaged`);
    }
  });
});
