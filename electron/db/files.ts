// A database on disk is up to three files (main, -wal, -shm) and, while SQLite's backup API writes one, a
// -journal; moving or removing "the database" means all of them. Plus the counts a backup and a restore compare.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './open';

export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
}

/** Makes the renames in a folder survive a power cut (where the platform lets a folder be opened; not Windows). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; NTFS journals renames itself
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames a database's main file; its -wal must be empty (the connection closed cleanly) and its -shm goes. */
export function moveDatabase(from: string, to: string): void {
  renameSync(from, to);
  rmSync(`${from}-shm`, { force: true });
  syncFolder(path.dirname(from));
  if (path.dirname(to) !== path.dirname(from)) syncFolder(path.dirname(to));
}

export const walHasContent = (file: string): boolean => existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0;

export interface DatabaseCounts {
  marks: number;
  batches: number;
  letters: number;
}

/** What a restore must bring back whole; tables an older version did not have count as zero. */
export function databaseCounts(db: Db): DatabaseCounts {
  const has = (table: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const count = (table: string) =>
    has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
  return { marks: count('protected_marks'), batches: count('batches'), letters: count('letters') };
}

export const sameCounts = (a: DatabaseCounts, b: DatabaseCounts): boolean =>
  a.marks === b.marks && a.batches === b.batches && a.letters === b.letters;

export const describeCounts = (c: DatabaseCounts): string => `名录 ${c.marks} 条、批次 ${c.batches} 个、函件 ${c.letters} 份`;
