// The server's backups while it runs: made on demand by a 管理员 (serverBackup.create) and daily at the time
// server.json sets (backups.dailyAt, the server's local time), keeping the newest `keep`. Older backups are removed
// only after a new one was written and verified — a failed backup removes nothing. One backup at a time.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ServerBackupStatus, ServerBackupSummary } from '../../../shared/contract/server-backup';
import { PART_SUFFIX, SERVER_BACKUP_PREFIX } from './manifest';
import { folderSize, listServerBackups, makeServerBackup, type MadeBackup, type ServerBackupSources } from './make';

/** a failed scheduled backup is tried again after this long (not every minute) */
export const RETRY_AFTER_MS = 60 * 60_000;

export interface ServerBackupSettings {
  backupsDir: string;
  /** HH:MM, or null: no scheduled backups */
  dailyAt: string | null;
  keep: number;
}

/** server-20261201-020000 → its time (the stamp is UTC); null for another name. */
export function stampedTime(name: string): Date | null {
  const m = /^server-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?$/.exec(name);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

/** Today's scheduled moment by the server's local clock. */
export function slotOf(now: Date, dailyAt: string): Date {
  const [hours, minutes] = dailyAt.split(':').map(Number);
  const slot = new Date(now);
  slot.setHours(hours ?? 0, minutes ?? 0, 0, 0);
  return slot;
}

/** A scheduled backup is due when today's moment has passed and no backup was made since. */
export function isDue(now: Date, dailyAt: string, newest: Date | null): boolean {
  const slot = slotOf(now, dailyAt);
  return now >= slot && (newest === null || newest < slot);
}

function summary(backupsDir: string, name: string): ServerBackupSummary {
  const folder = path.join(backupsDir, name);
  return { name, createdAt: (stampedTime(name) ?? new Date(0)).toISOString(), sizeBytes: folderSize(folder) };
}

/** How a backup came to be made: on a 管理员's request (serverBackup.create, the command) or by the schedule. */
export type BackupOccasion = 'requested' | 'scheduled';

/**
 * Records a verified backup (the running server writes an audit entry: who asked for it, from the request's user).
 * Its failure is logged, not the backup's: the backup is made and kept.
 */
export type BackupRecorder = (made: MadeBackup, occasion: BackupOccasion) => Promise<void>;

export function createServerBackupService(
  sources: () => ServerBackupSources,
  settings: ServerBackupSettings,
  now: () => Date,
  record: BackupRecorder = () => Promise.resolve(),
) {
  let running: Promise<MadeBackup> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastFailure: { at: string; message: string } | null = null;

  /** Keeps the newest `keep` backups; called only after a new one was verified. */
  function prune(): string[] {
    const removed = listServerBackups(settings.backupsDir).slice(settings.keep);
    for (const name of removed) rmSync(path.join(settings.backupsDir, name), { recursive: true, force: true });
    return removed;
  }

  /** What a killed backup left (.part folders); run at start, never while a backup is being written. */
  function removeLeftovers(): void {
    if (!existsSync(settings.backupsDir)) return;
    for (const name of readdirSync(settings.backupsDir)) {
      if (name.startsWith(SERVER_BACKUP_PREFIX) && name.endsWith(PART_SUFFIX)) rmSync(path.join(settings.backupsDir, name), { recursive: true, force: true });
    }
  }

  function create(occasion: BackupOccasion = 'requested'): Promise<MadeBackup> {
    // the chain starts here, in the caller's async context: the recorder reads the request's user from it
    running ??= Promise.resolve()
      .then(() => makeServerBackup(sources()))
      .then(
        async (made) => {
          lastFailure = null;
          prune();
          await record(made, occasion).catch((error: unknown) => console.error('[markguard] 备份的审计记录写入失败：', error));
          return made;
        },
        (error: unknown) => {
          lastFailure = { at: now().toISOString(), message: error instanceof Error ? error.message : String(error) };
          throw error;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  }

  /** Makes the scheduled backup when it is due; answers what it made, or null. A failure is tried again an hour later. */
  async function tick(): Promise<MadeBackup | null> {
    if (!settings.dailyAt || running) return null;
    if (lastFailure && now().getTime() - Date.parse(lastFailure.at) < RETRY_AFTER_MS) return null;
    const newestName = listServerBackups(settings.backupsDir)[0];
    if (!isDue(now(), settings.dailyAt, newestName ? stampedTime(newestName) : null)) return null;
    return create('scheduled');
  }

  function status(): Extract<ServerBackupStatus, { available: true }> {
    const names = listServerBackups(settings.backupsDir);
    return {
      available: true,
      folder: settings.backupsDir,
      dailyAt: settings.dailyAt,
      keep: settings.keep,
      last: names[0] ? summary(settings.backupsDir, names[0]) : null,
      count: names.length,
      lastFailure,
    };
  }

  return {
    create: () => create('requested'),
    tick,
    status,
    prune,
    removeLeftovers,
    /** checks once a minute; a failure is logged and tried again at the next minute */
    start(log: (message: string) => void, everyMs = 60_000): void {
      removeLeftovers();
      timer = setInterval(() => {
        tick().catch((error: unknown) => log(`定时备份失败：${error instanceof Error ? error.message : String(error)}`));
      }, everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    summaryOf: (made: MadeBackup): ServerBackupSummary => ({ name: made.name, createdAt: made.createdAt, sizeBytes: made.sizeBytes }),
  };
}

export type ServerBackupService = ReturnType<typeof createServerBackupService>;
