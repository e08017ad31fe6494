// Everything a service needs: the open database and its query builder, the clock and who is acting.
// Restore swaps the database underneath, so services reach the data through the context each call, and pass
// `ctx.data` (or their transaction's `tx`) to the repositories.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { actingUser, actorName } from './accounts/acting-user';
import { LATEST_SCHEMA_VERSION, openDatabase, type Db } from './db/open';
import { dataQueriesOn, type DataQueries } from './data/queries';
import { dataQueriesOnPool, postgresLocation, type DataStoreChoice, type DataStoreLocation } from './data/store';
import type pg from 'pg';
import { settingsRepository } from './data/settings';
import { createJobManager, type JobManager } from './batches/jobs';
import { createFeaturesRefresh, type FeaturesRefresh } from './logos/features-refresh';
import { featuresPoolIn } from './logos/features-pool';
import { recoverInterruptedRestore } from './backup/restore-journal';

export interface AppConfig {
  dataDir: string;
  /** Folder holding sample-registry.csv and the letter templates. */
  seedsDir: string;
  /** better_sqlite3.node built for Electron's ABI when running inside Electron. */
  nativeBinding?: string;
  /**
   * Shown in the audit log and the letters as who acted (read at each use, see createAppContext): in server mode
   * the signed-in user of the request (electron/accounts/acting-user.ts); else the 经办人 set in 设置 when there is
   * one; else what the app was started with (the OS user's full name, electron/paths.ts).
   */
  actor: string;
  transport: 'electron' | 'web' | 'server';
  /** Folder of the bundled worker scripts (out/); without it long jobs run in the main thread (tests). */
  workerDir?: string;
  version: string;
  now?: () => Date;
  /** A FangSong .ttf for the letters' PDF body, tried before Windows' own simfang.ttf (tests; unusual machines). */
  fangSongFont?: string;
  /**
   * Where the app's data is: the SQLite file in the data folder (default, the desktop), or the server's PostgreSQL
   * store (electron/data/store.ts), opened and migrated by whoever starts the services (electron/server/start.ts).
   */
  dataStore?: DataStoreChoice;
}

export interface AppContext {
  readonly config: AppConfig;
  /** The SQLite file of the data folder (the file itself exists only when the data is on SQLite). */
  readonly databasePath: string;
  /** the name the app was started with (the OS user's), used when 设置 has no 经办人 */
  readonly systemActor: string;
  /** where the data is: what a worker is told to open its own connection on */
  readonly dataStore: DataStoreLocation;
  /**
   * The SQLite handle of the data, or null when the data is on PostgreSQL. Only what is file-level SQLite needs it:
   * the backups and restore (electron/backup/, refused on PostgreSQL), app.info's schema version, the SQLite sinks
   * of an import's rows and screening's hits. Everything else goes through `data`.
   */
  readonly sqlite: Db | null;
  /** the pg pool under `data` on PostgreSQL (the bulk sinks write COPY through its clients); null on SQLite */
  readonly pool: pg.Pool | null;
  /**
   * `sqlite` for code that only ever runs on the SQLite file (tests, the crash harness): reading it on PostgreSQL
   * throws. Code that runs on both stores reads `sqlite` and handles null.
   */
  readonly db: Db;
  /** the query builder over the data (electron/data/queries.ts): on the SQLite handle, or on the PostgreSQL pool */
  readonly data: DataQueries;
  /** The app's one job manager (imports, screening): a restore or a close stops its jobs first. */
  readonly jobs: JobManager;
  /** Stored image features of an older version computed again (logos/features-refresh.ts); started by startServices. */
  readonly imageFeatures: FeaturesRefresh;
  /** What the clerk must be told once at start: an interrupted restore undone, a backup that failed. */
  readonly notices: string[];
  /** ISO timestamp from the context's clock. */
  now(): string;
  /**
   * Reads the 经办人 of 设置 from the file again into memory, where ctx.config.actor takes it from synchronously.
   * Done at start (startServices) and by every reopen; the operator service hands a new one over at once.
   */
  loadOperator(): Promise<void>;
  /** Keeps the 经办人 just written to 设置 ('' when cleared) as the one ctx.config.actor answers with. */
  rememberOperator(name: string): void;
  /**
   * Closes the database (when open) and opens the file again (after a restore; again after its rollback). On
   * PostgreSQL there is no file: it only reads the 经办人 again.
   */
  reopen(): Promise<void>;
  /** false after close, and while a restore has the file closed */
  isOpen(): boolean;
  close(): void;
}

export const DATABASE_FILE = 'markguard.sqlite';
/** settings key of the 经办人 a clerk sets in 设置 */
export const OPERATOR_SETTING = 'operator';
export { LATEST_SCHEMA_VERSION };

interface OpenedData {
  db: Db | null;
  data: DataQueries;
  /** the 经办人 of 设置 as last read or written ('' for none), read again by loadOperator */
  operator: string;
  remembered: number;
  /** false once closed: nothing is read from it any more */
  open: () => boolean;
}

export function createAppContext(config: AppConfig): AppContext {
  mkdirSync(config.dataDir, { recursive: true });
  const databasePath = path.join(config.dataDir, DATABASE_FILE);
  const choice = config.dataStore ?? { kind: 'sqlite' };
  const notices: string[] = [];
  let postgresOpen = true;
  let open: () => OpenedData;
  let dataStore: DataStoreLocation;
  if (choice.kind === 'postgres') {
    dataStore = postgresLocation(choice.config);
    // the pool belongs to the store (the server closes it); the context only stops using it
    const data = dataQueriesOnPool(choice.store);
    open = () => ({ db: null, data, operator: '', remembered: 0, open: () => postgresOpen });
  } else {
    dataStore = { kind: 'sqlite', path: databasePath, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) };
    // Before anything opens the file: a restore cut off between its renames leaves no database at this path, and
    // opening it would create an empty one (then seeded with the sample) while the real data sits aside.
    const recovered = recoverInterruptedRestore(config.dataDir, databasePath);
    if (recovered) notices.push(recovered);
    open = () => {
      const db = openDatabase(databasePath, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
      return { db, data: dataQueriesOn(db), operator: '', remembered: 0, open: () => db.open };
    };
  }
  const pool = choice.kind === 'postgres' ? (choice.store.pool ?? null) : null;
  let state = open();
  const loadOperator = async (): Promise<void> => {
    const opened = state;
    if (!opened.open()) return;
    const remembered = opened.remembered;
    const stored = await settingsRepository(opened.data).get<string>(OPERATOR_SETTING);
    // a name handed over meanwhile is newer than what this read found
    if (opened.remembered === remembered) opened.operator = typeof stored === 'string' ? stored.trim() : '';
  };
  const clock = config.now ?? (() => new Date());
  const startedAs = config.actor;
  // Every service reads ctx.config.actor when it records who acted; the 经办人 of 设置 wins over the start-up name
  // without each of them knowing about settings.
  const liveConfig: AppConfig = Object.defineProperty({ ...config }, 'actor', {
    enumerable: true,
    get: () => {
      // server mode: the signed-in user of the request being served (electron/accounts/acting-user.ts)
      const user = actingUser();
      if (user) return actorName(user);
      // a closed context (after close, or a config handed on to the next start) answers with the start-up name
      if (!state.open()) return startedAs;
      return state.operator !== '' ? state.operator : startedAs;
    },
  });
  const ctx: AppContext = {
    config: liveConfig,
    databasePath,
    systemActor: startedAs,
    notices,
    get jobs() {
      return jobs;
    },
    get imageFeatures() {
      return imageFeatures;
    },
    dataStore,
    pool,
    get sqlite() {
      return state.db;
    },
    get db() {
      if (!state.db) throw new Error('内部错误：数据在 PostgreSQL 上，没有 SQLite 数据文件');
      return state.db;
    },
    get data() {
      return state.data;
    },
    now: () => clock().toISOString(),
    loadOperator,
    rememberOperator(name) {
      state.operator = name.trim();
      state.remembered += 1;
    },
    async reopen() {
      if (state.db?.open) state.db.close();
      if (state.db) state = open();
      await loadOperator();
    },
    isOpen: () => state.open(),
    close() {
      if (state.db?.open) state.db.close();
      postgresOpen = false;
    },
  };
  const jobs = createJobManager(ctx, config.workerDir ? { workerDir: config.workerDir } : {});
  const imageFeatures = createFeaturesRefresh(ctx, () => featuresPoolIn(config.workerDir));
  // Started here so that every context has it a moment later; startServices waits for it before serving. A context
  // closed at once (a test) has nothing to read, which is no error.
  loadOperator().catch(() => undefined);
  return ctx;
}
