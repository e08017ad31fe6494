// `npm run server -- backup` and `npm run server -- restore <folder>`: the same code the running server uses, from
// a shell. A backup may be made while the server runs (SQLite's backup API and pg_dump read consistent snapshots);
// a restore needs the server stopped.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import { DATABASE_FILE, type AppConfig } from '../../context';
import { migrateStore } from '../../store/migrate';
import { migrateDataStore } from '../../data/postgres/migrate';
import { openStore, type Store, type StoreConfig } from '../../store/store';
import { auditRepository } from '../../data/audit';
import { dataQueriesOn } from '../../data/queries';
import { dataQueriesOnPool } from '../../data/store';
import { BACKUP_ENTITY, describeServerCounts } from './audit';
import type { MadeBackup } from './make';
import type { ServerConfig } from '../config';
import { restoreServerBackup } from './restore';
import { createServerBackupService } from './service';

const formatSize = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The command's backup in the audit log, as the person running it: on the store's PostgreSQL, or through a
 * writable handle of its own on the data file (the backup's handle is read-only; a running server shares the file
 * in WAL mode).
 */
async function recordCommandBackup(app: AppConfig, store: Store, databasePath: string, made: MadeBackup): Promise<void> {
  const at = (app.now?.() ?? new Date()).toISOString();
  const entry = { actor: app.actor, action: 'create' as const, entity: BACKUP_ENTITY, entityKey: made.name, before: null, after: null, note: `命令行服务器备份：${made.folder}（${describeServerCounts(made.manifest.counts)}）` };
  if (store.kind === 'postgres') return auditRepository(dataQueriesOnPool(store)).record(entry, at);
  const db = new Database(databasePath, { fileMustExist: true, ...(app.nativeBinding ? { nativeBinding: app.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  try {
    await auditRepository(dataQueriesOn(db)).record(entry, at);
  } finally {
    db.close();
  }
}

export async function backupCommand(app: AppConfig, config: ServerConfig, storeConfig: StoreConfig, write: (line: string) => void): Promise<void> {
  // the app's data is in the SQLite file only beside a SQLite accounts store; on PostgreSQL it is in the store
  const databasePath = path.join(app.dataDir, DATABASE_FILE);
  if (storeConfig.kind === 'sqlite' && !existsSync(databasePath)) throw new AppFailure('invalid-input', `数据文件夹「${app.dataDir}」中没有 ${DATABASE_FILE}：服务器还没有启动过，或数据文件夹不对（--data-dir）。`);
  const appDb = storeConfig.kind === 'sqlite' ? new Database(databasePath, { readonly: true, fileMustExist: true, ...(app.nativeBinding ? { nativeBinding: app.nativeBinding } : {}) }) : null;
  const store = await openStore(storeConfig);
  try {
    // a store a newer version left is refused here, before anything is written
    await migrateStore(store);
    if (store.kind === 'postgres') await migrateDataStore(store);
    const now = app.now ?? (() => new Date());
    const service = createServerBackupService(
      () => ({ appDb, dataDir: app.dataDir, storeConfig, store, version: app.version, backupsDir: config.backups.backupsDir, now }),
      config.backups,
      now,
      (made) => recordCommandBackup(app, store, databasePath, made),
    );
    const made = await service.create();
    const { counts } = made.manifest;
    write(`服务器备份已完成：${made.folder}（${formatSize(made.sizeBytes)}）`);
    write(`账户 ${counts.users} 个，会话 ${counts.sessions} 个（恢复时不恢复会话）；保护名录 ${counts.marks} 条，命中 ${counts.hits} 条，函件 ${counts.letters} 件。保留最新 ${config.backups.keep} 份。`);
  } finally {
    appDb?.close();
    await store.close();
  }
}

export async function restoreCommand(folder: string | undefined, app: AppConfig, storeConfig: StoreConfig, write: (line: string) => void): Promise<void> {
  if (!folder) throw new AppFailure('invalid-input', '请给出要恢复的备份文件夹：npm run server -- restore <备份文件夹>');
  const result = await restoreServerBackup({ folder, app, storeConfig });
  const { counts, createdAt } = result.manifest;
  write(`已从服务器备份恢复（备份时间 ${createdAt}）：账户 ${counts.users} 个；保护名录 ${counts.marks} 条，命中 ${counts.hits} 条，函件 ${counts.letters} 件。`);
  if (result.previousAppDataAt) write(`恢复前的应用数据保存在「${result.previousAppDataAt}」。`);
  write('会话没有恢复：所有用户（包括管理员）需要重新登录，密码为备份时的密码。');
}
