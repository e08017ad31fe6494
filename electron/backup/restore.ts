// Restoring a backup (issue 9, items 1–5). In order:
//   1. check the backup file (integrity, version, MarkGuard tables) and count what it holds;
//   2. stop every job (cancel, and wait until none writes) and refuse new ones until the end;
//   3. copy the backup with SQLite's backup API to <db>.restoring (a WAL-mode backup's -wal included) and count
//      the copy: the counts must equal those of step 1; write the images it carries into images/ (only adding);
//   4. write the restore journal, close the live database, move it to replaced/, move the copy into its place;
//   5. open it (migrating it forward), count again, raise the letter sequences above every number the replaced
//      database or the archive knows, write the audit entry, remove the journal.
// Any failure from step 4 on puts the live database back and opens it; a kill in between is undone at the next
// start from the journal (restore-journal.ts).
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { auditRepository } from '../data/audit';
import { databaseCounts, describeCounts, moveDatabase, removeDatabaseFiles, sameCounts, walHasContent, type DatabaseCounts } from '../db/files';
import { openDatabase } from '../db/open';
import { faultPoint } from '../faults';
import { archivedSequences, raiseSequences, sequencesOf } from '../letters/sequences';
import { backupFailure, checkBackupFile, copyDatabase, sqliteForBackup } from './service';
import { unpackImages, type ImageTally } from '../logos/backup-images';
import { removeRestoreJournal, stagingPathOf, writeRestoreJournal } from './restore-journal';

export interface RestoreResult {
  restoredFrom: string;
  previousKeptAt: string;
  markCount: number;
}

function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, '');
}

const imagesNote = ({ carried, missing }: ImageTally) =>
  (carried ? `，图样 ${carried} 个` : '') + (missing ? `，${missing} 个图样文件缺失（备份中也没有）` : '');

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Copies the backup to the staging file and checks the copy holds what the backup holds. */
async function stage(ctx: AppContext, filePath: string, expected: DatabaseCounts): Promise<{ staging: string; images: ImageTally }> {
  const staging = stagingPathOf(ctx.databasePath);
  const source = openDatabase(filePath, { readonly: true, ...(ctx.config.nativeBinding ? { nativeBinding: ctx.config.nativeBinding } : {}) });
  try {
    await copyDatabase(source, staging);
  } catch (error) {
    throw backupFailure(error, '恢复');
  } finally {
    source.close();
  }
  const copy = openDatabase(staging, { readonly: true, ...(ctx.config.nativeBinding ? { nativeBinding: ctx.config.nativeBinding } : {}) });
  let copied: DatabaseCounts;
  try {
    copied = databaseCounts(copy);
  } finally {
    copy.close();
  }
  if (!sameCounts(copied, expected)) {
    removeDatabaseFiles(staging);
    throw new AppFailure('io', `复制备份后数据不一致（备份中${describeCounts(expected)}，复制后${describeCounts(copied)}），未做任何更改`);
  }
  // the images first: files are only added to the content-addressed store, so a failure later loses nothing
  let images: ImageTally;
  try {
    images = await unpackImages(staging, ctx.config.dataDir, ctx.config.nativeBinding);
  } catch (error) {
    removeDatabaseFiles(staging);
    throw backupFailure(error, '恢复');
  }
  return { staging, images };
}

/** Puts the live database back after a failure from the swap on, and opens it. */
async function rollBack(ctx: AppContext, keptAt: string): Promise<void> {
  ctx.close();
  if (existsSync(keptAt)) {
    removeDatabaseFiles(ctx.databasePath);
    renameSync(keptAt, ctx.databasePath);
  }
  removeDatabaseFiles(stagingPathOf(ctx.databasePath));
  await ctx.reopen();
  removeRestoreJournal(ctx.config.dataDir);
}

async function swapIn(ctx: AppContext, filePath: string, expected: DatabaseCounts): Promise<RestoreResult> {
  const { staging, images } = await stage(ctx, filePath, expected);
  const replacedDir = path.join(ctx.config.dataDir, 'replaced');
  mkdirSync(replacedDir, { recursive: true });
  const keptAt = path.join(replacedDir, `before-restore-${stamp(ctx.now())}.sqlite`);
  const before = await sequencesOf(ctx.data);
  sqliteForBackup(ctx).pragma('wal_checkpoint(TRUNCATE)');
  writeRestoreJournal(ctx.config.dataDir, { from: filePath, keptAt });
  ctx.close();
  try {
    if (walHasContent(ctx.databasePath)) throw new Error('数据库仍有未写回的日志（另一个程序正在使用它？）');
    moveDatabase(ctx.databasePath, keptAt);
    faultPoint('restore:between-renames');
    moveDatabase(staging, ctx.databasePath);
    await ctx.reopen();
    faultPoint('restore:after-reopen');
    const restored = databaseCounts(sqliteForBackup(ctx));
    if (!sameCounts(restored, expected)) {
      throw new Error(`恢复后的数据与备份不一致（备份中${describeCounts(expected)}，恢复后${describeCounts(restored)}）`);
    }
    // No number the replaced database issued, nor any in the archive, is handed out again.
    await raiseSequences(ctx.data, before, archivedSequences(ctx.config.dataDir));
    await auditRepository(ctx.data).record(
      {
        actor: ctx.config.actor,
        action: 'restore',
        entity: 'database',
        entityKey: path.basename(filePath),
        before: null,
        after: null,
        note: `从「${filePath}」恢复（${describeCounts(expected)}${imagesNote(images)}）；原数据库保存在「${keptAt}」`,
      },
      ctx.now(),
    );
  } catch (error) {
    try {
      await rollBack(ctx, keptAt);
    } catch (rollbackError) {
      throw new AppFailure('io', `恢复失败：${reasonOf(error)}；还原原数据库时也出错：${reasonOf(rollbackError)}。原数据库在「${keptAt}」，请重新启动商标守护，启动时会自动还原。`);
    }
    throw new AppFailure('io', `恢复失败，已还原为恢复前的数据，没有任何更改：${reasonOf(error)}`);
  }
  removeRestoreJournal(ctx.config.dataDir);
  return { restoredFrom: filePath, previousKeptAt: keptAt, markCount: expected.marks };
}

/** Replaces the database with a checked backup; the current database is moved aside, never deleted. */
export async function restoreDatabase(ctx: AppContext, filePath: string): Promise<RestoreResult> {
  sqliteForBackup(ctx);
  const checked = checkBackupFile(filePath, ctx.config.nativeBinding);
  const { value } = await ctx.jobs.quiesce('正在从备份恢复数据，请等恢复完成后再操作', () => swapIn(ctx, filePath, checked.counts));
  return value;
}
