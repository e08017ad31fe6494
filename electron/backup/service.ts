// Backup with SQLite's online backup API, restore with checks first (restore.ts), and a rolling automatic backup
// at start. A backup is written to <name>.part and renamed when whole; what a killed backup left is removed. The
// images the database refers to travel inside the backup file (logos/backup-images.ts).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo } from '../../shared/api';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { databaseCounts, removeDatabaseFiles, syncFolder, type DatabaseCounts } from '../db/files';
import { openDatabase, schemaVersionOf, type Db } from '../db/open';
import { faultPoint } from '../faults';
import { restoreDatabase } from './restore';
import { packImages } from '../logos/backup-images';

export const AUTOMATIC_BACKUPS_KEPT = 7;
const AUTO_PREFIX = 'auto-';
const PART = '.part';

function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, '');
}

/** auto-20261129-080001.sqlite → 2026-11-29T08:00:01Z (when the backup was taken, by the app's clock) */
function stampedAt(fileName: string): string | null {
  const match = /^auto-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$/.exec(fileName);
  return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z` : null;
}

/** The counts of a backup file, or null when it cannot be read (the list still shows it). */
function countsOfFile(filePath: string, nativeBinding?: string): DatabaseCounts | null {
  let db: Db | undefined;
  try {
    db = openDatabase(filePath, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return databaseCounts(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function info(filePath: string, nativeBinding?: string): BackupInfo {
  const stat = statSync(filePath);
  const fileName = path.basename(filePath);
  return {
    path: filePath,
    fileName,
    sizeBytes: stat.size,
    createdAt: stampedAt(fileName) ?? stat.mtime.toISOString(),
    counts: countsOfFile(filePath, nativeBinding),
  };
}

/** Says in Chinese why a backup could not be written; a full disk by name, since that is what a clerk can fix. */
export function backupFailure(error: unknown, what: '备份' | '恢复' = '备份'): AppFailure {
  if (error instanceof AppFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isDiskFull(error)) return new AppFailure('io', `${what}失败：磁盘空间不足（${message}）。请清理磁盘后再${what}。`);
  return new AppFailure('io', `${what}失败：${message}`);
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || /ENOSPC|disk is full|磁盘空间不足/i.test(message);
}

/** Checks that a file is a sound MarkGuard database this version can open; says in Chinese why not. */
export function checkBackupFile(filePath: string, nativeBinding?: string): { markCount: number; version: number; counts: DatabaseCounts } {
  if (!existsSync(filePath)) throw new AppFailure('io', `找不到备份文件：${filePath}`);
  let db;
  try {
    db = openDatabase(filePath, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('invalid-input', `「${path.basename(filePath)}」不是商标守护的备份文件（无法作为数据库打开）`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      throw new AppFailure('invalid-input', `备份文件已损坏（完整性检查未通过：${String(integrity)}），未做任何更改`);
    }
    const version = schemaVersionOf(db);
    const hasRegistry = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'protected_marks'")
      .get();
    if (version < 1 || !hasRegistry) {
      throw new AppFailure('invalid-input', `「${path.basename(filePath)}」不是商标守护的备份文件`);
    }
    const counts = databaseCounts(db);
    return { markCount: counts.marks, version, counts };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('invalid-input', `「${path.basename(filePath)}」不是商标守护的备份文件`);
  } finally {
    db.close();
  }
}

/**
 * Copies a database with the online backup API (WAL content included) to `target` through `target.part`;
 * `complete` adds to the copy before it takes its name (a backup's images).
 */
export async function copyDatabase(source: Db, target: string, complete?: (copy: string) => void | Promise<unknown>): Promise<void> {
  const temporary = `${target}${PART}`;
  try {
    leaveNoTrace(temporary); // a killed earlier backup's; if it cannot go, SQLite says why below
    faultPoint('backup:write');
    await source.backup(temporary);
    selfContained(temporary);
    await complete?.(temporary);
    faultPoint('backup:before-rename');
    await rename(temporary, target);
    syncFolder(path.dirname(target));
  } catch (error) {
    leaveNoTrace(temporary); // never hides why the backup failed
    throw error;
  }
}

function leaveNoTrace(temporary: string): void {
  try {
    removeDatabaseFiles(temporary);
  } catch {
    // left for the next start's clean-up (removeLeftovers)
  }
}

/** A copy of a WAL database is marked WAL too; a backup is one file that opens anywhere without -wal/-shm. */
function selfContained(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * These backups are the SQLite file's. With the data on PostgreSQL (a server) there is no file to copy or replace:
 * the server's backups (electron/server/backup/) dump the data and the accounts together, made by its 管理员.
 */
export const SERVER_DATA_BACKUP_MESSAGE =
  '数据保存在服务器的 PostgreSQL 数据库中，备份与恢复由管理员在服务器上完成（备份与恢复 → 立即备份服务器，或在服务器上运行 npm run server -- backup / restore），这里不能备份或恢复。';

/** The SQLite handle of the data, or the refusal that says the server's backups are the administrator's. */
export function sqliteForBackup(ctx: AppContext): Db {
  if (!ctx.sqlite) throw new AppFailure('unsupported', SERVER_DATA_BACKUP_MESSAGE);
  return ctx.sqlite;
}

export function createBackupService(ctx: AppContext) {
  const backupsDir = path.join(ctx.config.dataDir, 'backups');

  async function backupTo(filePath: string): Promise<BackupInfo> {
    const db = sqliteForBackup(ctx);
    try {
      await copyDatabase(db, filePath, (copy) => packImages(copy, ctx.config.dataDir, ctx.config.nativeBinding));
    } catch (error) {
      throw backupFailure(error);
    }
    return info(filePath, ctx.config.nativeBinding);
  }

  /** File names of the automatic backups, newest first. */
  function automaticNames(): string[] {
    if (!existsSync(backupsDir)) return [];
    return readdirSync(backupsDir)
      .filter((name) => name.startsWith(AUTO_PREFIX) && name.endsWith('.sqlite'))
      .sort()
      .reverse();
  }

  const listAutomatic = (): BackupInfo[] => automaticNames().map((name) => info(path.join(backupsDir, name), ctx.config.nativeBinding));

  /** Keeps the newest seven automatic backups. */
  function prune(): void {
    for (const old of automaticNames().slice(AUTOMATIC_BACKUPS_KEPT)) rmSync(path.join(backupsDir, old), { force: true });
  }

  /** What a killed backup left in the backups folder (.part and its -journal). */
  function removeLeftovers(): void {
    if (!existsSync(backupsDir)) return;
    for (const name of readdirSync(backupsDir)) {
      if (!name.includes(`${PART}`)) continue;
      try {
        rmSync(path.join(backupsDir, name), { force: true, recursive: true });
      } catch {
        // tried again at the next start
      }
    }
  }

  return {
    create: backupTo,
    listAutomatic,
    removeLeftovers,
    prune,

    /** Taken at every start; only the newest seven are kept. */
    async automatic(): Promise<BackupInfo> {
      mkdirSync(backupsDir, { recursive: true });
      removeLeftovers();
      const made = await backupTo(path.join(backupsDir, `${AUTO_PREFIX}${stamp(ctx.now())}.sqlite`));
      prune();
      return made;
    },

    restore: (filePath: string) => restoreDatabase(ctx, filePath),
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
