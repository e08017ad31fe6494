// The registry of protected marks through the query builder. No business rules here: the registry service decides.
import type { Selectable } from 'kysely';
import type { StoredMark } from '../../shared/api';
import type { Category, ProtectedMark } from '../../shared/domain';
import { uniqueViolation } from '../data/portable';
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
    version: row.version,
  };
}

export function toProtectedMark(stored: StoredMark): ProtectedMark {
  const { key: _key, createdAt: _created, updatedAt: _updated, version: _version, ...mark } = stored;
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

/**
 * A write refused by the database because its 编号 is taken: a record with the same 编号 committed since the caller
 * looked (two clerks creating at once on the server). On PostgreSQL the caller's transaction is spoiled by then, so
 * the service names the record that holds the 编号 after its transaction has rolled back.
 */
export class MarkIdTaken extends Error {
  constructor(
    /** the 编号, when the database said which */
    readonly markId: string | null,
    options: { cause: unknown },
  ) {
    super(`protected_marks: mark_id ${markId ?? '?'} is taken`, options);
    this.name = 'MarkIdTaken';
  }
}

/** Runs a write, turning the database's refusal of a taken 编号 into MarkIdTaken. */
async function claimingMarkId<T>(markId: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const violation = uniqueViolation(error, 'protected_marks', 'mark_id');
    if (violation) throw new MarkIdTaken(markId ?? violation.value, { cause: error });
    throw error;
  }
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
    /** The new record's key; MarkIdTaken when its 编号 is taken. */
    async insert(mark: ProtectedMark, now: string): Promise<number> {
      const row = await claimingMarkId(mark.id, () =>
        db.insertInto('protected_marks').values({ ...markColumns(mark), created_at: now, updated_at: now }).returning('key').executeTakeFirstOrThrow(),
      );
      return row.key;
    },

    /** Several new records in one statement (an import's rows); their keys in the order given. MarkIdTaken as insert. */
    async insertAll(marks: readonly { mark: ProtectedMark; now: string }[]): Promise<number[]> {
      if (marks.length === 0) return [];
      const rows = await claimingMarkId(null, () =>
        db
          .insertInto('protected_marks')
          .values(marks.map(({ mark, now }) => ({ ...markColumns(mark), created_at: now, updated_at: now })))
          .returning(['key', 'mark_id'])
          .execute(),
      );
      // RETURNING promises no order: the 编号, unique, says which key is whose
      const keyOf = new Map(rows.map((row) => [row.mark_id, row.key]));
      return marks.map(({ mark }) => {
        const key = keyOf.get(mark.id);
        if (key === undefined) throw new Error(`protected_marks: no key returned for ${mark.id}`);
        return key;
      });
    },

    /**
     * Writes the record and raises its version, in one statement: with `version`, only while the record is still
     * at it, so that of two clerks saving the same version at once only one writes. The new version, or null when
     * nothing was written (the record is gone, or has moved on). MarkIdTaken when its new 编号 is taken.
     */
    async update(key: number, mark: ProtectedMark, now: string, version?: number): Promise<number | null> {
      let query = db
        .updateTable('protected_marks')
        .set((eb) => ({ ...markColumns(mark), updated_at: now, version: eb('version', '+', 1) }))
        .where('key', '=', key);
      if (version !== undefined) query = query.where('version', '=', version);
      const row = await claimingMarkId(mark.id, () => query.returning('version').executeTakeFirst());
      return row?.version ?? null;
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

    /** Deletes the record; with `version`, only while it is still at it. Whether a row went. */
    async remove(key: number, version?: number): Promise<boolean> {
      let query = db.deleteFrom('protected_marks').where('key', '=', key);
      if (version !== undefined) query = query.where('version', '=', version);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

export type MarksRepository = ReturnType<typeof marksRepository>;
