// Starting the services, the same way for the Electron app, the web bridge, the server and the integration tests:
// undo an interrupted restore, back the database up as it is (before any migration), open and migrate it,
// raise the letter numbers above the archive's, fill an empty database with the sample registry. On PostgreSQL
// (config.dataStore, a server) the store comes opened and migrated; the file's restore journal and start-up
// backup do not apply, the rest runs the same through ctx.data.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../shared/result';
import { createAppContext, DATABASE_FILE, type AppConfig, type AppContext } from './context';
import { createHandlers, type DialogPort } from './handlers';
import { createFileGrants, type FileGrants, type FileGrantsOptions } from './files/grants';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatch';
import { reconcileWithArchive } from './letters/sequences';
import { copyDatabase, createBackupService, isDiskFull } from './backup/service';
import { packImages } from './logos/backup-images';
import { recoverInterruptedRestore } from './backup/restore-journal';
import { marksRepository } from './registry/marks';
import { seedSampleRegistry } from './registry/seed';
import { recoverInterruptedBatches, resumeRemovals, type InterruptedBatch } from './batches/jobs';

export interface RunningServices {
  ctx: AppContext;
  dispatch: Dispatch;
  /** The files chosen in this session, by token; the Electron shell registers dropped files here. */
  files: FileGrants;
  /** imports and screenings the last run left unfinished (shown as such; a server resumes them itself) */
  interrupted: InterruptedBatch[];
  close(): void;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, '');
}

/**
 * The start-up backup of the database file as it is, before this version migrates it (so a migration that goes
 * wrong can be undone). A failure — a full disk — does not stop the start: it returns what to tell the clerk.
 */
async function startupBackup(config: AppConfig, databasePath: string): Promise<string | null> {
  if (!existsSync(databasePath)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(databasePath, { fileMustExist: true, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) });
    const registry = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'protected_marks'").get();
    if (!registry || (db.prepare('SELECT count(*) AS n FROM protected_marks').get() as { n: number }).n === 0) return null;
    const folder = path.join(config.dataDir, 'backups');
    mkdirSync(folder, { recursive: true });
    const target = path.join(folder, `auto-${stamp((config.now ?? (() => new Date()))())}.sqlite`);
    await copyDatabase(db, target, (copy) => packImages(copy, config.dataDir, config.nativeBinding));
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return isDiskFull(error)
      ? `磁盘空间不足，启动时的自动备份没有完成（${reason}）。数据没有受影响，程序照常启动；请尽快清理磁盘空间，再到「备份与恢复」中立即备份。`
      : `启动时的自动备份没有完成（${reason}）。数据没有受影响，程序照常启动；请到「备份与恢复」中立即备份。`;
  } finally {
    db?.close();
  }
}

function openContext(config: AppConfig): AppContext {
  try {
    return createAppContext(config);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `磁盘空间不足，无法打开数据库（${reason}）。数据没有改动；请清理磁盘空间后再启动商标守护。`);
  }
}

/**
 * `overrides`: handlers that replace the app's own for some channels (the server's accounts); `grants`: how chosen
 * files are held (the server binds each to its session).
 */
export async function startServices(
  config: AppConfig,
  dialogs: DialogPort,
  overrides: Partial<Handlers> = {},
  grants: FileGrantsOptions = {},
): Promise<RunningServices> {
  const databasePath = path.join(config.dataDir, DATABASE_FILE);
  mkdirSync(config.dataDir, { recursive: true });
  const notices: string[] = [];
  // the SQLite file's own safety nets; data on PostgreSQL is backed up by the server (electron/server/backup/)
  if ((config.dataStore?.kind ?? 'sqlite') === 'sqlite') {
    const recovered = recoverInterruptedRestore(config.dataDir, databasePath);
    if (recovered) notices.push(recovered);
    const backupWarning = await startupBackup(config, databasePath);
    if (backupWarning) notices.push(backupWarning);
  }
  const ctx = openContext(config);
  ctx.notices.unshift(...notices);
  try {
    // ctx.config.actor answers from memory: the 经办人 of 设置 is read before anything is recorded
    await ctx.loadOperator();
    const backups = createBackupService(ctx);
    backups.removeLeftovers();
    backups.prune();
    const interrupted = await recoverInterruptedBatches(ctx);
    await resumeRemovals(ctx);
    await reconcileWithArchive(ctx.data, config.dataDir);
    const seededOnThisStart = await seedSampleRegistry(ctx);
    // image features of an older version are computed again in the background; what compares images asks first
    ctx.imageFeatures.start();
    const seededCount = seededOnThisStart ? await marksRepository(ctx.data).count() : 0;
    const files = createFileGrants(grants);
    const handlers: Handlers = { ...createHandlers(ctx, { dialogs, files }, { seededOnThisStart, seededCount }), ...overrides };
    const dispatch = createDispatcher(handlers, (message, error) => console.error(`[markguard] ${message}:`, error));
    return {
      ctx,
      dispatch,
      files,
      interrupted,
      close: () => {
        void ctx.jobs.stopAll();
        // aborted at once: nothing under way writes after the database is closed
        void ctx.imageFeatures.stop();
        ctx.close();
      },
    };
  } catch (error) {
    void ctx.imageFeatures.stop();
    ctx.close();
    throw error;
  }
}
