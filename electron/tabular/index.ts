// Opens the tables users bring (registry, filings, listings): .csv in UTF-8 (with or without BOM), GB18030 or
// UTF-16, or .xlsx (first sheet). Everything that goes wrong while opening becomes a TableReadError with a
// Chinese message; rows are streamed so that a gazette of a million rows is never held in memory.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { CsvSplitter, type SplitRecord } from './csv-splitter';
import { createDecoder, detectEncoding, looksBinary, type TextEncodingName } from './encoding';
import { TableReadError } from './errors';
import type { OpenedTable, TableRow } from './types';
import { readXlsxRows } from './xlsx';

export { TableReadError } from './errors';
export type { OpenedTable, TableRow } from './types';
export { CsvSplitter, splitCsv, type SplitRecord } from './csv-splitter';
export { openCsvChunks, splitCsvChunk, type CsvChunks, type CsvTextChunk } from './csv-chunks';

export interface ReadOptions {
  /** bytes per file read (tests use tiny reads so that characters and records cross every boundary) */
  readChunkBytes?: number;
}

const SAMPLE_BYTES = 1 << 20;

async function readSample(filePath: string): Promise<{ sample: Uint8Array; size: number }> {
  let handle;
  try {
    handle = await open(filePath, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new TableReadError(`文件无法读取：${filePath} 是一个文件夹`);
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, stat.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), size: stat.size };
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw new TableReadError(`文件无法读取：${filePath}（${describeFsError(error)}）`, { cause: error });
  } finally {
    await handle?.close();
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EISDIR') return '这是一个文件夹';
  return error instanceof Error ? error.message : String(error);
}

const isZip = (s: Uint8Array) => s[0] === 0x50 && s[1] === 0x4b && s[2] === 0x03 && s[3] === 0x04;
const isOle = (s: Uint8Array) => s[0] === 0xd0 && s[1] === 0xcf && s[2] === 0x11 && s[3] === 0xe0;

export async function openTable(filePath: string, options: ReadOptions = {}): Promise<OpenedTable> {
  const { sample, size } = await readSample(filePath);
  const ext = path.extname(filePath).toLowerCase();
  if (size === 0) throw new TableReadError(`文件为空：${path.basename(filePath)}`);
  if (isOle(sample) || ext === '.xls') {
    throw new TableReadError(`不支持旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入`);
  }
  if (isZip(sample)) return openXlsx(filePath, options);
  if (ext === '.xlsx') throw new TableReadError(`不是有效的 CSV 或 XLSX 文件：${path.basename(filePath)}`);
  return openCsv(filePath, sample, options);
}

const isBlankRow = (row: TableRow) => row.cells.every((c) => c.trim() === '');

async function withHeader(
  rows: AsyncGenerator<TableRow>,
  filePath: string,
  format: OpenedTable['format'],
  close: () => Promise<void>,
): Promise<OpenedTable> {
  let first: IteratorResult<TableRow>;
  try {
    do first = await rows.next();
    while (!first.done && first.value.problem === undefined && isBlankRow(first.value));
  } catch (error) {
    await close();
    if (error instanceof TableReadError) throw error;
    throw new TableReadError(`不是有效的 CSV 或 XLSX 文件：${path.basename(filePath)}（${describeFsError(error)}）`, {
      cause: error,
    });
  }
  if (first.done) {
    await close();
    throw new TableReadError(`文件为空：${path.basename(filePath)}`);
  }
  if (first.value.problem !== undefined) {
    await close();
    throw new TableReadError(`表头行无法读取：${first.value.problem}`);
  }
  const headers = first.value.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
  async function* dataRows(): AsyncGenerator<TableRow> {
    for await (const row of { [Symbol.asyncIterator]: () => rows }) {
      if (row.problem === undefined && isBlankRow(row)) continue;
      yield row;
    }
  }
  return { headers, rows: dataRows(), format, close };
}

async function openXlsx(filePath: string, options: ReadOptions): Promise<OpenedTable> {
  const rows = readXlsxRows(filePath, options);
  return withHeader(rows, filePath, { kind: 'xlsx' }, async () => {
    await rows.return(undefined);
  });
}

function pickDelimiter(sampleText: string): string {
  const firstLine = sampleText.slice(0, Math.max(0, sampleText.indexOf('\n')) || sampleText.length);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

export interface CsvLayout {
  encoding: TextEncodingName;
  bomLength: number;
  delimiter: string;
}

function csvLayout(filePath: string, sample: Uint8Array): CsvLayout {
  const { encoding, bomLength } = detectEncoding(sample);
  if (looksBinary(sample, encoding)) {
    throw new TableReadError(`不是有效的 CSV 或 XLSX 文件：${path.basename(filePath)}（含有二进制数据）`);
  }
  const sampleText = createDecoder(encoding).write(sample.subarray(bomLength, Math.min(sample.length, 65536)));
  return { encoding, bomLength, delimiter: pickDelimiter(sampleText) };
}

/** The encoding and delimiter of a CSV file, or null when the file is an XLSX workbook; throws TableReadError. */
export async function detectCsvLayout(filePath: string): Promise<CsvLayout | null> {
  const { sample, size } = await readSample(filePath);
  if (size === 0) throw new TableReadError(`文件为空：${path.basename(filePath)}`);
  if (isZip(sample) || isOle(sample) || path.extname(filePath).toLowerCase() !== '.csv') return null;
  return csvLayout(filePath, sample);
}

async function openCsv(filePath: string, sample: Uint8Array, options: ReadOptions): Promise<OpenedTable> {
  const { encoding, bomLength, delimiter } = csvLayout(filePath, sample);
  const stream = createReadStream(filePath, { start: bomLength, highWaterMark: options.readChunkBytes ?? 1 << 20 });
  const rows = csvRows(stream, encoding, delimiter);
  return withHeader(rows, filePath, { kind: 'csv', encoding, delimiter }, async () => {
    stream.destroy();
    await rows.return(undefined);
  });
}

async function* csvRows(
  stream: AsyncIterable<Buffer>,
  encoding: Parameters<typeof createDecoder>[0],
  delimiter: string,
): AsyncGenerator<TableRow> {
  const decoder = createDecoder(encoding);
  const splitter = new CsvSplitter(delimiter);
  let ready: SplitRecord[] = [];
  const collect = (r: SplitRecord) => ready.push(r);
  try {
    for await (const chunk of stream) {
      splitter.push(decoder.write(chunk), collect);
      const batch = ready;
      ready = [];
      for (const r of batch) yield tableRow(r);
    }
  } catch (error) {
    throw new TableReadError(`文件无法读取：${describeFsError(error)}`, { cause: error });
  }
  splitter.push(decoder.end(), collect);
  splitter.end(collect);
  for (const r of ready) yield tableRow(r);
}

function tableRow(record: SplitRecord): TableRow {
  return record.problem === undefined
    ? { rowNumber: record.line, cells: record.cells }
    : { rowNumber: record.line, cells: record.cells, problem: record.problem };
}
