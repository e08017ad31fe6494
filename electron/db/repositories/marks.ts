// Parameterised SQL for the registry of protected marks. No business rules here: services decide.
import type { StoredMark } from '../../../shared/api';
import type { Category, ProtectedMark } from '../../../shared/domain';
import type { Db } from '../open';

interface MarkRow {
  key: number;
  mark_id: string;
  name: string;
  category: string;
  classes: string;
  registration_number: string;
  holder: string;
  aliases: string;
  region: string;
  recognized_on: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'key, mark_id, name, category, classes, registration_number, holder, aliases, region, recognized_on, notes, created_at, updated_at';

function toStored(row: MarkRow): StoredMark {
  return {
    key: row.key,
    id: row.mark_id,
    name: row.name,
    // The CHECK constraint in migration 1 guarantees one of the six categories.
    category: row.category as Category,
    classes: row.classes === '' ? [] : row.classes.split(';').map(Number),
    registrationNumber: row.registration_number,
    holder: row.holder,
    aliases: JSON.parse(row.aliases) as string[],
    region: row.region,
    recognizedOn: row.recognized_on,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toProtectedMark(stored: StoredMark): ProtectedMark {
  const { key: _key, createdAt: _created, updatedAt: _updated, ...mark } = stored;
  return mark;
}

function params(mark: ProtectedMark) {
  return {
    mark_id: mark.id,
    name: mark.name,
    category: mark.category,
    classes: [...new Set(mark.classes)].sort((a, b) => a - b).join(';'),
    registration_number: mark.registrationNumber,
    holder: mark.holder,
    aliases: JSON.stringify(mark.aliases),
    region: mark.region,
    recognized_on: mark.recognizedOn,
    notes: mark.notes,
  };
}

export function createMarksRepository(db: Db) {
  const all = db.prepare<[], MarkRow>(`SELECT ${COLUMNS} FROM protected_marks ORDER BY mark_id`);
  const byKey = db.prepare<[number], MarkRow>(`SELECT ${COLUMNS} FROM protected_marks WHERE key = ?`);
  const byMarkId = db.prepare<[string], MarkRow>(`SELECT ${COLUMNS} FROM protected_marks WHERE mark_id = ?`);
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM protected_marks');
  const insert = db.prepare(
    `INSERT INTO protected_marks (mark_id, name, category, classes, registration_number, holder, aliases, region,
       recognized_on, notes, created_at, updated_at)
     VALUES (@mark_id, @name, @category, @classes, @registration_number, @holder, @aliases, @region,
       @recognized_on, @notes, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE protected_marks SET mark_id = @mark_id, name = @name, category = @category, classes = @classes,
       registration_number = @registration_number, holder = @holder, aliases = @aliases, region = @region,
       recognized_on = @recognized_on, notes = @notes, updated_at = @now
     WHERE key = @key`,
  );
  const remove = db.prepare<[number]>('DELETE FROM protected_marks WHERE key = ?');

  return {
    list: (): StoredMark[] => all.all().map(toStored),
    get: (key: number): StoredMark | undefined => {
      const row = byKey.get(key);
      return row && toStored(row);
    },
    getByMarkId: (markId: string): StoredMark | undefined => {
      const row = byMarkId.get(markId);
      return row && toStored(row);
    },
    count: (): number => count.get()?.n ?? 0,
    insert: (mark: ProtectedMark, now: string): number =>
      Number(insert.run({ ...params(mark), now }).lastInsertRowid),
    update: (key: number, mark: ProtectedMark, now: string): boolean =>
      update.run({ ...params(mark), key, now }).changes === 1,
    remove: (key: number): boolean => remove.run(key).changes === 1,
  };
}

export type MarksRepository = ReturnType<typeof createMarksRepository>;
