// Batches of filings and listings: preview a file with its column mapping (remembered per set of headers), start
// an import (then screening) as a background job, resume or remove an incomplete one, re-screen after the
// registry changed.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BatchFilePreview, BatchKind, BatchSummary } from '../../shared/contract/screening';
import { headerNames, normaliseHeader } from '../../shared/formats/headers';
import { imageSources } from './import/batch-images';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { settingsRepository } from '../data/settings';
import { createBatchesRepository } from './repository';
import { completeMapping, headersFor } from './import/import-batch';
import type { JobManager } from './jobs';
import { recordBatchOutcome } from './outcome-audit';
import { openUserTable } from '../services/tables';

const SAMPLE_ROWS = 5;

function mappingKey(kind: BatchKind, headers: readonly string[]): string {
  return `columnMapping.${kind}.${headers.map(normaliseHeader).join('|')}`;
}

function autoMapping(kind: BatchKind, headers: readonly string[]): Record<string, number> {
  const normalised = headers.map(normaliseHeader);
  const find = (names: string[]) => names.map((name) => normalised.indexOf(name)).find((i) => i >= 0) ?? -1;
  return Object.fromEntries(headersFor(kind).map((spec) => [spec.key, find(headerNames(spec))]));
}

/** A ZIP of images is checked before the batch starts: a file that is no ZIP is refused, not found out later. */
async function checkImagesPath(imagesPath: string | undefined): Promise<void> {
  if (imagesPath === undefined) return;
  if (!existsSync(imagesPath)) throw new AppFailure('not-found', `所选图样「${path.basename(imagesPath)}」已不存在，请重新选择`);
  if (statSync(imagesPath).isDirectory()) return;
  try {
    await imageSources(imagesPath);
  } catch (error) {
    throw new AppFailure('invalid-input', error instanceof Error ? error.message : String(error));
  }
}

function missingRequired(kind: BatchKind, mapping: Record<string, number>, columnCount: number): string[] {
  return headersFor(kind)
    .filter(({ key, required }) => required && !((mapping[key] ?? -1) >= 0 && (mapping[key] ?? -1) < columnCount))
    .map(({ header }) => header);
}

/**
 * The other kind when the headers are plainly that kind's: all its required columns are there and more of its
 * columns than of the chosen kind's (a listings file chosen as a gazette, or the reverse).
 */
export function likelyOtherKind(kind: BatchKind, headers: readonly string[]): BatchKind | null {
  const other: BatchKind = kind === 'filing' ? 'listing' : 'filing';
  const normalised = new Set(headers.map(normaliseHeader));
  const matches = (k: BatchKind) => headersFor(k).filter(({ header }) => normalised.has(normaliseHeader(header))).length;
  const otherComplete = missingRequired(other, autoMapping(other, headers), headers.length).length === 0;
  return otherComplete && matches(other) > matches(kind) ? other : null;
}

async function readHead(filePath: string): Promise<{ headers: string[]; sampleRows: string[][] }> {
  const table = await openUserTable(filePath);
  try {
    const sampleRows: string[][] = [];
    for await (const row of table.rows) {
      if (row.problem !== undefined) continue; // reported when the batch is imported
      sampleRows.push(row.cells);
      if (sampleRows.length >= SAMPLE_ROWS) break;
    }
    return { headers: table.headers, sampleRows };
  } finally {
    await table.close();
  }
}

function isStale(batch: { screenedAt: string | null }, registryChanged: string | null): boolean {
  return batch.screenedAt !== null && registryChanged !== null && registryChanged > batch.screenedAt;
}

export function createBatchService(ctx: AppContext, jobs: JobManager) {
  const repository = () => createBatchesRepository(ctx.data);
  // A finished batch's filings do not change, so its issues are read once (the list is polled while jobs run).
  const issuesOf = new Map<number, { version: string; issues: string[] }>();
  async function gazetteIssues(batch: { id: number; status: string; totalRows: number; startedAt: string }, running: boolean): Promise<string[]> {
    const version = `${batch.startedAt}|${batch.status}|${batch.totalRows}`;
    const known = issuesOf.get(batch.id);
    if (known && known.version === version && !running) return known.issues;
    const issues = await repository().gazetteIssues(batch.id);
    if (!running) issuesOf.set(batch.id, { version, issues });
    return issues;
  }

  async function requireBatch(batchId: number) {
    const batch = await repository().get(batchId);
    if (!batch) throw new AppFailure('not-found', '该批次不存在，可能已被删除');
    return batch;
  }

  return {
    async previewFile(filePath: string, kind: BatchKind): Promise<BatchFilePreview> {
      const { headers, sampleRows } = await readHead(filePath);
      const remembered = await settingsRepository(ctx.data).get<Record<string, number>>(mappingKey(kind, headers));
      const usable = remembered && Object.values(remembered).every((index) => index < headers.length);
      const mapping = completeMapping(kind, usable ? remembered : autoMapping(kind, headers));
      return {
        fileName: path.basename(filePath),
        sizeBytes: statSync(filePath).size,
        headers,
        fields: headersFor(kind).map(({ key, header, required }) => ({ key, header, required })),
        mapping,
        remembered: Boolean(usable),
        missingRequired: missingRequired(kind, mapping, headers.length),
        sampleRows,
        likelyKind: likelyOtherKind(kind, headers),
      };
    },

    async startImport(filePath: string, kind: BatchKind, mapping: Record<string, number>, imagesPath?: string): Promise<{ batchId: number }> {
      const { headers } = await readHead(filePath);
      await checkImagesPath(imagesPath);
      const complete = completeMapping(kind, mapping);
      const missing = missingRequired(kind, complete, headers.length);
      if (missing.length > 0) throw new AppFailure('invalid-input', `请为这些列选择文件中的对应列：${missing.join('、')}`);
      const used = Object.values(complete).filter((index) => index >= 0);
      if (new Set(used).size !== used.length) throw new AppFailure('invalid-input', '同一列不能对应两个字段，请检查列对应关系');
      const now = ctx.now();
      await settingsRepository(ctx.data).set(mappingKey(kind, headers), complete, now);
      const batchId = await repository().create(
        { kind, fileName: path.basename(filePath), filePath, fileSize: statSync(filePath).size, columnMap: complete, ...(imagesPath ? { imagesPath } : {}) },
        now,
      );
      void jobs.importAndScreen({ batchId, filePath, kind, mapping: complete, ...(imagesPath ? { imagesPath } : {}) }).then(() => recordBatchOutcome(ctx, batchId, 'import'));
      return { batchId };
    },

    async resume(batchId: number): Promise<{ batchId: number }> {
      const batch = await requireBatch(batchId);
      if (jobs.isRunning(batchId)) throw new AppFailure('conflict', '该批次正在处理中');
      if (batch.status !== 'failed' && batch.status !== 'cancelled') {
        throw new AppFailure('conflict', '只有未完成的批次可以继续导入');
      }
      if (!existsSync(batch.filePath)) {
        throw new AppFailure('io', `原文件已不存在：${batch.filePath}。请删除该批次后重新导入。`);
      }
      await repository().setStatus(batchId, 'importing');
      if (batch.imagesPath !== null && !existsSync(batch.imagesPath)) {
        throw new AppFailure('io', `图样压缩包或文件夹已不存在：${batch.imagesPath}。请删除该批次后重新导入。`);
      }
      void jobs.importAndScreen({
        batchId, filePath: batch.filePath, kind: batch.kind, mapping: batch.columnMap, ...(batch.imagesPath ? { imagesPath: batch.imagesPath } : {}),
      }).then(() => recordBatchOutcome(ctx, batchId, 'import'));
      return { batchId };
    },

    async list(): Promise<BatchSummary[]> {
      const changed = await repository().registryChangedAt();
      const summaries: BatchSummary[] = [];
      for (const { fileSize: _size, columnMap: _map, imagesPath: _images, ...batch } of await repository().list()) {
        const running = jobs.isRunning(batch.id);
        const gazette = batch.kind === 'filing' ? await gazetteIssues(batch, running) : [];
        summaries.push({ ...batch, running, stale: isStale(batch, changed), gazetteIssues: gazette });
      }
      return summaries;
    },

    async problems(batchId: number, offset: number, limit: number) {
      await requireBatch(batchId);
      return repository().problems(batchId, offset, limit);
    },

    /**
     * Hides the batch at once and deletes its rows in the background, a chunk at a time (a million rows take
     * seconds); `batches.progress` follows it. Letters keep the application numbers of hits removed with it.
     */
    async remove(batchId: number): Promise<{ removed: boolean }> {
      await requireBatch(batchId);
      if (jobs.isRunning(batchId)) throw new AppFailure('conflict', '该批次正在处理中，请先取消');
      if (!(await repository().markRemoving(batchId, ctx.now()))) return { removed: false };
      void jobs.remove(batchId);
      return { removed: true };
    },

    /**
     * Re-screens one batch, or (without an id) every batch whose hits are out of date: screened before the registry
     * last changed, or imported and never screened. They run one after another; each is queued at once, so its
     * progress says 'screening' until its turn comes.
     */
    async rescreen(batchId?: number): Promise<{ batchIds: number[] }> {
      const changed = await repository().registryChangedAt();
      const targets = batchId
        ? [await requireBatch(batchId)]
        : (await repository().list()).filter((b) => b.status === 'imported' || (b.status === 'screened' && isStale(b, changed)));
      const waiting = targets.filter((b) => !jobs.isRunning(b.id));
      for (const batch of waiting) jobs.queueScreening(batch);
      const started = waiting.map((b) => b.id);
      void (async () => {
        for (const id of started) {
          // refused only while a restore swaps the database: the rest of the list belongs to the old one
          try {
            await jobs.screen(id);
          } catch {
            return;
          }
          await recordBatchOutcome(ctx, id, 'update');
        }
      })();
      return { batchIds: started };
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
