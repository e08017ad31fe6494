// The long operations the crash harness kills, each written so that running it again after a restart finishes it
// (as a clerk would: resume the import, screen again, issue the draft or export its files, back up, restore).
import type { AppContext } from '../../electron/context';
import { createBatchesRepository } from '../../electron/batches/repository';
import { createFileGrants } from '../../electron/files/grants';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { createLettersHandlers } from '../../electron/letters/handlers';
import { createLetterIssuing } from '../../electron/letters/issue';
import { createBatchService } from '../../electron/batches/service';
import { createBackupService } from '../../electron/backup/service';
import { FILING_MAPPING, waitForBatch } from '../integration/support/batches';

export type OperationName = 'import' | 'screening' | 'letter' | 'backup' | 'restore';
export const OPERATIONS: readonly OperationName[] = ['import', 'screening', 'letter', 'backup', 'restore'];

async function importToEnd(ctx: AppContext, file: string): Promise<void> {
  const batches = createBatchService(ctx, ctx.jobs);
  const existing = (await createBatchesRepository(ctx.data).list())[0];
  let batchId: number;
  if (!existing) batchId = (await batches.startImport(file, 'filing', FILING_MAPPING)).batchId;
  else if (existing.status === 'failed' || existing.status === 'cancelled') batchId = (await batches.resume(existing.id)).batchId;
  else if (existing.status === 'imported') batchId = (await batches.rescreen(existing.id)).batchIds[0] ?? existing.id;
  else batchId = existing.id;
  await waitForBatch(ctx.jobs, batchId, 600_000);
  const batch = await createBatchesRepository(ctx.data).get(batchId);
  if (batch?.status !== 'screened') throw new Error(`batch ${batchId} ended ${batch?.status}: ${batch?.message}`);
}

async function screenToEnd(ctx: AppContext): Promise<void> {
  const batch = (await createBatchesRepository(ctx.data).list())[0];
  if (!batch) throw new Error('no batch to screen');
  await createBatchService(ctx, ctx.jobs).rescreen(batch.id);
  await waitForBatch(ctx.jobs, batch.id, 600_000);
  const after = await createBatchesRepository(ctx.data).get(batch.id);
  if (after?.status !== 'screened') throw new Error(`screening ended ${after?.status}: ${after?.message}`);
}

/** Issues the one draft, or — when a kill came after its number was taken — writes its archive files. */
async function issueToEnd(ctx: AppContext): Promise<void> {
  const api = createLettersHandlers(ctx, { dialogs: createQueuedDialogs(), files: createFileGrants() });
  const letters = await api['letters.list']({});
  for (const letter of letters) {
    if (letter.status === 'draft') await api['letters.issue']({ id: letter.id });
    else await createLetterIssuing(ctx).ensureArchived(letter.id);
  }
}

export async function finishOperation(ctx: AppContext, name: OperationName, file: string): Promise<void> {
  if (name === 'import') return importToEnd(ctx, file);
  if (name === 'screening') return screenToEnd(ctx);
  if (name === 'letter') return issueToEnd(ctx);
  if (name === 'backup') {
    await createBackupService(ctx).create(file);
    return;
  }
  await createBackupService(ctx).restore(file);
}
