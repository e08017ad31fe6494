// Making a server backup (manifest.ts describes the folder). The app's data in its SQLite file is copied with
// SQLite's backup API and its images packed in (the desktop's own code); the accounts with pg_dump (custom format,
// the server's schema, sessions' rows left out: everyone logs in again after a restore) or, for a SQLite store, the
// backup API. With the data on PostgreSQL it is in the same schema, so the one pg_dump takes data and accounts in
// one snapshot, and the images go into images.sqlite (read after the dump: images are never deleted, so every
// image a dumped row names is among them).
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
import { dataQueriesOnPool } from '../../data/store';
import { DATA_MIGRATION_TABLE } from '../../data/postgres/migrate';
import {
  ACCOUNTS_DUMP_FILE, ACCOUNTS_SQLITE_FILE, APP_DATA_FILE, IMAGES_FILE, MANIFEST_FILE, PART_SUFFIX, SERVER_BACKUP_PREFIX,
  describePart, verifyServerBackup, type Manifest,
} from './manifest';
import { connectionFor, findPgTool, runTool } from './tools';

export interface ServerBackupSources {
  /**
   * the server's app database (the live connection, or a read-only one from the command line); null when the data
   * is on the store's PostgreSQL (the server's schema holds both)
   */
  appDb: Db | null;
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

interface AppDataPart {
  /** app-data.sqlite, or images.sqlite beside a dump that holds the data */
  file: string;
  /** the dump, when making this part already wrote it */
  accountsFile?: string;
  schemaVersion: number;
  counts: { marks: number; hits: number; letters: number };
}

async function copySqliteData(sources: ServerBackupSources, appDb: Db, partFolder: string): Promise<AppDataPart> {
  await copyDatabase(appDb, path.join(partFolder, APP_DATA_FILE), (copy) => packImages(copy, sources.dataDir, sources.nativeBinding));
  const checked = checkBackupFile(path.join(partFolder, APP_DATA_FILE), sources.nativeBinding);
  const copy = new Database(path.join(partFolder, APP_DATA_FILE), { readonly: true, ...(sources.nativeBinding ? { nativeBinding: sources.nativeBinding } : {}) });
  try {
    return { file: APP_DATA_FILE, schemaVersion: checked.version, counts: { marks: checked.counts.marks, hits: countTable(copy, 'hits'), letters: checked.counts.letters } };
  } finally {
    copy.close();
  }
}

/** The data on PostgreSQL: the counts, the dump (data and accounts in one snapshot), then the images it names. */
async function dumpedPostgresData(sources: ServerBackupSources, partFolder: string): Promise<AppDataPart> {
  if (sources.storeConfig.kind !== 'postgres') throw new Error('内部错误：应用数据不在 SQLite 文件中时，账户存储必须是 PostgreSQL');
  const data = dataQueriesOnPool(sources.store);
  const count = async (table: 'protected_marks' | 'hits' | 'letters') =>
    Number((await data.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = { marks: await count('protected_marks'), hits: await count('hits'), letters: await count('letters') };
  const newest = await sql<{ name: string }>`select name from ${sql.table(DATA_MIGRATION_TABLE)} order by name desc limit 1`.execute(data);
  const accountsFile = await dumpAccounts(sources, partFolder);
  const images = await data.selectFrom('images').select(['sha256', 'format']).execute();
  await writeImagesCarrier(path.join(partFolder, IMAGES_FILE), images, sources);
  return { file: IMAGES_FILE, accountsFile, schemaVersion: Number.parseInt(newest.rows[0]?.name ?? '0', 10), counts };
}

/** A SQLite file with the images' rows, their bytes packed in by the desktop backup's own packImages. */
async function writeImagesCarrier(file: string, images: readonly { sha256: string; format: string }[], sources: ServerBackupSources): Promise<void> {
  const carrier = new Database(file, sources.nativeBinding ? { nativeBinding: sources.nativeBinding } : {});
  try {
    carrier.exec('CREATE TABLE images (sha256 TEXT PRIMARY KEY, format TEXT NOT NULL)');
    const insert = carrier.prepare('INSERT INTO images (sha256, format) VALUES (?, ?)');
    carrier.transaction(() => {
      for (const image of images) insert.run(image.sha256, image.format);
    })();
  } finally {
    carrier.close();
  }
  await packImages(file, sources.dataDir, sources.nativeBinding);
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
    const app = sources.appDb ? await copySqliteData(sources, sources.appDb, partFolder) : await dumpedPostgresData(sources, partFolder);
    const accountsFile = app.accountsFile ?? (await dumpAccounts(sources, partFolder));
    const manifest: Manifest = {
      format: 'markguard-server-backup',
      formatVersion: 1,
      createdAt: when.toISOString(),
      markguardVersion: sources.version,
      appSchemaVersion: app.schemaVersion,
      appData: sources.appDb ? 'sqlite' : 'postgres',
      accounts: {
        kind: sources.storeConfig.kind,
        schema: sources.storeConfig.kind === 'postgres' ? (sources.storeConfig.schema ?? 'public') : null,
        migration: accounts.migration,
      },
      counts: { users: accounts.users, sessions: accounts.sessions, ...app.counts },
      parts: [await describePart(partFolder, app.file), await describePart(partFolder, accountsFile)],
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
