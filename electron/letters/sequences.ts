// A number once issued is never issued again (issue 9, item 1). The per-year sequence lives in the database, so a
// restored older backup would hand out numbers again; the archive folder and the database being replaced both
// remember higher ones. The sequence is raised to the highest of them after a restore and at every start.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocumentNumber } from '../../shared/letters/numbering';
import { inTransaction, type DataExecutor, type DataQueries } from '../data/queries';

export type SequenceFloors = Map<number, number>;

/** The last number of each year in the app's (migrated) database. */
export async function sequencesOf(db: DataExecutor): Promise<SequenceFloors> {
  const rows = await db.selectFrom('letter_sequences').select(['year', 'last_number']).execute();
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

/** Raises each year's sequence to at least the given floors, in one transaction; returns the years raised. */
export async function raiseSequences(data: DataQueries, ...floors: SequenceFloors[]): Promise<number[]> {
  const raised = await inTransaction(data, async (tx) => {
    const years: number[] = [];
    for (const map of floors) {
      for (const [year, last] of map) {
        const row = await tx
          .insertInto('letter_sequences')
          .values({ year, last_number: last })
          .onConflict((oc) =>
            oc
              .column('year')
              .doUpdateSet((eb) => ({ last_number: eb.ref('excluded.last_number') }))
              .where((eb) => eb('excluded.last_number', '>', eb.ref('letter_sequences.last_number'))),
          )
          .returning('year')
          .executeTakeFirst();
        if (row) years.push(year);
      }
    }
    return years;
  });
  return [...new Set(raised)];
}

export function reconcileWithArchive(data: DataQueries, dataDir: string): Promise<number[]> {
  return raiseSequences(data, archivedSequences(dataDir));
}
