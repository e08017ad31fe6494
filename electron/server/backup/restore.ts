// `npm run server -- restore <folder>`, with the server stopped. In order:
//   1. verify the manifest's hashes (a damaged backup is refused, nothing changed) and that the app copy opens;
//   2. the accounts: pg_restore --clean --single-transaction into the server's schema (one transaction: a failure
//      leaves the accounts as they were), or for a SQLite store a backup-API copy swapped in by rename;
//   3. the app data with the desktop's own restore (restore.ts: staged copy, journal, the old file kept in replaced/);
//      with the data on PostgreSQL it came back in step 2 (same schema, same dump, same transaction), and only the
//      images are written back into images/ (added, never removed). The letter numbers are raised above the
//      archive's at the server's next start (reconcileWithArchive), as after any start.
// Sessions are not restored (their rows are not in the dump): everyone logs in again.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { unpackImages } from '../../logos/backup-images';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import type { AppConfig } from '../../context';
import { removeDatabaseFiles } from '../../db/files';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { storeMigrations } from '../../store/migrate';
import { checkBackupFile } from '../../backup/service';
import { restoreDatabase } from '../../backup/restore';
import { startServices } from '../../startup';
import { dataQueriesOnPool } from '../../data/store';
import { openStore, type StoreConfig } from '../../store/store';
import { recordServerRestore } from './audit';
import { ACCOUNTS_DUMP_FILE, ACCOUNTS_SQLITE_FILE, APP_DATA_FILE, IMAGES_FILE, verifyServerBackup, type Manifest } from './manifest';
import { refuseWhileServerRuns } from './running-lock';
import { connectionFor, findPgTool, runTool } from './tools';

export interface ServerRestoreOptions {
  folder: string;
  app: AppConfig;
  storeConfig: StoreConfig;
  searchPath?: string;
}

export interface ServerRestoreResult {
  manifest: Manifest;
  /** where the app database that was replaced is kept; null when the data is on PostgreSQL (restored in place) */
  previousAppDataAt: string | null;
}

const NO_DIALOGS = { openFile: () => Promise.reject(new Error('no dialogs')), saveFile: () => Promise.reject(new Error('no dialogs')) };

async function restorePostgres(folder: string, manifest: Manifest, config: Extract<StoreConfig, { kind: 'postgres' }>, searchPath?: string): Promise<void> {
  const schema = config.schema ?? 'public';
  if (manifest.accounts.schema !== schema) {
    throw new AppFailure('invalid-input', `这份备份的账户在模式「${manifest.accounts.schema ?? ''}」中，本服务器使用模式「${schema}」：pg_restore 只能恢复到同名模式。未做任何更改。`);
  }
  const pgRestore = findPgTool('pg_restore', searchPath);
  const connection = connectionFor(config.url);
  try {
    await runTool(pgRestore, [
      '--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges',
      `--dbname=${connection.dbname}`, path.join(folder, ACCOUNTS_DUMP_FILE),
    ], connection.env);
  } catch (error) {
    throw new AppFailure('io', `恢复账户失败，账户数据库没有任何更改（整个恢复在一个事务中）：${error instanceof Error ? error.message : String(error)}`);
  }
}

async function restoreSqliteAccounts(folder: string, config: Extract<StoreConfig, { kind: 'sqlite' }>): Promise<void> {
  const staging = `${config.file}.restoring`;
  removeDatabaseFiles(staging);
  const source = new Database(path.join(folder, ACCOUNTS_SQLITE_FILE), { readonly: true, fileMustExist: true, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) });
  try {
    await source.backup(staging);
  } finally {
    source.close();
  }
  const copy = new Database(staging, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
  try {
    copy.prepare('DELETE FROM sessions').run(); // active sessions are not restored
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  // the server is stopped: the live file's -wal/-shm belong to the file being replaced
  for (const suffix of ['-wal', '-shm']) rmSync(`${config.file}${suffix}`, { force: true });
  renameSync(staging, config.file);
}

/** A backup from a newer MarkGuard is refused before the accounts are touched (its app data would be refused later). */
function refuseNewer(manifest: Manifest, kind: StoreConfig['kind']): void {
  const known = Object.keys(storeMigrations(kind));
  const accountsNewer = manifest.accounts.migration !== null && !known.includes(manifest.accounts.migration);
  if (manifest.appSchemaVersion > LATEST_SCHEMA_VERSION || accountsNewer) {
    throw new AppFailure('invalid-input', `这份备份由较新版本的商标守护（${manifest.markguardVersion}）制作，本版本无法恢复它：请先升级服务器程序。未做任何更改。`);
  }
}

/** Writes the backup's images into the data folder's images/ from a copy of the carrier (unpacking changes it). */
async function restoreImages(carrier: string, app: AppConfig): Promise<void> {
  const copy = path.join(app.dataDir, `${IMAGES_FILE}.restoring`);
  mkdirSync(app.dataDir, { recursive: true });
  copyFileSync(carrier, copy);
  try {
    await unpackImages(copy, app.dataDir, app.nativeBinding);
  } finally {
    rmSync(copy, { force: true });
  }
}

/**
 * Who restored, in the restored data's audit log: the person running the command (the server is stopped; no
 * session). The SQLite path's restoreDatabase writes its own entry the same way (ctx.config.actor = app.actor).
 */
async function recordRestoreOnPostgres(config: Extract<StoreConfig, { kind: 'postgres' }>, app: AppConfig, folder: string, manifest: Manifest): Promise<void> {
  const store = await openStore(config);
  try {
    await recordServerRestore(dataQueriesOnPool(store), app.actor, folder, manifest, (app.now?.() ?? new Date()).toISOString());
  } catch (error) {
    throw new AppFailure('io', `已从备份恢复，但写入审计记录失败：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await store.close();
  }
}

/** Restores a server backup; refuses a damaged one before anything changes. */
export async function restoreServerBackup(options: ServerRestoreOptions): Promise<ServerRestoreResult> {
  const folder = path.resolve(options.folder);
  if (!existsSync(folder)) throw new AppFailure('invalid-input', `找不到备份文件夹「${folder}」，未做任何更改。`);
  const manifest = await verifyServerBackup(folder);
  refuseWhileServerRuns(options.app.dataDir);
  if (manifest.accounts.kind !== options.storeConfig.kind) {
    throw new AppFailure('invalid-input', `这份备份的账户存储是 ${manifest.accounts.kind}，本服务器配置的是 ${options.storeConfig.kind}，未做任何更改。`);
  }
  refuseNewer(manifest, options.storeConfig.kind);
  const dataOnPostgres = options.storeConfig.kind === 'postgres';
  if (dataOnPostgres !== (manifest.appData === 'postgres')) {
    throw new AppFailure('invalid-input', manifest.appData === 'postgres'
      ? '这份备份的应用数据在 PostgreSQL 中，本服务器的应用数据在 SQLite 文件中：无法恢复到这里。未做任何更改。'
      : '这份备份由应用数据仍在 SQLite 文件中的旧版服务器制作，本服务器的应用数据在 PostgreSQL 中：无法直接恢复。未做任何更改。');
  }
  if (options.storeConfig.kind === 'postgres') {
    await restorePostgres(folder, manifest, options.storeConfig, options.searchPath);
    await restoreImages(path.join(folder, IMAGES_FILE), options.app);
    await recordRestoreOnPostgres(options.storeConfig, options.app, folder, manifest);
    return { manifest, previousAppDataAt: null };
  }
  const appData = path.join(folder, APP_DATA_FILE);
  checkBackupFile(appData, options.app.nativeBinding);
  await restoreSqliteAccounts(folder, options.storeConfig);
  const running = await startServices({ ...options.app, transport: 'server' }, NO_DIALOGS);
  try {
    const restored = await restoreDatabase(running.ctx, appData);
    return { manifest, previousAppDataAt: restored.previousKeptAt };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `账户已从备份恢复，但恢复应用数据失败：${reason}。请排除原因后再次运行同一条恢复命令（可以重复运行）。`);
  } finally {
    running.close();
  }
}
