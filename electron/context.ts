// Everything a service needs: the open database, its repositories, the clock and who is acting.
// Restore swaps the database underneath, so services reach the repositories through the context each call.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, openDatabase, type Db } from './db/open';
import { createAuditRepository, type AuditRepository } from './db/repositories/audit';
import { createMarksRepository, type MarksRepository } from './db/repositories/marks';
import { createSettingsRepository, type SettingsRepository } from './db/repositories/settings';

export interface AppConfig {
  dataDir: string;
  /** Folder holding sample-registry.csv and the letter templates. */
  seedsDir: string;
  /** better_sqlite3.node built for Electron's ABI when running inside Electron. */
  nativeBinding?: string;
  /**
   * Shown in the audit log and the letters as who acted: the 经办人 set in 设置 when there is one (read at each
   * use, see createAppContext), else what the app was started with (the OS user's full name, electron/paths.ts).
   */
  actor: string;
  transport: 'electron' | 'web';
  /** Folder of the bundled worker scripts (out/); without it long jobs run in the main thread (tests). */
  workerDir?: string;
  version: string;
  now?: () => Date;
  /** A FangSong .ttf for the letters' PDF body, tried before Windows' own simfang.ttf (tests; unusual machines). */
  fangSongFont?: string;
}

export interface AppContext {
  readonly config: AppConfig;
  readonly databasePath: string;
  /** the name the app was started with (the OS user's), used when 设置 has no 经办人 */
  readonly systemActor: string;
  readonly db: Db;
  readonly marks: MarksRepository;
  readonly audit: AuditRepository;
  readonly settings: SettingsRepository;
  /** ISO timestamp from the context's clock. */
  now(): string;
  /** Closes the database and opens the file again (after a restore). */
  reopen(): void;
  close(): void;
}

export const DATABASE_FILE = 'markguard.sqlite';
/** settings key of the 经办人 a clerk sets in 设置 */
export const OPERATOR_SETTING = 'operator';
export { LATEST_SCHEMA_VERSION };

export function createAppContext(config: AppConfig): AppContext {
  mkdirSync(config.dataDir, { recursive: true });
  const databasePath = path.join(config.dataDir, DATABASE_FILE);
  const open = () => {
    const db = openDatabase(databasePath, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
    return { db, marks: createMarksRepository(db), audit: createAuditRepository(db), settings: createSettingsRepository(db) };
  };
  let state = open();
  const clock = config.now ?? (() => new Date());
  const startedAs = config.actor;
  // Every service reads ctx.config.actor when it records who acted; the 经办人 of 设置 wins over the start-up name
  // without each of them knowing about settings.
  const liveConfig: AppConfig = Object.defineProperty({ ...config }, 'actor', {
    enumerable: true,
    get: () => {
      const set = state.settings.get<string>(OPERATOR_SETTING);
      return typeof set === 'string' && set.trim() !== '' ? set.trim() : startedAs;
    },
  });
  return {
    config: liveConfig,
    databasePath,
    systemActor: startedAs,
    get db() {
      return state.db;
    },
    get marks() {
      return state.marks;
    },
    get audit() {
      return state.audit;
    },
    get settings() {
      return state.settings;
    },
    now: () => clock().toISOString(),
    reopen() {
      state.db.close();
      state = open();
    },
    close() {
      if (state.db.open) state.db.close();
    },
  };
}
