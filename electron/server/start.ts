// Starting the server: the accounts store (migrated), the first 管理员, the certificate, the app's services with
// the real accounts handlers, and the HTTPS front. With a PostgreSQL store the app's data lives beside the accounts
// (same database, same schema, same pool; its own migrations); with a `sqlite:` store the data stays in the
// SQLite file of the data folder, as on the desktop. The command (electron/server/main.ts) and the tests start it
// the same way.
import { auditRepository } from '../data/audit';
import { createAccountsHandlers } from '../accounts/handlers';
import type { SessionPolicy } from '../accounts/policy';
import { createAccountsRepository } from '../accounts/repository';
import { createAccountsService, type AccountsService } from '../accounts/service';
import type { AppConfig } from '../context';
import { actingUser } from '../accounts/acting-user';
import type { InterruptedBatch } from '../batches/jobs';
import { startServices, type RunningServices } from '../startup';
import { migrateStore } from '../store/migrate';
import { migrateDataStore } from '../data/postgres/migrate';
import type { DataStoreChoice } from '../data/store';
import { openStore, type Store, type StoreConfig } from '../store/store';
import { loadCertificate, type ServerCertificate } from './certificate';
import { startHttpsServer } from './https-server';
import { createTransfers } from './transfers';
import { createServerBackupHandlers } from './backup/handlers';
import { markServerRunning } from './backup/running-lock';
import { createServerBackupService, type ServerBackupService, type ServerBackupSettings } from './backup/service';
import { recordServerBackup } from './backup/audit';
import { DEFAULT_BACKUPS_KEPT } from './config';
import path from 'node:path';

export { NO_DIALOGS_MESSAGE } from './transfers';

export interface ServerStartOptions {
  app: AppConfig;
  store: StoreConfig;
  host: string;
  port: number;
  rendererDir: string;
  tls: { certFile: string; keyFile: string } | null;
  sessions: SessionPolicy;
  /** the accounts' clock; tests move it to end sessions and locks */
  accountsNow?: () => Date;
  /** server backups; by default in the data folder's backups/, not scheduled, the newest 14 kept */
  backups?: ServerBackupSettings;
  /** where pg_dump and pg_restore are looked for (PATH by default) */
  toolsPath?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  certificate: ServerCertificate;
  /** the first 管理员's one-time password, when this start created it (print it once) */
  firstAdmin: { login: string; password: string } | null;
  accounts: AccountsService;
  store: Store;
  services: RunningServices;
  backups: ServerBackupService;
  /** the imports and screenings the last run left unfinished, taken up again at this start (or why not) */
  resumed: ResumedBatch[];
  close(): Promise<void>;
}

export interface ResumedBatch extends InterruptedBatch {
  /** null when it runs again, otherwise why it could not (its uploaded file is gone, …) */
  problem: string | null;
}

/**
 * No clerk sits at a server to press 继续导入 after a crash or a power cut, and the clerk who started the import may
 * never look again: the server takes every interrupted batch up where it stopped (an import from its last whole
 * chunk, from the uploaded file it kept), as the clerk's 继续导入 or 重新筛查 would.
 */
async function resumeInterrupted(running: RunningServices): Promise<ResumedBatch[]> {
  const resumed: ResumedBatch[] = [];
  for (const batch of running.interrupted) {
    const answer =
      batch.was === 'importing'
        ? await running.dispatch('batches.resume', { batchId: batch.id })
        : await running.dispatch('batches.rescreen', { batchId: batch.id });
    resumed.push({ ...batch, problem: answer.ok ? null : answer.error.message });
  }
  return resumed;
}

/** Chosen files kept for every clerk at once, each bound to its session. */
const SERVER_FILE_GRANTS = 4096;

/** The server's backups over its app database (read at each backup: a restore reopens it) and accounts store. */
function serverBackups(options: ServerStartOptions, store: Store, ctx: () => RunningServices['ctx']): ServerBackupService {
  const settings = options.backups ?? { backupsDir: path.join(options.app.dataDir, 'backups'), dailyAt: null, keep: DEFAULT_BACKUPS_KEPT };
  const now = options.app.now ?? (() => new Date());
  return createServerBackupService(
    () => ({
      // null when the data is on the store's PostgreSQL: the store's pg_dump takes it with the accounts
      appDb: ctx().sqlite,
      dataDir: options.app.dataDir,
      ...(options.app.nativeBinding ? { nativeBinding: options.app.nativeBinding } : {}),
      storeConfig: options.store,
      store,
      version: options.app.version,
      backupsDir: settings.backupsDir,
      now,
      ...(options.toolsPath !== undefined ? { searchPath: options.toolsPath } : {}),
    }),
    settings,
    now,
    (made, occasion) => recordServerBackup(ctx(), made, occasion),
  );
}

/** The data on the store's PostgreSQL, migrated (migrateDataStore); on a SQLite store, the data folder's file. */
async function dataStoreOf(config: StoreConfig, store: Store): Promise<DataStoreChoice> {
  if (config.kind !== 'postgres') return { kind: 'sqlite' };
  await migrateDataStore(store);
  return { kind: 'postgres', store, config };
}

export async function startServer(options: ServerStartOptions): Promise<RunningServer> {
  const store = await openStore(options.store);
  let services: RunningServices | undefined;
  try {
    await migrateStore(store);
    const dataStore = await dataStoreOf(options.store, store);
    const accounts = createAccountsService({
      // the app's audit log is opened below; account changes only happen once requests are served
      audit: async (change) => {
        const ctx = services?.ctx;
        if (!ctx) return;
        await auditRepository(ctx.data).record(
          { actor: ctx.config.actor, action: change.action, entity: 'user', entityKey: change.login, before: null, after: null, note: change.note },
          ctx.now(),
        );
      },
      notice: (message) => console.error(`[markguard] ${message}`),
      repo: createAccountsRepository(store.db),
      sessions: options.sessions,
      ...(options.accountsNow ? { now: options.accountsNow } : {}),
    });
    const certificate = await loadCertificate(options.app.dataDir, options.tls);
    let ctxOf: () => RunningServices['ctx'] = () => {
      throw new Error('services not started');
    };
    const backups = serverBackups(options, store, () => ctxOf());
    const transfers = createTransfers(options.app.dataDir);
    const running = await startServices(
      { ...options.app, transport: 'server', dataStore },
      transfers.dialogs,
      { ...createAccountsHandlers(accounts), ...createServerBackupHandlers(backups) },
      { owner: () => actingUser()?.session, max: SERVER_FILE_GRANTS },
    );
    services = running;
    ctxOf = () => running.ctx;
    backups.start((message) => console.error(`[markguard] ${message}`));
    // after the services, so that the audit log records it (as the person who started the server)
    const firstAdmin = await accounts.createFirstAdmin();
    const resumed = await resumeInterrupted(running);
    const front = await startHttpsServer({
      dispatch: running.dispatch,
      accounts,
      files: running.files,
      transfers,
      rendererDir: options.rendererDir,
      tls: certificate,
      host: options.host,
      port: options.port,
    });
    const unmark = markServerRunning(options.app.dataDir);
    const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
    return {
      url: `https://${shownHost}:${front.port}/`,
      port: front.port,
      certificate,
      firstAdmin,
      accounts,
      store,
      services: running,
      backups,
      resumed,
      async close() {
        await front.close();
        await backups.stop();
        unmark();
        // the jobs write through the store's pool (data on PostgreSQL): they stop before it closes
        await running.ctx.jobs.stopAll();
        running.close();
        await store.close();
      },
    };
  } catch (error) {
    services?.close();
    await store.close();
    throw error;
  }
}
