// The one contract between the renderer and the rest: channel → zod input → zod output.
// The preload allow-list, the Electron registration, the web bridge and both clients are derived from this table.
import { z } from 'zod';
import { CategorySchema, NiceClassSchema, ProtectedMarkSchema } from './domain';
import type { Result } from './result';

/** A protected mark as stored: the user's record plus the database's key and timestamps. */
export const StoredMarkSchema = ProtectedMarkSchema.extend({
  key: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredMark = z.infer<typeof StoredMarkSchema>;

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
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const FileFilterSchema = z.enum(['table', 'backup']);

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  markCount: z.number().int(),
  /** true when this start filled an empty database with the sample registry */
  seededOnThisStart: z.boolean(),
  transport: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const BackupInfoSchema = z.object({ path: z.string(), fileName: z.string(), sizeBytes: z.number(), createdAt: z.string() });
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

const NoInput = z.object({}).strict();
const MarkKey = z.object({ key: z.number().int().positive() }).strict();

export const contract = {
  'app.info': { input: NoInput, output: AppInfoSchema },

  'registry.list': { input: NoInput, output: z.array(StoredMarkSchema) },
  'registry.create': { input: z.object({ mark: ProtectedMarkSchema }).strict(), output: StoredMarkSchema },
  'registry.update': {
    input: z.object({ key: z.number().int().positive(), mark: ProtectedMarkSchema }).strict(),
    output: StoredMarkSchema,
  },
  'registry.delete': { input: MarkKey, output: z.object({ deleted: z.boolean() }) },
  'registry.history': { input: MarkKey, output: z.array(AuditEntrySchema) },
  'registry.importPreview': { input: z.object({ path: z.string().min(1) }).strict(), output: ImportPreviewSchema },
  'registry.importCommit': {
    input: z.object({ token: z.string().min(1) }).strict(),
    output: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  },
  'registry.importDiscard': { input: z.object({ token: z.string().min(1) }).strict(), output: z.object({}) },
  'registry.export': {
    input: z.object({ path: z.string().min(1), format: z.enum(['csv', 'xlsx']) }).strict(),
    output: z.object({ rows: z.number().int(), path: z.string() }),
  },

  'dialog.openFile': {
    input: z.object({ title: z.string(), filter: FileFilterSchema }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'dialog.saveFile': {
    input: z.object({ title: z.string(), defaultName: z.string(), filter: FileFilterSchema }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },

  'backup.create': { input: z.object({ path: z.string().min(1) }).strict(), output: BackupInfoSchema },
  'backup.restore': {
    input: z.object({ path: z.string().min(1) }).strict(),
    output: z.object({ restoredFrom: z.string(), previousKeptAt: z.string(), markCount: z.number().int() }),
  },
  'backup.listAutomatic': { input: NoInput, output: z.array(BackupInfoSchema) },
} as const;

export { CategorySchema, NiceClassSchema };

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** The client the renderer sees as `window.markguard`: one async method per channel, errors as values. */
export type MarkGuardClient = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/** Builds a client from any transport; used by the preload (IPC) and the browser (web bridge). */
export function createClient(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
): MarkGuardClient {
  const client: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNELS) client[channel] = (input) => invoke(channel, input);
  // The mapped type above is what each entry is; TypeScript cannot see that through the loop.
  return client as unknown as MarkGuardClient;
}

export const IPC_PREFIX = 'markguard:';
