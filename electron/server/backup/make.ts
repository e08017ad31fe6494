// Making a server backup (manifest.ts describes the folder). The app's data is copied with SQLite's backup API and
// its images packed in (the desktop's own code); the accounts with pg_dump (custom format, the server's schema,
// sessions' rows left out: everyone logs in again after a restore) or, for a SQLite store, the backup API.
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import { syncFolder } from '../../db/files';
import type { Db } from '../../db/open';
import { packImages } from '../../logos/backup-images';
import { backupFailure, checkBackupFile, copyDatabase } from '../../backup/service';
import type { Store, StoreConfig } from '../../store/store';
import {
  ACCOUNTS_DUMP_FILE, ACCOUNTS_SQLITE_FILE, APP_DATA_FILE, MANIFEST_FILE, PART_SUFFIX, SERVER_BACKUP_PREFIX,
  describePart, verifyServerBackup, type Manifest,
} from './manifest';
import { connectionFor, findPgTool, runTool } from './tools';

export interface ServerBackupSources {
  /** the server's app database (the live connection, or a read-only one from the command line) */
  appDb: Db;
  /** the server's data folder (its images/) */
  dataDir: string;
  nativeBinding?: string;
  storeConfig: StoreConfig;
  store: Store;
  version: string;
  backupsDir: string;
  now: () => Date;
  /** where pg_dump is looked for (PATH by default; tests take it away) */
  searchPath?: string;
}

export interface MadeBackup {
  folder: string;
  name: string;
  createdAt: string;
  sizeBytes: number;
  manifest: Manifest;
}

export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, '');
}

function countTable(db: Db, table: string): number {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return has ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
}

async function accountsFacts(store: Store): Promise<{ users: number; sessions: number; migration: string | null }> {
  const users = await store.db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const sessions = await store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const newest = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(store.db);
  return { users: Number(users.n), sessions: Number(sessions.n), migration: newest.rows[0]?.name ?? null };
}

async function dumpAccounts(sources: ServerBackupSources, folder: string): Promise<string> {
  const config = sources.storeConfig;
  if (config.kind === 'sqlite') {
    const source = new Database(config.file, { fileMustExist: true, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) });
    try {
      await source.backup(path.join(folder, ACCOUNTS_SQLITE_FILE));
    } finally {
      source.close();
    }
    return ACCOUNTS_SQLITE_FILE;
  }
  const pgDump = findPgTool('pg_dump', sources.searchPath);
  const schema = config.schema ?? 'public';
  const connection = connectionFor(config.url);
  await runTool(pgDump, [
    '--format=custom', '--no-owner', '--no-privileges',
    `--schema=${schema}`, `--exclude-table-data=${schema}.sessions`,
    `--file=${path.join(folder, ACCOUNTS_DUMP_FILE)}`, `--dbname=${connection.dbname}`,
  ], connection.env);
  return ACCOUNTS_DUMP_FILE;
}

function freeName(backupsDir: string, date: Date): string {
  const base = `${SERVER_BACKUP_PREFIX}${backupStamp(date)}`;
  let name = base;
  for (let n = 2; existsSync(path.join(backupsDir, name)) || existsSync(path.join(backupsDir, name + PART_SUFFIX)); n++) name = `${base}-${n}`;
  return name;
}

export function folderSize(folder: string): number {
  return readdirSync(folder).reduce((sum, file) => sum + statSync(path.join(folder, file)).size, 0);
}

/** Writes a server backup, checks it (hashes read back, the app copy opened, the dump listed) and only then names it. */
export async function makeServerBackup(sources: ServerBackupSources): Promise<MadeBackup> {
  const when = sources.now();
  mkdirSync(sources.backupsDir, { recursive: true });
  const name = freeName(sources.backupsDir, when);
  const partFolder = path.join(sources.backupsDir, name + PART_SUFFIX);
  const folder = path.join(sources.backupsDir, name);
  mkdirSync(partFolder);
  try {
    // pg_dump is looked for before anything is copied, so a missing one costs nothing
    if (sources.storeConfig.kind === 'postgres') findPgTool('pg_dump', sources.searchPath);
    const accounts = await accountsFacts(sources.store);
    await copyDatabase(sources.appDb, path.join(partFolder, APP_DATA_FILE), (copy) => packImages(copy, sources.dataDir, sources.nativeBinding));
    const accountsFile = await dumpAccounts(sources, partFolder);
    const checked = checkBackupFile(path.join(partFolder, APP_DATA_FILE), sources.nativeBinding);
    const copy = new Database(path.join(partFolder, APP_DATA_FILE), { readonly: true, ...(sources.nativeBinding ? { nativeBinding: sources.nativeBinding } : {}) });
    let hits: number;
    try {
      hits = countTable(copy, 'hits');
    } finally {
      copy.close();
    }
    const manifest: Manifest = {
      format: 'markguard-server-backup',
      formatVersion: 1,
      createdAt: when.toISOString(),
      markguardVersion: sources.version,
      appSchemaVersion: checked.version,
      accounts: {
        kind: sources.storeConfig.kind,
        schema: sources.storeConfig.kind === 'postgres' ? (sources.storeConfig.schema ?? 'public') : null,
        migration: accounts.migration,
      },
      counts: { users: accounts.users, sessions: accounts.sessions, marks: checked.counts.marks, hits, letters: checked.counts.letters },
      parts: [await describePart(partFolder, APP_DATA_FILE), await describePart(partFolder, accountsFile)],
    };
    writeFileSync(path.join(partFolder, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await verifyServerBackup(partFolder);
    if (sources.storeConfig.kind === 'postgres') {
      // the dump must be one pg_restore can read; --list reads its table of contents
      await runTool(findPgTool('pg_restore', sources.searchPath), ['--list', path.join(partFolder, ACCOUNTS_DUMP_FILE)]);
    }
    syncFolder(partFolder);
    renameSync(partFolder, folder);
    syncFolder(sources.backupsDir);
    return { folder, name, createdAt: manifest.createdAt, sizeBytes: folderSize(folder), manifest };
  } catch (error) {
    rmSync(partFolder, { recursive: true, force: true });
    if (error instanceof AppFailure) throw error;
    throw backupFailure(error);
  }
}

/** The finished server backups in a folder, newest first (.part folders are not backups). */
export function listServerBackups(backupsDir: string): string[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(SERVER_BACKUP_PREFIX) && !entry.name.endsWith(PART_SUFFIX))
    .map((entry) => entry.name)
    .sort()
    .reverse();
}
