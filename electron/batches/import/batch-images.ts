// The images a gazette batch (or a listings file) brings, stored after its rows (issue 12): a column naming each
// row's image by a path relative to the table, or a ZIP or folder of images named by 申请号 / 编号. Each image is
// stored content-addressed with its features (electron/logos/store.ts; sharp works in libuv's threads, and this
// runs in the import worker thread) and linked to its row. A missing or unreadable image is a problem at its row —
// the row's text is imported all the same; an image of the ZIP or folder that names no row of the file is a
// problem too (row 0: it has no row).
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BatchKind } from '../../../shared/contract/screening';
import { imageKeyOf } from '../../../shared/formats/images';
import type { DataExecutor } from '../../data/queries';
import { imagesRepository } from '../../logos/repository';
import { MAX_IMAGE_BYTES, storeImageIn } from '../../logos/store';
import { eachInHand, type FeaturesPool, inThreadFeatures } from '../../logos/features-pool';
import { readZipDirectory, readZipEntry, type ZipEntry } from '../../tabular/zip';

/** A row of the table that is this batch's, with its key (申请号 / 编号) and its image cell (may be empty). */
export interface ImageRow {
  key: string;
  rowNumber: number;
  cell: string;
}

export interface BatchImagesJob {
  batchId: number;
  kind: BatchKind;
  /** the table, which a relative path in the image column starts from */
  tablePath: string;
  /** a ZIP file or a folder of images named by the row keys; absent when the batch brought none */
  imagesPath?: string;
  dataDir: string;
}

export interface BatchImagesResult {
  stored: number;
  problems: Array<{ rowNumber: number; reason: string }>;
}

/** Images decoded at once: sharp's thread pool is busy with a few; more would only hold more entries in memory. */
const AT_ONCE = 4;

type Source = { label: string; read: () => Promise<Buffer> };

/** The images of a ZIP or folder by row key; a ZIP that cannot be read throws a Chinese message. */
export async function imageSources(imagesPath: string): Promise<Map<string, Source>> {
  const sources = new Map<string, Source>();
  if ((await stat(imagesPath)).isDirectory()) {
    for (const name of (await readdir(imagesPath)).sort()) {
      const key = imageKeyOf(name);
      if (key !== null) sources.set(key, { label: name, read: () => readFile(path.join(imagesPath, name)) });
    }
    return sources;
  }
  let entries: Map<string, ZipEntry>;
  try {
    entries = await readZipDirectory(imagesPath);
  } catch {
    throw new Error(`图样压缩包「${path.basename(imagesPath)}」不是有效的 ZIP 文件或已损坏`);
  }
  for (const [name, entry] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    const key = imageKeyOf(name);
    if (key !== null) sources.set(key, { label: name, read: () => readEntry(imagesPath, entry) });
  }
  return sources;
}

/** One entry's bytes (inflated as a stream, its CRC checked); a damaged or oversized entry throws in Chinese. */
async function readEntry(zipPath: string, entry: ZipEntry): Promise<Buffer> {
  if (entry.size > MAX_IMAGE_BYTES) throw new Error(`图片文件过大（超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB）`);
  const pieces: Buffer[] = [];
  try {
    for await (const piece of readZipEntry(zipPath, entry)) pieces.push(piece);
  } catch {
    throw new Error('压缩包中的该文件已损坏，无法解压');
  }
  return Buffer.concat(pieces);
}

/** The file an image cell names, relative to the table's folder; null with a reason when it may not be read. */
export function cellPath(tablePath: string, cell: string): { file: string } | { reason: string } {
  const relative = cell.replace(/\\/g, '/').trim();
  if (path.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return { reason: `图样路径「${cell}」应为相对于表格文件所在文件夹的路径` };
  const folder = path.dirname(tablePath);
  const file = path.resolve(folder, relative);
  if (path.relative(folder, file).startsWith('..')) return { reason: `图样路径「${cell}」指向表格文件所在文件夹之外` };
  return { file };
}

type Task = { row: ImageRow; label: string; read: () => Promise<Buffer> };

/** What each row's image is, and the problems known before reading any image. */
async function plan(
  job: BatchImagesJob, rows: readonly ImageRow[], fileKeys: ReadonlySet<string>,
): Promise<{ tasks: Task[]; problems: BatchImagesResult['problems'] }> {
  const sources = job.imagesPath ? await imageSources(job.imagesPath) : new Map<string, Source>();
  const problems: BatchImagesResult['problems'] = [];
  const tasks: Task[] = [];
  const keys = new Set<string>();
  for (const row of rows) {
    keys.add(row.key);
    if (row.cell.trim() !== '') {
      const where = cellPath(job.tablePath, row.cell);
      if ('reason' in where) problems.push({ rowNumber: row.rowNumber, reason: where.reason });
      else tasks.push({ row, label: row.cell, read: () => readFile(where.file) });
      continue;
    }
    const source = sources.get(row.key);
    if (source) tasks.push({ row, ...source });
  }
  const what = job.kind === 'filing' ? '申请号' : '编号';
  for (const [key, source] of sources) {
    if (!keys.has(key) && !fileKeys.has(key)) problems.push({ rowNumber: 0, reason: `图样「${source.label}」没有对应的行：文件中没有${what}为「${key}」的行` });
  }
  return { tasks, problems };
}

/** Stores and links the images of a batch's rows; resolves to how many were stored and the problems per row. */
export async function importBatchImages(
  db: DataExecutor, job: BatchImagesJob, rows: readonly ImageRow[], now: string,
  options: { fileKeys?: ReadonlySet<string>; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; features?: FeaturesPool } = {},
): Promise<BatchImagesResult> {
  // fileKeys: every key of the file (rows of other batches, bad rows): an image named by one names a row
  const { tasks, problems } = await plan(job, rows, options.fileKeys ?? new Set());
  const images = imagesRepository(db);
  const pool = options.features ?? inThreadFeatures;
  let stored = 0;
  const one = async ({ row, label, read }: Task) => {
    let bytes: Buffer;
    try {
      bytes = await read();
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const why = missing ? '文件不存在' : error instanceof Error ? error.message : String(error);
      problems.push({ rowNumber: row.rowNumber, reason: `图样「${label}」无法读取：${why}` });
      return;
    }
    // a gazette's or a listing's image is searched for, never searched: its query features only
    const image = await storeImageIn(db, job.dataDir, bytes, now, 'query', pool.features);
    if (!image.ok) {
      problems.push({ rowNumber: row.rowNumber, reason: `图样「${label}」无法读取：${image.error.message}` });
      return;
    }
    await images.linkToRow(job.kind, job.batchId, row.key, image.value.sha256);
    stored += 1;
  };
  // enough in hand to keep every thread of the pool busy while this one reads and writes
  const atOnce = Math.max(AT_ONCE, 2 * pool.size);
  let done = 0;
  options.onProgress?.(0, tasks.length);
  await eachInHand(tasks, atOnce, async (task) => {
    await one(task);
    if (++done % (AT_ONCE * 25) === 0) options.onProgress?.(done, tasks.length);
  }, options.signal);
  options.onProgress?.(tasks.length, tasks.length);
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  return { stored, problems };
}
