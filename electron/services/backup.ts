// Backup with SQLite's online backup API, restore with checks first, and a rolling automatic backup at start.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo } from '../../shared/api';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { openDatabase, schemaVersionOf } from '../db/open';

export const AUTOMATIC_BACKUPS_KEPT = 7;
const AUTO_PREFIX = 'auto-';

function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, '');
}

function info(filePath: string): BackupInfo {
  const stat = statSync(filePath);
  return { path: filePath, fileName: path.basename(filePath), sizeBytes: stat.size, createdAt: stat.mtime.toISOString() };
}

/** Checks that a file is a sound MarkGuard database this version can open; says in Chinese why not. */
export function checkBackupFile(filePath: string, nativeBinding?: string): { markCount: number; version: number } {
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
    const { n } = db.prepare('SELECT count(*) AS n FROM protected_marks').get() as { n: number };
    return { markCount: n, version };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('invalid-input', `「${path.basename(filePath)}」不是商标守护的备份文件`);
  } finally {
    db.close();
  }
}

export function createBackupService(ctx: AppContext) {
  const backupsDir = path.join(ctx.config.dataDir, 'backups');
  const replacedDir = path.join(ctx.config.dataDir, 'replaced');

  async function backupTo(filePath: string): Promise<BackupInfo> {
    const temporary = `${filePath}.part`;
    try {
      await ctx.db.backup(temporary);
      await rename(temporary, filePath);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new AppFailure('io', `备份失败：${error instanceof Error ? error.message : String(error)}`);
    }
    return info(filePath);
  }

  function listAutomatic(): BackupInfo[] {
    if (!existsSync(backupsDir)) return [];
    return readdirSync(backupsDir)
      .filter((name) => name.startsWith(AUTO_PREFIX) && name.endsWith('.sqlite'))
      .sort()
      .reverse()
      .map((name) => info(path.join(backupsDir, name)));
  }

  return {
    create: backupTo,
    listAutomatic,

    /** Taken at every start; only the newest seven are kept. */
    async automatic(): Promise<BackupInfo> {
      mkdirSync(backupsDir, { recursive: true });
      const made = await backupTo(path.join(backupsDir, `${AUTO_PREFIX}${stamp(ctx.now())}.sqlite`));
      for (const old of listAutomatic().slice(AUTOMATIC_BACKUPS_KEPT)) rmSync(old.path, { force: true });
      return made;
    },

    /** Replaces the database with a checked backup; the current database is moved aside, never deleted. */
    restore(filePath: string) {
      checkBackupFile(filePath, ctx.config.nativeBinding);
      mkdirSync(replacedDir, { recursive: true });
      const previousKeptAt = path.join(replacedDir, `before-restore-${stamp(ctx.now())}.sqlite`);
      const staging = `${ctx.databasePath}.restoring`;
      copyFileSync(filePath, staging);
      ctx.close();
      renameSync(ctx.databasePath, previousKeptAt);
      for (const suffix of ['-wal', '-shm']) rmSync(`${ctx.databasePath}${suffix}`, { force: true });
      renameSync(staging, ctx.databasePath);
      ctx.reopen();
      ctx.audit.record(
        {
          actor: ctx.config.actor,
          action: 'restore',
          entity: 'database',
          entityKey: path.basename(filePath),
          before: null,
          after: null,
          note: `从「${filePath}」恢复；原数据库保存在「${previousKeptAt}」`,
        },
        ctx.now(),
      );
      return { restoredFrom: filePath, previousKeptAt, markCount: ctx.marks.count() };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
