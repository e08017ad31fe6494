// Parameterised SQL for imported batches, their rows and their problems (migration 3).
import type { BatchKind, BatchStatus, BatchSummary } from '../../../shared/contract/screening';
import type { Filing, Listing } from '../../../shared/domain';
import type { FileFingerprint } from '../../tabular/fingerprint';
import type { Db } from '../open';

interface BatchRow {
  id: number;
  kind: BatchKind;
  file_name: string;
  file_path: string;
  file_size: number;
  file_mtime_ms: number | null;
  file_sha256: string;
  column_map: string;
  images_path: string | null;
  image_problems: number;
  status: BatchStatus;
  total_rows: number;
  new_rows: number;
  duplicate_rows: number;
  bad_rows: number;
  hit_count: number;
  message: string;
  started_at: string;
  imported_at: string | null;
  screened_at: string | null;
}

export interface BatchRecord extends Omit<BatchSummary, 'running' | 'stale' | 'gazetteIssues'> {
  fileSize: number;
  columnMap: Record<string, number>;
  /** the ZIP or folder of images chosen with the table (migration 11), or null */
  imagesPath: string | null;
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

export interface ImportCounts {
  totalRows: number;
  newRows: number;
  duplicateRows: number;
  badRows: number;
}

export function createBatchesRepository(db: Db) {
  const insertBatch = db.prepare(
    `INSERT INTO batches (kind, file_name, file_path, file_size, column_map, images_path, status, started_at)
     VALUES (@kind, @fileName, @filePath, @fileSize, @columnMap, @imagesPath, 'importing', @now)`,
  );
  // A batch being removed (migration 8) is gone for everyone but the removal itself.
  const byId = db.prepare<[number], BatchRow>('SELECT * FROM batches WHERE id = ? AND removing_at IS NULL');
  const all = db.prepare<[], BatchRow>('SELECT * FROM batches WHERE removing_at IS NULL ORDER BY id DESC');
  const setStatus = db.prepare('UPDATE batches SET status = ?, message = ? WHERE id = ?');
  const setCounts = db.prepare(
    `UPDATE batches SET total_rows = @totalRows, new_rows = @newRows, duplicate_rows = @duplicateRows,
       bad_rows = @badRows WHERE id = @id`,
  );
  const setImageProblems = db.prepare<[number, number]>('UPDATE batches SET image_problems = ? WHERE id = ?');
  const markImported = db.prepare("UPDATE batches SET status = 'imported', imported_at = ?, message = '' WHERE id = ?");
  const markScreened = db.prepare(
    "UPDATE batches SET status = 'screened', screened_at = ?, message = '', hit_count = ? WHERE id = ?",
  );
  const interrupted = db.prepare<[], BatchRow>(
    "SELECT * FROM batches WHERE status IN ('importing', 'screening') AND removing_at IS NULL",
  );
  const markRemoving = db.prepare<[string, number]>('UPDATE batches SET removing_at = ? WHERE id = ? AND removing_at IS NULL');
  const beingRemoved = db.prepare<[], { id: number }>('SELECT id FROM batches WHERE removing_at IS NOT NULL ORDER BY id');
  const rowsLeft = db.prepare<[number, number, number, number], { n: number }>(
    `SELECT (SELECT count(*) FROM hits WHERE batch_id = ?) + (SELECT count(*) FROM filings WHERE batch_id = ?)
       + (SELECT count(*) FROM listings WHERE batch_id = ?) + (SELECT count(*) FROM batch_problems WHERE batch_id = ?) AS n`,
  );
  // Hits first (what the review queue shows), then the rows, then the problems; each statement a chunk.
  const chunkDeletes = [
    db.prepare<[number, number]>('DELETE FROM hits WHERE id IN (SELECT id FROM hits WHERE batch_id = ? LIMIT ?)'),
    db.prepare<[number, number]>('DELETE FROM filings WHERE id IN (SELECT id FROM filings WHERE batch_id = ? LIMIT ?)'),
    db.prepare<[number, number]>('DELETE FROM listings WHERE id IN (SELECT id FROM listings WHERE batch_id = ? LIMIT ?)'),
    db.prepare<[number, number]>(
      'DELETE FROM batch_problems WHERE rowid IN (SELECT rowid FROM batch_problems WHERE batch_id = ? LIMIT ?)',
    ),
  ];
  const remove = db.prepare<[number]>('DELETE FROM batches WHERE id = ?');
  const insertProblem = db.prepare('INSERT INTO batch_problems (batch_id, row_number, reason) VALUES (?, ?, ?)');
  const clearProblems = db.prepare<[number]>('DELETE FROM batch_problems WHERE batch_id = ?');
  const problems = db.prepare<[number, number, number], { row_number: number; reason: string }>(
    'SELECT row_number, reason FROM batch_problems WHERE batch_id = ? ORDER BY row_number LIMIT ? OFFSET ?',
  );
  const setSource = db.prepare('UPDATE batches SET file_size = ?, file_mtime_ms = ?, file_sha256 = ? WHERE id = ?');
  const problemCount = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM batch_problems WHERE batch_id = ?');

  return {
    create: (
      input: { kind: BatchKind; fileName: string; filePath: string; fileSize: number; columnMap: Record<string, number>; imagesPath?: string },
      now: string,
    ): number => Number(insertBatch.run({ ...input, imagesPath: input.imagesPath ?? null, columnMap: JSON.stringify(input.columnMap), now }).lastInsertRowid),
    get: (id: number): BatchRecord | undefined => {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    list: (): BatchRecord[] => all.all().map(toRecord),
    setStatus: (id: number, status: BatchStatus, message = ''): void => {
      setStatus.run(status, message, id);
    },
    setCounts: (id: number, counts: ImportCounts): void => {
      setCounts.run({ ...counts, id });
    },
    markImported: (id: number, now: string): void => {
      markImported.run(now, id);
    },
    markScreened: (id: number, now: string, hitCount: number): void => {
      markScreened.run(now, hitCount, id);
    },
    interrupted: (): BatchRecord[] => interrupted.all().map(toRecord),
    /** the source file as it was when the batch's import first began, or null before that */
    source: (id: number): FileFingerprint | null => {
      const row = byId.get(id);
      return row && row.file_sha256 !== '' ? { size: row.file_size, mtimeMs: row.file_mtime_ms ?? 0, sha256: row.file_sha256 } : null;
    },
    setSource: (id: number, source: FileFingerprint): void => {
      setSource.run(source.size, source.mtimeMs, source.sha256, id);
    },
    remove: (id: number): boolean => remove.run(id).changes === 1,
    /** Hides the batch from every list at once; its rows are then deleted by removeChunk. */
    markRemoving: (id: number, now: string): boolean => markRemoving.run(now, id).changes === 1,
    beingRemoved: (): number[] => beingRemoved.all().map((r) => r.id),
    rowsLeft: (id: number): number => rowsLeft.get(id, id, id, id)?.n ?? 0,
    /** Deletes up to `limit` of the batch's rows (hits first); the batch itself once none is left. Returns rows deleted. */
    removeChunk(id: number, limit: number): number {
      for (const statement of chunkDeletes) {
        const deleted = statement.run(id, limit).changes;
        if (deleted > 0) return deleted;
      }
      remove.run(id);
      return 0;
    },
    setImageProblems: (id: number, count: number): void => {
      setImageProblems.run(count, id);
    },
    addProblem: (id: number, rowNumber: number, reason: string): void => {
      insertProblem.run(id, rowNumber, reason);
    },
    clearProblems: (id: number): void => {
      clearProblems.run(id);
    },
    problems: (id: number, offset: number, limit: number) => ({
      total: problemCount.get(id)?.n ?? 0,
      problems: problems.all(id, limit, offset).map((p) => ({ rowNumber: p.row_number, reason: p.reason })),
    }),
  };
}

/** Inserts that skip a row already stored (by 申请号 or listing 编号), whichever batch brought it. */
export function createRowWriters(db: Db) {
  const filing = db.prepare(
    `INSERT INTO filings (application_number, batch_id, mark_text, nice_class, goods, applicant, applicant_address,
       agency, filed_on, gazette_issue, published_on, opposition_deadline)
     VALUES (@applicationNumber, @batchId, @markText, @niceClass, @goods, @applicant, @applicantAddress, @agency,
       @filedOn, @gazetteIssue, @publishedOn, @oppositionDeadline)
     ON CONFLICT (application_number) DO NOTHING`,
  );
  const listing = db.prepare(
    `INSERT INTO listings (listing_id, batch_id, platform, shop, title, url, price, seller_location)
     VALUES (@id, @batchId, @platform, @shop, @title, @url, @price, @sellerLocation)
     ON CONFLICT (listing_id) DO NOTHING`,
  );
  const filingBatch = db.prepare<[string], { batch_id: number }>('SELECT batch_id FROM filings WHERE application_number = ?');
  const listingBatch = db.prepare<[string], { batch_id: number }>('SELECT batch_id FROM listings WHERE listing_id = ?');
  // A row already stored by this same batch (an interrupted import being resumed) counts as this batch's own.
  const ownedBy = (batchId: number, row: { batch_id: number } | undefined) => row?.batch_id === batchId;
  return {
    /** true when the filing is this batch's (new now, or stored by an earlier run of this batch) */
    filing: (batchId: number, value: Filing, oppositionDeadline: string): boolean =>
      filing.run({ ...value, batchId, goods: value.goods.join(';'), oppositionDeadline }).changes === 1 ||
      ownedBy(batchId, filingBatch.get(value.applicationNumber)),
    listing: (batchId: number, value: Listing): boolean =>
      listing.run({ ...value, batchId }).changes === 1 || ownedBy(batchId, listingBatch.get(value.id)),
  };
}

export type BatchesRepository = ReturnType<typeof createBatchesRepository>;
