// A number once issued is never issued again (issue 9, item 1). The per-year sequence lives in the database, so a
// restored older backup would hand out numbers again; the archive folder and the database being replaced both
// remember higher ones. The sequence is raised to the highest of them after a restore and at every start.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocumentNumber } from '../../shared/letters/numbering';
import type { Db } from '../db/open';

export type SequenceFloors = Map<number, number>;

/** The last number of each year in a database (empty for one older than the letters). */
export function sequencesOf(db: Db): SequenceFloors {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'letter_sequences'").get();
  if (!table) return new Map();
  const rows = db.prepare('SELECT year, last_number FROM letter_sequences').all() as { year: number; last_number: number }[];
  return new Map(rows.map((r) => [r.year, r.last_number]));
}

/** The highest number of each year among the archived letter files (letters/<year>/<number>.docx|pdf). */
export function archivedSequences(dataDir: string): SequenceFloors {
  const root = path.join(dataDir, 'letters');
  const floors: SequenceFloors = new Map();
  if (!existsSync(root)) return floors;
  for (const folder of readdirSync(root)) {
    if (!/^\d{4}$/.test(folder)) continue;
    for (const name of readdirSync(path.join(root, folder))) {
      const parsed = parseDocumentNumber(name.replace(/\.(docx|pdf)(\.part)?$/i, ''));
      if (!parsed) continue;
      floors.set(parsed.year, Math.max(floors.get(parsed.year) ?? 0, parsed.sequence));
    }
  }
  return floors;
}

/** Raises each year's sequence to at least the given floors; returns the years raised. */
export function raiseSequences(db: Db, ...floors: SequenceFloors[]): number[] {
  const raise = db.prepare(
    `INSERT INTO letter_sequences (year, last_number) VALUES (?, ?)
     ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number WHERE excluded.last_number > last_number`,
  );
  const raised: number[] = [];
  db.transaction(() => {
    for (const map of floors) {
      for (const [year, last] of map) if (raise.run(year, last).changes > 0) raised.push(year);
    }
  }).immediate();
  return [...new Set(raised)];
}

export function reconcileWithArchive(db: Db, dataDir: string): number[] {
  return raiseSequences(db, archivedSequences(dataDir));
}
