// Channels of the registry, backup, dialogs and app information (issue 2).
import { z } from 'zod';
import { ProtectedMarkSchema } from '../domain';
import type { AppError } from '../result';
import { FileTokenSchema, savedOrCancelled } from './files';

/** A protected mark as stored: the user's record plus the database's key and timestamps. */
export const StoredMarkSchema = ProtectedMarkSchema.extend({
  key: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** raised by every write of the record; registry.update and registry.delete name the version the clerk saw */
  version: z.number().int().min(0),
});
export type StoredMark = z.infer<typeof StoredMarkSchema>;

/**
 * The record as it is now, carried by the conflict that refuses registry.update or registry.delete made on a
 * version another clerk has changed since (AppError.current); null for any other failure.
 */
export function markConflictOf(error: AppError): StoredMark | null {
  if (error.kind !== 'conflict' || error.current === undefined) return null;
  const parsed = StoredMarkSchema.safeParse(error.current);
  return parsed.success ? parsed.data : null;
}

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete', 'import', 'restore', 'seed']),
  entity: z.string(),
  entityKey: z.string(),
  before: ProtectedMarkSchema.nullable(),
  after: ProtectedMarkSchema.nullable(),
  note: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const RowProblemSchema = z.object({ rowNumber: z.number().int(), reason: z.string() });
export type RowProblem = z.infer<typeof RowProblemSchema>;

/** What to do with records that repeat a mark already present (same name after folding, same category). */
export const DuplicateChoiceSchema = z.enum(['merge', 'keep', 'skip']);
export type DuplicateChoice = z.infer<typeof DuplicateChoiceSchema>;

/** A row of an import file that repeats a mark of the registry or an earlier row of the same file. */
export const ImportDuplicateSchema = z.object({
  rowNumber: z.number().int(),
  id: z.string(),
  name: z.string(),
  category: z.string(),
  /** 编号 and name of the record it repeats */
  sameAsId: z.string(),
  sameAsName: z.string(),
  /** true when the repeated record is an earlier row of the file, false when it is in the registry */
  inFile: z.boolean(),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicateSchema>;

export const ImportPreviewSchema = z.object({
  /** Identifies the parsed file held in main until commit or discard. */
  token: z.string(),
  fileName: z.string(),
  totalRows: z.number().int(),
  goodRows: z.number().int(),
  newCount: z.number().int(),
  changedCount: z.number().int(),
  unchangedCount: z.number().int(),
  problems: z.array(RowProblemSchema),
  sample: z.array(ProtectedMarkSchema),
  /** every duplicate row; the import needs a choice (registry.importChoose) before it commits when there are any */
  duplicates: z.array(ImportDuplicateSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  markCount: z.number().int(),
  /**
   * true when this start filled an empty database with the sample registry and nothing has replaced it since
   * (an import or a restore ends it): the 首次启动 notice is shown while it holds
   */
  seededOnThisStart: z.boolean(),
  /** how many sample records that start put in */
  seededCount: z.number().int(),
  /** screening batches ever imported (the first-start guide shows 导入初审公告 until there is one) */
  batchCount: z.number().int(),
  transport: z.enum(['electron', 'web', 'server']),
  /** what this start must tell the clerk: an interrupted restore undone, a start-up backup a full disk stopped */
  notices: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** What a backup holds, for the restore confirmation; null when the file cannot be read as a database. */
export const BackupCountsSchema = z.object({ marks: z.number().int(), batches: z.number().int(), letters: z.number().int() });
export const BackupInfoSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  counts: BackupCountsSchema.nullable(),
});

export const OperatorInfoSchema = z.object({ operator: z.string(), systemName: z.string(), effective: z.string() });
export type OperatorInfo = z.infer<typeof OperatorInfoSchema>;
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const NoInput = z.object({}).strict();
const MarkKey = z.object({ key: z.number().int().positive() }).strict();
/** the version of the record the clerk saw (StoredMark.version) */
const SeenMarkVersion = z.number().int().min(0);

export const registryContract = {
  'app.info': { input: NoInput, output: AppInfoSchema },
  /** 经办人 in 设置: who is recorded as acting; an empty name falls back to the OS user's full name */
  'settings.operator': { input: NoInput, output: OperatorInfoSchema },
  'settings.setOperator': { input: z.object({ operator: z.string().max(200) }).strict(), output: OperatorInfoSchema },

  'registry.list': { input: NoInput, output: z.array(StoredMarkSchema) },
  /** With a duplicate in the registry and no `duplicates` choice the create is refused (conflict) and nothing is written. */
  'registry.create': {
    input: z.object({ mark: ProtectedMarkSchema, duplicates: z.enum(['merge', 'keep']).optional() }).strict(),
    output: StoredMarkSchema,
  },
  /** The registry's records that this one would duplicate (same folded name and category, other 编号). */
  'registry.findDuplicates': { input: z.object({ mark: ProtectedMarkSchema }).strict(), output: z.array(StoredMarkSchema) },
  /** What a mark's deletion touches: its hits and the letters that cite them. */
  'registry.usage': { input: MarkKey, output: z.object({ hits: z.number().int(), letters: z.number().int() }) },
  /**
   * `version`: the record's version as the clerk saw it. When another clerk has changed or deleted the record since,
   * nothing is written: a conflict carrying the record as it is now (markConflictOf), or not-found when it is gone.
   */
  'registry.update': {
    input: z.object({ key: z.number().int().positive(), version: SeenMarkVersion, mark: ProtectedMarkSchema }).strict(),
    output: StoredMarkSchema,
  },
  /** As registry.update: a record changed since the clerk saw `version` is not deleted (a conflict with it as it is now). */
  'registry.delete': { input: z.object({ key: z.number().int().positive(), version: SeenMarkVersion }).strict(), output: z.object({ deleted: z.boolean() }) },
  'registry.history': { input: MarkKey, output: z.array(AuditEntrySchema) },
  /** Reads a table the clerk chose with `files.open` (purpose 'table'). */
  'registry.importPreview': { input: z.object({ fileToken: FileTokenSchema }).strict(), output: ImportPreviewSchema },
  'registry.importCommit': {
    input: z.object({ token: z.string().min(1) }).strict(),
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      /** duplicate rows merged into the record they repeat, and skipped */
      merged: z.number().int(),
      skipped: z.number().int(),
    }),
  },
  /** Records the clerk's choice for the previewed file's duplicate rows (kept separate so importCommit stays {token}). */
  'registry.importChoose': {
    input: z.object({ token: z.string().min(1), duplicates: DuplicateChoiceSchema }).strict(),
    output: z.object({}),
  },
  'registry.importDiscard': { input: z.object({ token: z.string().min(1) }).strict(), output: z.object({}) },
  /** Asks where to save (main's dialog) and writes the whole registry there. */
  'registry.export': {
    input: z.object({ format: z.enum(['csv', 'xlsx']) }).strict(),
    output: savedOrCancelled({ rows: z.number().int() }),
  },

  /** Asks where to save (main's dialog) and writes a backup there. */
  'backup.create': {
    input: NoInput,
    output: savedOrCancelled({ fileName: z.string(), sizeBytes: z.number(), createdAt: z.string() }),
  },
  /** Restores a backup the clerk chose with `files.open` (purpose 'backup') or one of the automatic backups by name. */
  'backup.restore': {
    input: z.union([
      z.object({ fileToken: FileTokenSchema }).strict(),
      z.object({ automaticBackup: z.string().min(1).max(255) }).strict(),
    ]),
    output: z.object({ restoredFrom: z.string(), previousKeptAt: z.string(), markCount: z.number().int() }),
  },
  'backup.listAutomatic': { input: NoInput, output: z.array(BackupInfoSchema) },
} as const;
