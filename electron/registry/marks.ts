// The registry of protected marks through the query builder. No business rules here: the registry service decides.
import type { Selectable } from 'kysely';
import type { StoredMark } from '../../shared/api';
import type { Category, ProtectedMark } from '../../shared/domain';
import type { DataExecutor } from '../data/queries';
import type { ProtectedMarksTable } from '../data/schema';

type MarkRow = Selectable<ProtectedMarksTable>;

export function toStored(row: MarkRow): StoredMark {
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

/** The row a record is stored as, but for its key and times. */
export function markColumns(mark: ProtectedMark) {
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

export function marksRepository(db: DataExecutor) {
  const marks = () => db.selectFrom('protected_marks').selectAll();
  return {
    list: async (): Promise<StoredMark[]> => (await marks().orderBy('mark_id').execute()).map(toStored),

    async get(key: number): Promise<StoredMark | undefined> {
      const row = await marks().where('key', '=', key).executeTakeFirst();
      return row && toStored(row);
    },

    async getByMarkId(markId: string): Promise<StoredMark | undefined> {
      const row = await marks().where('mark_id', '=', markId).executeTakeFirst();
      return row && toStored(row);
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('protected_marks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n); // PostgreSQL's count is a bigint, which pg hands over as a string
    },

    /** Changes whenever a record is added, edited or deleted: a cache of the registry is current while it is equal. */
    async version(): Promise<string> {
      const row = await db
        .selectFrom('protected_marks')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at'), eb.fn.sum('key').as('keys')])
        .executeTakeFirstOrThrow();
      return `${Number(row.n)}|${row.at ?? ''}|${Number(row.keys ?? 0)}`;
    },

    /** The new record's key. */
    async insert(mark: ProtectedMark, now: string): Promise<number> {
      const row = await db
        .insertInto('protected_marks')
        .values({ ...markColumns(mark), created_at: now, updated_at: now })
        .returning('key')
        .executeTakeFirstOrThrow();
      return row.key;
    },

    /** Several new records in one statement (an import's rows); their keys in the order given. */
    async insertAll(marks: readonly { mark: ProtectedMark; now: string }[]): Promise<number[]> {
      if (marks.length === 0) return [];
      const rows = await db
        .insertInto('protected_marks')
        .values(marks.map(({ mark, now }) => ({ ...markColumns(mark), created_at: now, updated_at: now })))
        .returning(['key', 'mark_id'])
        .execute();
      // RETURNING promises no order: the 编号, unique, says which key is whose
      const keyOf = new Map(rows.map((row) => [row.mark_id, row.key]));
      return marks.map(({ mark }) => {
        const key = keyOf.get(mark.id);
        if (key === undefined) throw new Error(`protected_marks: no key returned for ${mark.id}`);
        return key;
      });
    },

    async update(key: number, mark: ProtectedMark, now: string): Promise<boolean> {
      const result = await db.updateTable('protected_marks').set({ ...markColumns(mark), updated_at: now }).where('key', '=', key).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Hits of the mark, and the letters citing any of them. */
    async usage(key: number): Promise<{ hits: number; letters: number }> {
      const hits = await db.selectFrom('hits').select((eb) => eb.fn.countAll().as('n')).where('mark_key', '=', key).executeTakeFirstOrThrow();
      const letters = await db
        .selectFrom('letter_hits as lh')
        .innerJoin('hits as h', 'h.id', 'lh.hit_id')
        .select((eb) => eb.fn.count('lh.letter_id').distinct().as('n'))
        .where('h.mark_key', '=', key)
        .executeTakeFirstOrThrow();
      return { hits: Number(hits.n), letters: Number(letters.n) };
    },

    async remove(key: number): Promise<boolean> {
      const result = await db.deleteFrom('protected_marks').where('key', '=', key).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

export type MarksRepository = ReturnType<typeof marksRepository>;
