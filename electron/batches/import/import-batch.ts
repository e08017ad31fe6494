// Importing a filing or listing table into the database: parse every row, store new ones, count the ones already
// stored (re-importing a gazette issue adds nothing twice) and record every bad row with its number and reason.
// One transaction per chunk, so a process killed mid-import leaves whole chunks and a batch still marked
// 'importing', which the next start shows as incomplete (see recoverInterruptedBatches).
import { open } from 'node:fs/promises';
import type { BatchKind } from '../../../shared/contract/screening';
import { oppositionDeadline } from '../../../shared/deadlines';
import { FILING_HEADERS, parseFilingRow, type FilingColumn } from '../../../shared/formats/filings';
import { LISTING_HEADERS, parseListingRow, type ListingColumn } from '../../../shared/formats/listings';
import path from 'node:path';
import type { HeaderSpec } from '../../../shared/formats/headers';
import { IMAGE_HEADER } from '../../../shared/formats/images';
import { parseViennaCodes, VIENNA_HEADER } from '../../../shared/formats/vienna';
import { importBatchImages, imageSources, type ImageRow } from './batch-images';
import { featuresPoolIn } from '../../logos/features-pool';
import { createBatchesRepository, type BatchesRepository, type ImportCounts } from '../repository';
import type { ChunkRow } from '../row-sink';
import { holdRowSink } from '../row-sinks';
import type { DataConnection } from '../../data/store';
import { inTransaction, type DataQueries } from '../../data/queries';
import { openTable, type TableRow } from '../../tabular';
import { fileFingerprint, sameFile, type FileFingerprint } from '../../tabular/fingerprint';

export interface ImportJob {
  batchId: number;
  filePath: string;
  kind: BatchKind;
  /** field key → column index (-1 when absent) */
  mapping: Record<string, number>;
  /** a ZIP or folder of images named by the rows' 申请号 / 编号, chosen with the table (issue 12) */
  imagesPath?: string;
  /** the data folder, where images are stored (images/) */
  dataDir?: string;
}

export interface ImportProgress extends ImportCounts {
  /** 0..1, estimated from the file's line count; -1 when unknown (XLSX) */
  fraction: number;
  /** the file's rows estimated from its line count; -1 when unknown (XLSX) */
  expectedRows: number;
  /** what the import does now, when it is more than reading rows (正在读取图样 …) */
  message?: string;
}

export const IMPORT_CHUNK_ROWS = 10_000;

/** The columns of a batch table: the format's, then the optional image column (图样) and, for filings, 图形要素. */
export function headersFor(kind: BatchKind): HeaderSpec<string>[] {
  return kind === 'filing' ? [...FILING_HEADERS, IMAGE_HEADER, VIENNA_HEADER] : [...LISTING_HEADERS, IMAGE_HEADER];
}

/** Every field of the format with its column, -1 for unmapped optional ones. */
export function completeMapping(kind: BatchKind, mapping: Record<string, number>): Record<string, number> {
  return Object.fromEntries(headersFor(kind).map(({ key }) => [key, mapping[key] ?? -1]));
}

/** Counts lines (a last line without a newline too): a quick estimate of the rows in a CSV, for the progress bar. */
export async function countLines(filePath: string): Promise<number> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let lines = 0;
    let last = 10;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return last === 10 ? lines : lines + 1;
      last = buffer[bytesRead - 1] ?? 10;
      let at = buffer.indexOf(10, 0);
      while (at !== -1 && at < bytesRead) {
        lines += 1;
        at = buffer.indexOf(10, at + 1);
      }
    }
  } finally {
    await handle.close();
  }
}

/** The row keys the batch's ZIP or folder has an image for (a device mark's row needs no name then). */
async function keysWithImages(job: ImportJob): Promise<ReadonlySet<string>> {
  return job.imagesPath ? new Set((await imageSources(job.imagesPath)).keys()) : new Set();
}

type ParsedRow = { ok: true; key: string; row: ChunkRow } | { ok: false; reason: string };

function rowParser(job: ImportJob, imageKeys: ReadonlySet<string>) {
  const columns = completeMapping(job.kind, job.mapping);
  const cell = (cells: string[], key: string) => (cells[columns[key] ?? -1] ?? '').trim();
  return (cells: string[]): ParsedRow => {
    if (job.kind === 'filing') {
      const withImage = cell(cells, 'image') !== '' || imageKeys.has(cell(cells, 'applicationNumber'));
      const parsed = parseFilingRow(cells, columns as Record<FilingColumn, number>, { withImage });
      if (!parsed.ok) return parsed;
      const codes = parseViennaCodes(cell(cells, 'viennaCodes'));
      if (!codes.ok) return codes;
      const filing = parsed.value;
      return { ok: true, key: filing.applicationNumber, row: { kind: 'filing', filing, oppositionDeadline: oppositionDeadline(filing.publishedOn), viennaCodes: codes.value } };
    }
    const parsed = parseListingRow(cells, columns as Record<ListingColumn, number>);
    if (!parsed.ok) return parsed;
    return { ok: true, key: parsed.value.id, row: { kind: 'listing', listing: parsed.value } };
  };
}

export async function runBatchImport(
  connection: DataConnection,
  job: ImportJob,
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void; featuresWorkerDir?: string } = {},
): Promise<ImportCounts> {
  const batches = createBatchesRepository(connection.data);
  // A gazette of a million rows touches five B-trees per row; a large page cache keeps them in memory.
  connection.sqlite?.pragma('cache_size = -262144');
  const source = await checkedSource(batches, job);
  const table = await openTable(job.filePath);
  const expectedRows = table.format.kind === 'csv' ? Math.max(1, (await countLines(job.filePath)) - 1) : -1;
  const counts: ImportCounts = { totalRows: 0, newRows: 0, duplicateRows: 0, badRows: 0 };
  const parse = rowParser(job, await keysWithImages(job));
  const held = await holdRowSink(connection);
  const sink = held.sink;
  const images = imageCollector(job);
  const flush = async (chunk: readonly TableRow[]) => {
    const parsed = chunk.map((row) => ({ row, result: row.problem === undefined ? parse(row.cells) : { ok: false as const, reason: row.problem } }));
    const stored = parsed.flatMap(({ row, result }) => (result.ok ? [{ row, key: result.key, chunkRow: result.row }] : []));
    const problems = parsed.flatMap(({ row, result }) => (result.ok ? [] : [{ rowNumber: row.rowNumber, reason: result.reason }]));
    let owned: readonly boolean[] = [];
    // the counts stored with the chunk are the counts after it; kept in memory only once the chunk is written
    const after = { ...counts };
    await sink.writeChunk(job.batchId, stored.map((s) => s.chunkRow), problems, (ownRows) => {
      owned = ownRows;
      const own = ownRows.filter(Boolean).length;
      after.totalRows += chunk.length;
      after.badRows += problems.length;
      after.newRows += own;
      after.duplicateRows += ownRows.length - own;
      return after;
    });
    Object.assign(counts, after);
    for (const row of chunk) images.saw(row.cells);
    stored.forEach((s, i) => {
      if (owned[i]) images.own(s.key, s.row);
    });
  };
  const report = () =>
    options.onProgress?.({
      ...counts,
      fraction: expectedRows < 0 ? -1 : Math.min(0.99, counts.totalRows / expectedRows),
      expectedRows,
    });
  let chunk: TableRow[] = [];
  try {
    await batches.clearProblems(job.batchId);
    for await (const row of table.rows) {
      chunk.push(row);
      if (chunk.length < IMPORT_CHUNK_ROWS) continue;
      options.signal?.throwIfAborted();
      await flush(chunk);
      chunk = [];
      report();
    }
    options.signal?.throwIfAborted();
    await flush(chunk);
    report();
  } finally {
    held.release();
    await table.close();
  }
  if (images.wanted) {
    const onImages = (done: number, total: number) =>
      options.onProgress?.({ ...counts, fraction: 0.99, expectedRows: Math.max(expectedRows, counts.totalRows), message: `正在读取图样 ${done} / ${total} 张` });
    await importImages(connection.data, job, images.rows, {
      fileKeys: images.fileKeys, onProgress: onImages, featuresWorkerDir: options.featuresWorkerDir, ...(options.signal ? { signal: options.signal } : {}),
    });
  }
  if (!sameFile(source, await fileFingerprint(job.filePath))) {
    throw new Error(
      `导入过程中源文件「${path.basename(job.filePath)}」被修改：已导入的行可能混合了修改前后的内容。请等文件保存完毕后删除该批次并重新导入。`,
    );
  }
  return counts;
}

/**
 * What the image step needs from the rows, gathered only when the batch brings images: this batch's rows with their
 * key and image cell, and every key the file has (rows of other batches and bad rows too: an image named by one of
 * them is not "for no row").
 */
function imageCollector(job: ImportJob) {
  const imageColumn = job.mapping.image ?? -1;
  const keyColumn = job.mapping[job.kind === 'filing' ? 'applicationNumber' : 'id'] ?? -1;
  const wanted = imageColumn >= 0 || job.imagesPath !== undefined;
  const rows: ImageRow[] = [];
  const fileKeys = new Set<string>();
  return {
    wanted,
    rows,
    fileKeys,
    saw(cells: readonly string[]): void {
      if (wanted) fileKeys.add((cells[keyColumn] ?? '').trim());
    },
    own(key: string, row: TableRow): void {
      if (wanted) rows.push({ key, rowNumber: row.rowNumber, cell: row.cells[imageColumn] ?? '' });
    },
  };
}

/** The batch's images after its rows; each image's problem is recorded at its row (the row itself stays imported). */
async function importImages(
  data: DataQueries, job: ImportJob, rows: ImageRow[],
  { featuresWorkerDir, ...options }: { fileKeys: ReadonlySet<string>; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; featuresWorkerDir: string | undefined },
): Promise<void> {
  // never a fallback beside the user's table: images belong in the data folder with the database
  if (!job.dataDir) throw new Error('内部错误：导入图样时缺少数据文件夹');
  // the features on every core when the bundled worker is there (features-pool.ts; its threads start with the first image)
  const features = featuresPoolIn(featuresWorkerDir);
  let result: Awaited<ReturnType<typeof importBatchImages>>;
  try {
    result = await importBatchImages(data, {
      batchId: job.batchId, kind: job.kind, tablePath: job.filePath, dataDir: job.dataDir,
      ...(job.imagesPath ? { imagesPath: job.imagesPath } : {}),
    }, rows, new Date().toISOString(), { ...options, features });
  } finally {
    await features.close();
  }
  await inTransaction(data, async (tx) => {
    const batches = createBatchesRepository(tx);
    await batches.addProblems(job.batchId, result.problems);
    await batches.setImageProblems(job.batchId, result.problems.length);
  });
}

/** The source file now; refused when it is not the file this batch began importing (a resumed batch). */
async function checkedSource(batches: BatchesRepository, job: ImportJob): Promise<FileFingerprint> {
  const now = await fileFingerprint(job.filePath);
  const first = await batches.source(job.batchId);
  if (first === null) await batches.setSource(job.batchId, now);
  else if (!sameFile(first, now)) {
    throw new Error(
      `原文件「${path.basename(job.filePath)}」在该批次开始导入之后已被修改：已导入的行与现在的文件不一致。请删除该批次后重新导入。`,
    );
  }
  return now;
}
