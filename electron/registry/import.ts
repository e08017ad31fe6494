// Registry import in two steps: preview (parse the whole file, report every bad row, compare with the database)
// and commit (write every good row in one transaction) — so a file is imported whole or not at all.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { DuplicateChoice, ImportDuplicate, ImportPreview, RowProblem, StoredMark } from '../../shared/api';
import type { ProtectedMark } from '../../shared/domain';
import { mapHeaders } from '../../shared/formats/headers';
import { parseRegistryRow, REGISTRY_HEADERS } from '../../shared/formats/registry';
import { headerNames, normaliseHeader } from '../../shared/formats/headers';
import { parseViennaCodes, VIENNA_HEADER } from '../../shared/formats/vienna';
import { markViennaCodes, setMarkViennaCodes } from '../logos/vienna';
import { duplicateKey } from '../../shared/registry-duplicates';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { auditRepository } from '../data/audit';
import { inTransaction, type DataExecutor } from '../data/queries';
import { openUserTable } from '../services/tables';
import { TableReadError } from '../tabular';
import { fileFingerprint, sameFile } from '../tabular/fingerprint';
import { marksRepository, toProtectedMark } from './marks';
import { MARK_ENTITY, mergeIntoStored } from './service';

export interface ParsedRegistry {
  marks: ProtectedMark[];
  /** the file row of each of `marks` */
  rowNumbers: number[];
  /** the 图形要素 of each of `marks`, when the file has that column (issue 12); absent otherwise */
  viennaCodes?: string[][];
  problems: RowProblem[];
  totalRows: number;
}

/** Reads a registry file; bad rows (including a 编号 repeated within the file) become problems, never dropped. */
export async function readRegistryFile(filePath: string): Promise<ParsedRegistry> {
  const before = await fingerprintOf(filePath);
  const table = await openUserTable(filePath);
  try {
    const mapping = mapHeaders(table.headers, REGISTRY_HEADERS);
    if (!mapping.ok) throw new AppFailure('invalid-input', mapping.error);
    const marks: ProtectedMark[] = [];
    const rowNumbers: number[] = [];
    const viennaColumn = table.headers.map(normaliseHeader).findIndex((h) => headerNames(VIENNA_HEADER).includes(h));
    const viennaCodes: string[][] = [];
    const problems: RowProblem[] = [];
    const firstRowOfId = new Map<string, number>();
    let totalRows = 0;
    for await (const row of table.rows) {
      totalRows += 1;
      const parsed = row.problem === undefined ? parseRegistryRow(row.cells, mapping.columns) : { ok: false as const, reason: row.problem };
      const codes = parseViennaCodes(viennaColumn >= 0 ? (row.cells[viennaColumn] ?? '') : '');
      if (parsed.ok && !codes.ok) {
        problems.push({ rowNumber: row.rowNumber, reason: codes.reason });
        continue;
      }
      if (!parsed.ok) {
        problems.push({ rowNumber: row.rowNumber, reason: parsed.reason });
        continue;
      }
      const earlier = firstRowOfId.get(parsed.value.id);
      if (earlier !== undefined) {
        problems.push({ rowNumber: row.rowNumber, reason: `编号「${parsed.value.id}」与第 ${earlier} 行重复` });
        continue;
      }
      firstRowOfId.set(parsed.value.id, row.rowNumber);
      marks.push(parsed.value);
      rowNumbers.push(row.rowNumber);
      viennaCodes.push(codes.ok ? codes.value : []);
    }
    if (totalRows === 0) throw new AppFailure('invalid-input', `文件「${path.basename(filePath)}」只有表头，没有数据行`);
    if (!sameFile(before, await fingerprintOf(filePath))) {
      throw new AppFailure('io', `文件「${path.basename(filePath)}」在读取过程中被修改，请等文件保存完毕后重新导入`);
    }
    return { marks, rowNumbers, problems, totalRows, ...(viennaColumn >= 0 ? { viennaCodes } : {}) };
  } catch (error) {
    if (error instanceof TableReadError) throw new AppFailure('io', error.message);
    throw error;
  } finally {
    await table.close();
  }
}

async function fingerprintOf(filePath: string) {
  try {
    return await fileFingerprint(filePath);
  } catch {
    return { size: -1, mtimeMs: 0, sha256: 'changing' }; // unreadable: openUserTable says why
  }
}

interface PendingImport {
  fileName: string;
  marks: ProtectedMark[];
  viennaCodes?: string[][];
  /** the index in `marks` of each duplicate row, with what it repeats */
  duplicates: Map<number, ImportDuplicate>;
  choice?: DuplicateChoice;
}

/**
 * Rows that would add a record (their 编号 is new) repeating a mark: of the registry, or of an earlier row of the
 * file. Rows that update an existing 编号 are the clerk's own corrections and never count.
 */
function findImportDuplicates(stored: readonly StoredMark[], parsed: ParsedRegistry): Map<number, ImportDuplicate> {
  const seen = new Map<string, { id: string; name: string; inFile: boolean }>();
  for (const mark of stored) {
    const key = duplicateKey(mark);
    if (!seen.has(key)) seen.set(key, { id: mark.id, name: mark.name, inFile: false });
  }
  const storedIds = new Set(stored.map((mark) => mark.id));
  const duplicates = new Map<number, ImportDuplicate>();
  parsed.marks.forEach((mark, index) => {
    const key = duplicateKey(mark);
    const earlier = seen.get(key);
    const isNew = !storedIds.has(mark.id);
    if (earlier && isNew && earlier.id !== mark.id) {
      duplicates.set(index, {
        rowNumber: parsed.rowNumbers[index] ?? 0,
        id: mark.id,
        name: mark.name,
        category: mark.category,
        sameAsId: earlier.id,
        sameAsName: earlier.name,
        inFile: earlier.inFile,
      });
    } else if (!earlier) seen.set(key, { id: mark.id, name: mark.name, inFile: true });
  });
  return duplicates;
}

type Comparison = 'new' | 'changed' | 'unchanged';

function compare(byId: ReadonlyMap<string, StoredMark>, mark: ProtectedMark): Comparison {
  const existing = byId.get(mark.id);
  if (!existing) return 'new';
  return JSON.stringify(toProtectedMark(existing)) === JSON.stringify(mark) ? 'unchanged' : 'changed';
}

const SAMPLE_ROWS = 20;

/** New records are written this many at a time (a statement's parameters stay far below SQLite's limit). */
const INSERTED_AT_ONCE = 500;

/**
 * What the import's transaction writes and knows of the registry: every record by 编号, read once when it begins and
 * kept up to date by the rows it writes (a registry file is thousands of rows: one read per row would double the
 * work), and the new records not yet inserted, written with their audit entries a few hundred at a time.
 */
function importWriter(ctx: AppContext, tx: DataExecutor, fileName: string, stored: readonly StoredMark[]) {
  const registry = new Map(stored.map((mark) => [mark.id, mark]));
  let waiting: { mark: ProtectedMark; now: string }[] = [];
  const imported = (key: number, before: ProtectedMark | null, after: ProtectedMark) => ({
    actor: ctx.config.actor, action: 'import' as const, entity: MARK_ENTITY, entityKey: String(key), before, after, note: `从「${fileName}」导入`,
  });

  /** Inserts the waiting new records and their audit entries, in file order. */
  async function flush(): Promise<void> {
    if (waiting.length === 0) return;
    const rows = waiting;
    waiting = [];
    const keys = await marksRepository(tx).insertAll(rows);
    rows.forEach(({ mark, now }, i) => registry.set(mark.id, { ...mark, key: keys[i]!, createdAt: now, updatedAt: now, version: 0 }));
    await auditRepository(tx).recordAll(rows.map(({ mark, now }, i) => ({ entry: imported(keys[i]!, null, mark), at: now })));
  }

  return {
    registry,
    flush,

    /** Inserts or updates one imported record with its audit entry. */
    async write(mark: ProtectedMark): Promise<'created' | 'updated' | 'unchanged'> {
      const existing = registry.get(mark.id);
      if (!existing) {
        waiting.push({ mark, now: ctx.now() });
        if (waiting.length >= INSERTED_AT_ONCE) await flush();
        return 'created';
      }
      const before = toProtectedMark(existing);
      if (JSON.stringify(before) === JSON.stringify(mark)) return 'unchanged';
      await flush(); // the audit log keeps the file's order
      const now = ctx.now();
      // an import overwrites whatever the registry holds (the clerk previewed the changes), raising the version: a
      // clerk with the record open in the editor then gets a conflict instead of undoing the import's change
      const version = (await marksRepository(tx).update(existing.key, mark, now)) ?? existing.version + 1;
      registry.set(mark.id, { ...mark, key: existing.key, createdAt: existing.createdAt, updatedAt: now, version });
      await auditRepository(tx).record(imported(existing.key, before, mark), now);
      return 'updated';
    },
  };
}

type ImportWriter = ReturnType<typeof importWriter>;

/** A record's 图形要素 from the file, audited when they change (the batches then show as out of date). */
async function importViennaCodes(ctx: AppContext, tx: DataExecutor, markKey: number, codes: readonly string[], fileName: string): Promise<void> {
  const before = await markViennaCodes(tx, markKey);
  if (before.join(';') === codes.join(';')) return;
  await setMarkViennaCodes(tx, markKey, codes);
  await auditRepository(tx).record({ actor: ctx.config.actor, action: 'import', entity: MARK_ENTITY, entityKey: String(markKey), before: null, after: null,
    note: `从「${fileName}」导入图形要素：${before.join('、') || '无'} → ${codes.join('、') || '无'}` }, ctx.now());
}

/** One previewed row written as the clerk chose; counts what became of it. */
async function commitRow(ctx: AppContext, tx: DataExecutor, writer: ImportWriter, job: PendingImport, index: number, result: CommitResult): Promise<void> {
  const mark = job.marks[index]!;
  const duplicate = job.duplicates.get(index);
  if (duplicate && job.choice === 'skip') result.skipped += 1;
  else if (duplicate && job.choice === 'merge') {
    await writer.flush();
    // read again: earlier rows may have merged into the same record
    const kept = await marksRepository(tx).getByMarkId(duplicate.sameAsId);
    if (!kept) throw new AppFailure('conflict', `第 ${duplicate.rowNumber} 行要合并到的「${duplicate.sameAsId}」已不在名录中，请重新导入`);
    const merged = await mergeIntoStored(ctx, tx, kept, mark, `从「${job.fileName}」第 ${duplicate.rowNumber} 行（${mark.id}）合并`);
    writer.registry.set(merged.id, merged);
    result.merged += 1;
  } else result[await writer.write(mark)] += 1;
  // a file with a 图形要素 column sets the codes of the records it wrote (an empty cell clears them)
  const codes = job.viennaCodes?.[index];
  if (!codes || (duplicate && job.choice === 'skip')) return;
  await writer.flush();
  const written = writer.registry.get(duplicate && job.choice === 'merge' ? duplicate.sameAsId : mark.id);
  if (written) await importViennaCodes(ctx, tx, written.key, codes, job.fileName);
}

interface CommitResult {
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  skipped: number;
}

export function createRegistryImportService(ctx: AppContext) {
  const pending = new Map<string, PendingImport>();

  return {
    async preview(filePath: string): Promise<ImportPreview> {
      const parsed = await readRegistryFile(filePath);
      const stored = await marksRepository(ctx.data).list();
      const byId = new Map(stored.map((mark) => [mark.id, mark]));
      const counts = { new: 0, changed: 0, unchanged: 0 };
      for (const mark of parsed.marks) counts[compare(byId, mark)] += 1;
      const duplicates = findImportDuplicates(stored, parsed);
      const token = randomUUID();
      const fileName = path.basename(filePath);
      pending.set(token, { fileName, marks: parsed.marks, duplicates, ...(parsed.viennaCodes ? { viennaCodes: parsed.viennaCodes } : {}) });
      return {
        token,
        fileName,
        totalRows: parsed.totalRows,
        goodRows: parsed.marks.length,
        newCount: counts.new,
        changedCount: counts.changed,
        unchangedCount: counts.unchanged,
        problems: parsed.problems,
        sample: parsed.marks.slice(0, SAMPLE_ROWS),
        duplicates: [...duplicates.values()],
      };
    },

    choose(token: string, choice: DuplicateChoice): Record<string, never> {
      const job = pending.get(token);
      if (!job) throw new AppFailure('not-found', '导入预览已过期，请重新选择文件');
      job.choice = choice;
      return {};
    },

    /**
     * Writes every good row of a previewed file in one transaction: all of them or, on any failure, none. A file
     * with duplicate rows is written only after the clerk chose what to do with them (merge, keep or skip).
     */
    async commit(token: string): Promise<CommitResult> {
      const job = pending.get(token);
      if (!job) throw new AppFailure('not-found', '导入预览已过期，请重新选择文件');
      if (job.duplicates.size > 0 && job.choice === undefined) {
        throw new AppFailure('invalid-input', `文件中有 ${job.duplicates.size} 行与已有记录同名同类别：请先选择合并、保留或跳过`);
      }
      const result = await inTransaction(ctx.data, async (tx) => {
        const counted: CommitResult = { created: 0, updated: 0, unchanged: 0, merged: 0, skipped: 0 };
        const writer = importWriter(ctx, tx, job.fileName, await marksRepository(tx).list());
        for (let index = 0; index < job.marks.length; index += 1) await commitRow(ctx, tx, writer, job, index, counted);
        await writer.flush();
        return counted;
      });
      pending.delete(token);
      return result;
    },

    discard(token: string): Record<string, never> {
      pending.delete(token);
      return {};
    },
  };
}

export type RegistryImportService = ReturnType<typeof createRegistryImportService>;
