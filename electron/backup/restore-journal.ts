// The restore's journal: written (and synced) before the live database is moved aside, removed once the restored
// database has been opened and checked. A journal found at start means a restore was cut off — by a kill or a
// power cut — somewhere between those two moments; the database from before it is put back, whole.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeDatabaseFiles, syncFile, syncFolder } from '../db/files';

export const RESTORE_JOURNAL = 'restore-journal.json';
export const stagingPathOf = (databasePath: string): string => `${databasePath}.restoring`;

export interface RestoreJournal {
  /** the backup being restored (for the message) */
  from: string;
  /** where the live database is moved to */
  keptAt: string;
}

export function writeRestoreJournal(dataDir: string, journal: RestoreJournal): void {
  const file = path.join(dataDir, RESTORE_JOURNAL);
  writeFileSync(`${file}.part`, JSON.stringify(journal));
  syncFile(`${file}.part`);
  renameSync(`${file}.part`, file);
  syncFolder(dataDir);
}

export function removeRestoreJournal(dataDir: string): void {
  rmSync(path.join(dataDir, RESTORE_JOURNAL), { force: true });
  syncFolder(dataDir);
}

function readJournal(file: string): RestoreJournal | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RestoreJournal>;
    return typeof parsed.keptAt === 'string' && typeof parsed.from === 'string' ? { from: parsed.from, keptAt: parsed.keptAt } : null;
  } catch {
    return null; // a journal cut off while written: nothing had been moved yet
  }
}

/**
 * Undoes an interrupted restore; returns what to tell the clerk, or null when there was none. The restored copy is
 * only a copy of the backup file, so dropping it loses nothing; the database from before goes back in place.
 */
export function recoverInterruptedRestore(dataDir: string, databasePath: string): string | null {
  const file = path.join(dataDir, RESTORE_JOURNAL);
  const staging = stagingPathOf(databasePath);
  rmSync(`${file}.part`, { force: true });
  if (!existsSync(file)) {
    // killed while copying the backup, before the journal: the live database was never touched
    if (existsSync(staging)) removeDatabaseFiles(staging);
    return null;
  }
  const journal = readJournal(file);
  if (journal && existsSync(journal.keptAt)) {
    removeDatabaseFiles(databasePath);
    renameSync(journal.keptAt, databasePath);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${journal.keptAt}${suffix}`)) renameSync(`${journal.keptAt}${suffix}`, `${databasePath}${suffix}`);
    }
    syncFolder(dataDir);
  }
  removeDatabaseFiles(staging);
  removeRestoreJournal(dataDir);
  const from = journal ? `从「${path.basename(journal.from)}」` : '';
  return `上次${from}恢复备份时程序被中断（断电或被强制关闭），已还原为恢复前的数据，没有丢失。如仍需恢复，请重新操作。`;
}
