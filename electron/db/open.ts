// Opens the application database: WAL, foreign keys, numbered migrations, and a refusal to touch a database
// written by a newer version of the program (its schema may mean things this version does not know).
import Database from 'better-sqlite3';
import { AppFailure } from '../../shared/result';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI); Node's build otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
  migrations?: readonly Migration[];
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function openDatabase(filePath: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const db = new Database(filePath, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    const version = schemaVersionOf(db);
    if (version > migrations.length) {
      throw new AppFailure(
        'unsupported',
        `数据库由更新版本的商标守护创建（数据库版本 ${version}，本程序支持到 ${migrations.length}），` +
          '为避免损坏数据已拒绝打开。请安装最新版本的商标守护后再打开。',
      );
    }
    if (options.readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = schemaVersionOf(db);
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    if (migration.version !== version + 1) {
      throw new Error(`migration ${migration.version} (${migration.name}) is out of order after ${version}`);
    }
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    version = migration.version;
  }
  return version;
}

export { LATEST_SCHEMA_VERSION };
