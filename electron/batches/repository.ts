// The batches of filings and listings as records (migration 3): status, counts, source, problems, removal. Rows
// themselves are written in bulk by the import's row sink (row-sink.ts); everything else goes through here.
import type { Selectable } from 'kysely';
import type { BatchKind, BatchStatus, BatchSummary } from '../../shared/contract/screening';
import type { DataExecutor } from '../data/queries';
import type { BatchesTable } from '../data/schema';
import type { FileFingerprint } from '../tabular/fingerprint';

type BatchRow = Selectable<BatchesTable>;

export interface BatchRecord extends Omit<BatchSummary, 'running' | 'stale' | 'gazetteIssues'> {
  fileSize: number;
  columnMap: Record<string, number>;
  /** the ZIP or folder of images chosen with the table (migration 11), or null */
  imagesPath: string | null;
}

export interface ImportCounts {
  totalRows: number;
  newRows: number;
  duplicateRows: number;
  badRows: number;
}

export interface RowProblem {
  rowNumber: number;
  reason: string;
}

function toRecord(row: BatchRow): BatchRecord {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    filePath: row.file_path,
    fileSize: row.file_size,
    columnMap: JSON.parse(row.column_map) as Record<string, number>,
    imagesPath: row.images_path ?? null,
    status: row.status,
    totalRows: row.total_rows,
    newRows: row.new_rows,
    duplicateRows: row.duplicate_rows,
    badRows: row.bad_rows,
    imageProblems: row.image_problems ?? 0,
    hitCount: row.hit_count,
    message: row.message,
    startedAt: row.started_at,
    importedAt: row.imported_at,
    screenedAt: row.screened_at,
  };
}

/** Problems are inserted this many at a time (one statement each). */
const PROBLEMS_PER_INSERT = 500;

export function createBatchesRepository(q: DataExecutor) {
  // A batch being removed (migration 8) is gone for everyone but the removal itself.
  const visible = () => q.selectFrom('batches').selectAll().where('removing_at', 'is', null);
  const count = async (table: 'hits' | 'filings' | 'listings' | 'batch_problems', id: number) =>
    Number((await q.selectFrom(table).select(({ fn }) => fn.countAll().as('n')).where('batch_id', '=', id).executeTakeFirst())?.n ?? 0);

  return {
    async create(
      input: { kind: BatchKind; fileName: string; filePath: string; fileSize: number; columnMap: Record<string, number>; imagesPath?: string },
      now: string,
    ): Promise<number> {
      const row = await q
        .insertInto('batches')
        .values({
          kind: input.kind, file_name: input.fileName, file_path: input.filePath, file_size: input.fileSize,
          column_map: JSON.stringify(input.columnMap), images_path: input.imagesPath ?? null, status: 'importing', started_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async get(id: number): Promise<BatchRecord | undefined> {
      const row = await visible().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    list: async (): Promise<BatchRecord[]> => (await visible().orderBy('id', 'desc').execute()).map(toRecord),
    async setStatus(id: number, status: BatchStatus, message = ''): Promise<void> {
      await q.updateTable('batches').set({ status, message }).where('id', '=', id).execute();
    },
    async setCounts(id: number, counts: ImportCounts): Promise<void> {
      await q
        .updateTable('batches')
        .set({ total_rows: counts.totalRows, new_rows: counts.newRows, duplicate_rows: counts.duplicateRows, bad_rows: counts.badRows })
        .where('id', '=', id)
        .execute();
    },
    async markImported(id: number, now: string): Promise<void> {
      await q.updateTable('batches').set({ status: 'imported', imported_at: now, message: '' }).where('id', '=', id).execute();
    },
    async markScreened(id: number, now: string, hitCount: number): Promise<void> {
      await q.updateTable('batches').set({ status: 'screened', screened_at: now, message: '', hit_count: hitCount }).where('id', '=', id).execute();
    },
    interrupted: async (): Promise<BatchRecord[]> =>
      (await visible().where('status', 'in', ['importing', 'screening']).execute()).map(toRecord),
    /** the source file as it was when the batch's import first began, or null before that */
    async source(id: number): Promise<FileFingerprint | null> {
      const row = await visible().where('id', '=', id).executeTakeFirst();
      return row && row.file_sha256 !== '' ? { size: row.file_size, mtimeMs: row.file_mtime_ms ?? 0, sha256: row.file_sha256 } : null;
    },
    async setSource(id: number, source: FileFingerprint): Promise<void> {
      await q.updateTable('batches').set({ file_size: source.size, file_mtime_ms: source.mtimeMs, file_sha256: source.sha256 }).where('id', '=', id).execute();
    },
    /** Hides the batch from every list at once; its rows are then deleted by removeChunk. */
    async markRemoving(id: number, now: string): Promise<boolean> {
      const result = await q.updateTable('batches').set({ removing_at: now }).where('id', '=', id).where('removing_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    beingRemoved: async (): Promise<number[]> =>
      (await q.selectFrom('batches').select('id').where('removing_at', 'is not', null).orderBy('id').execute()).map((r) => r.id),
    async rowsLeft(id: number): Promise<number> {
      const counts = await Promise.all((['hits', 'filings', 'listings', 'batch_problems'] as const).map((table) => count(table, id)));
      return counts.reduce((a, b) => a + b, 0);
    },
    /**
     * Deletes up to `limit` of the batch's rows (hits first, what the review queue shows; then its filings or
     * listings; then its problems), the batch itself once none is left. Returns rows deleted. Run it in a
     * transaction: each call is one chunk.
     */
    async removeChunk(id: number, limit: number): Promise<number> {
      for (const table of ['hits', 'filings', 'listings'] as const) {
        const chunk = q.selectFrom(table).select('id').where('batch_id', '=', id).limit(limit);
        const result = await q.deleteFrom(table).where('id', 'in', chunk).executeTakeFirst();
        if (Number(result.numDeletedRows) > 0) return Number(result.numDeletedRows);
      }
      // batch_problems has no key of its own; a row number is unique within its batch only after a clear, so the
      // chunk is the lowest row numbers.
      const below = q.selectFrom('batch_problems').select('row_number').where('batch_id', '=', id).orderBy('row_number').limit(1).offset(limit - 1);
      const bound = (await below.executeTakeFirst())?.row_number;
      const problems = await q
        .deleteFrom('batch_problems')
        .where('batch_id', '=', id)
        .$if(bound !== undefined, (query) => query.where('row_number', '<=', bound ?? 0))
        .executeTakeFirst();
      if (Number(problems.numDeletedRows) > 0) return Number(problems.numDeletedRows);
      await q.deleteFrom('batches').where('id', '=', id).execute();
      return 0;
    },
    async setImageProblems(id: number, count: number): Promise<void> {
      await q.updateTable('batches').set({ image_problems: count }).where('id', '=', id).execute();
    },
    async addProblems(id: number, problems: readonly RowProblem[]): Promise<void> {
      for (let at = 0; at < problems.length; at += PROBLEMS_PER_INSERT) {
        const values = problems.slice(at, at + PROBLEMS_PER_INSERT).map((p) => ({ batch_id: id, row_number: p.rowNumber, reason: p.reason }));
        await q.insertInto('batch_problems').values(values).execute();
      }
    },
    async clearProblems(id: number): Promise<void> {
      await q.deleteFrom('batch_problems').where('batch_id', '=', id).execute();
    },
    async problems(id: number, offset: number, limit: number): Promise<{ total: number; problems: RowProblem[] }> {
      const rows = await q
        .selectFrom('batch_problems')
        .select(['row_number', 'reason'])
        .where('batch_id', '=', id)
        .orderBy('row_number')
        .limit(limit)
        .offset(offset)
        .execute();
      return { total: await count('batch_problems', id), problems: rows.map((p) => ({ rowNumber: p.row_number, reason: p.reason })) };
    },
    /** The distinct gazette issues of a filing batch's rows, in order. */
    gazetteIssues: async (id: number): Promise<string[]> =>
      (
        await q
          .selectFrom('filings')
          .select('gazette_issue')
          .distinct()
          .where('batch_id', '=', id)
          .where('gazette_issue', '<>', '')
          .orderBy('gazette_issue')
          .execute()
      ).map((r) => r.gazette_issue),
    /** When the registry last changed (any create, edit, delete, import or restore), from the audit log. */
    async registryChangedAt(): Promise<string | null> {
      const row = await q
        .selectFrom('audit_log')
        .select(({ fn }) => fn.max('at').as('at'))
        .where('entity', 'in', ['protected_mark', 'database'])
        .where('action', '<>', 'seed')
        .executeTakeFirst();
      return row?.at ?? null;
    },
  };
}

export type BatchesRepository = ReturnType<typeof createBatchesRepository>;
