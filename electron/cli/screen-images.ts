// The command line's image screen (issue 12), without a database: the registry's images (a folder or ZIP named by
// 编号, 编号-2.png for a second one) are hashed with sharp into a LogoIndex, then every row's image (the 图样 column,
// relative to the table, or a folder or ZIP named by 申请号 / 编号) is searched under LOGO_RULE. Only the hits are
// kept; images are read and decoded a few at a time (sharp decodes in libuv's threads), never all at once.
// An image that cannot be read is a problem at its row and never stops the run.
import { readFile } from 'node:fs/promises';
import type { Hit } from '../../shared/domain';
import { isQueryVariant, logoFeatures, type LogoFeatures } from '../logos/features';
import { LogoIndex } from '../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../shared/engine/logo/match';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { IMAGE_HEADER } from '../../shared/formats/images';
import { mapHeaders } from '../../shared/formats/headers';
import { openTable } from '../tabular';
import { cellPath, imageSources } from '../batches/import/batch-images';
import { mapBatchHeaders, type BatchKind } from '../batches/screening/batch-rows';

/** Images decoded at once: enough to keep sharp's threads busy, few enough to hold little in memory. */
const AT_ONCE = 4;

export interface ImageProblem { rowNumber: number; reason: string }

export interface RegistryLogoSet {
  index: LogoIndex;
  /** the mark (编号) of each stored logo, by index */
  markIds: string[];
}

/** The mark an image file is named for: 编号 itself, or 编号-2, 编号-3 … for further images of the same mark. */
function markOfKey(key: string, markIds: ReadonlySet<string>): string | null {
  if (markIds.has(key)) return key;
  const base = key.replace(/-\d+$/, '');
  return base !== key && markIds.has(base) ? base : null;
}

/** Runs fn over items, AT_ONCE at a time, in order of start. */
async function inGroups<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += AT_ONCE) await Promise.all(items.slice(i, i + AT_ONCE).map(fn));
}

/** The registry's logos from a folder or ZIP; files naming no mark and unreadable images are problems (row 0). */
export async function loadRegistryImages(imagesPath: string, markIds: ReadonlySet<string>, problems: ImageProblem[]): Promise<RegistryLogoSet> {
  const sources = [...await imageSources(imagesPath)];
  const found: Array<{ markId: string; features: LogoFeatures } | null> = new Array<null>(sources.length).fill(null);
  await inGroups(sources.map((s, i) => ({ s, i })), async ({ s: [key, source], i }) => {
    const markId = markOfKey(key, markIds);
    if (markId === null) {
      problems.push({ rowNumber: 0, reason: `名录图样「${source.label}」没有对应的记录：保护名录中没有编号为「${key}」的记录` });
      return;
    }
    const features = await source.read().then((bytes) => logoFeatures(bytes), (error: unknown) => ({ ok: false as const, error: { message: error instanceof Error ? error.message : String(error) } }));
    if (!features.ok) problems.push({ rowNumber: 0, reason: `名录图样「${source.label}」无法读取：${features.error.message}` });
    else found[i] = { markId, features: features.value };
  });
  const usable = found.filter((f): f is { markId: string; features: LogoFeatures } => f !== null);
  return { index: new LogoIndex(storedHashesOf(usable.map((u) => u.features))), markIds: usable.map((u) => u.markId) };
}

export interface RowImageScreen {
  batchPath: string;
  kind: BatchKind;
  /** a folder or ZIP of the rows' images named by 申请号 / 编号 */
  imagesPath?: string | undefined;
  logos: RegistryLogoSet;
  /** 编号 → 商标名称 */
  markNames: ReadonlyMap<string, string>;
}

type RowTask = { rowNumber: number; key: string; text: string; label: string; read: () => Promise<Buffer> };

export interface RowImageResult {
  /** image hits by row number, best first within a row */
  hits: Map<number, Hit[]>;
  problems: ImageProblem[];
  /** the rows whose image was read and searched (a device mark without a name is screened by it alone) */
  screened: Set<number>;
}

/** The image hits of every row that brings an image, the rows whose image was screened, and the problems. */
export async function screenRowImages(job: RowImageScreen): Promise<RowImageResult> {
  const hits = new Map<number, Hit[]>();
  const screened = new Set<number>();
  const problems: ImageProblem[] = [];
  const sources = job.imagesPath ? await imageSources(job.imagesPath) : new Map<string, never>();
  const used = new Set<string>();
  const table = await openTable(job.batchPath);
  let pending: RowTask[] = [];
  const run = async () => {
    await inGroups(pending, async (task) => {
      const found = await searchRow(task, job);
      if ('reason' in found) {
        problems.push({ rowNumber: task.rowNumber, reason: found.reason });
        return;
      }
      screened.add(task.rowNumber);
      if (found.length > 0) hits.set(task.rowNumber, found);
    });
    pending = [];
  };
  try {
    const mapping = mapBatchHeaders(job.kind, table.headers);
    if (!mapping.ok) return { hits, problems, screened }; // the text screen reports the headers
    const columns = mapping.columns as Record<string, number>;
    const keyColumn = job.kind === 'filings' ? columns.applicationNumber! : columns.id!;
    const textColumn = job.kind === 'filings' ? columns.markText! : columns.title!;
    const imageMapping = mapHeaders(table.headers, [IMAGE_HEADER]);
    const imageColumn = imageMapping.ok ? (imageMapping.columns.image ?? -1) : -1;
    for await (const row of table.rows) {
      if (row.problem !== undefined) continue;
      const key = (row.cells[keyColumn] ?? '').trim();
      const text = (row.cells[textColumn] ?? '').trim();
      const cell = imageColumn >= 0 ? (row.cells[imageColumn] ?? '').trim() : '';
      used.add(key);
      if (cell !== '') {
        const where = cellPath(job.batchPath, cell);
        if ('reason' in where) problems.push({ rowNumber: row.rowNumber, reason: where.reason });
        else pending.push({ rowNumber: row.rowNumber, key, text, label: cell, read: () => readFile(where.file) });
      } else {
        const source = sources.get(key);
        if (source) pending.push({ rowNumber: row.rowNumber, key, text, ...source });
      }
      if (pending.length >= AT_ONCE * 8) await run();
    }
    await run();
  } finally {
    await table.close();
  }
  const what = job.kind === 'filings' ? '申请号' : '编号';
  for (const [key, source] of sources) {
    if (!used.has(key)) problems.push({ rowNumber: 0, reason: `图样「${source.label}」没有对应的行：文件中没有${what}为「${key}」的行` });
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  return { hits, problems, screened };
}

/** One row's image hits (one per mark, its nearest logo), or why its image could not be read. */
async function searchRow(task: RowTask, job: RowImageScreen): Promise<Hit[] | { reason: string }> {
  let bytes: Buffer;
  try {
    bytes = await task.read();
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : error instanceof Error ? error.message : String(error);
    return { reason: `图样「${task.label}」无法读取：${why}` };
  }
  const features = await logoFeatures(bytes, { crops: false });
  if (!features.ok) return { reason: `图样「${task.label}」无法读取：${features.error.message}` };
  const f = features.value;
  const query = { ...f, variants: f.variants.filter(isQueryVariant) };
  const best = new Map<string, Hit>();
  for (const match of job.logos.index.search(query, LOGO_RULE)) {
    const markId = job.logos.markIds[match.index];
    const markText = markId === undefined ? undefined : job.markNames.get(markId);
    if (markId === undefined || markText === undefined) continue;
    if ((best.get(markId)?.score ?? -1) >= match.score) continue;
    best.set(markId, {
      source: job.kind === 'filings' ? 'filing' : 'listing', id: task.key, markId, score: match.score, reasons: ['figurative'], text: task.text, markText,
    });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.markId.localeCompare(b.markId));
}
