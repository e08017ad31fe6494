// Server backups (issue 11): in server mode the backups live on the server (its data folder's backups/, made on
// demand by a 管理员, by `npm run server -- backup` and daily on a schedule); the backup page shows where they are
// instead of offering a local save. The desktop app answers `available: false`.
import { z } from 'zod';
import { NoInput } from './registry';

export const ServerBackupSummarySchema = z.object({
  /** the backup's folder name, e.g. server-20261201-080000 */
  name: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});
export type ServerBackupSummary = z.infer<typeof ServerBackupSummarySchema>;

export const ServerBackupStatusSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false) }),
  z.object({
    available: z.literal(true),
    /** the folder on the server holding the backups */
    folder: z.string(),
    /** daily time (HH:MM, the server's local time), or null when the schedule is off */
    dailyAt: z.string().nullable(),
    keep: z.number().int().positive(),
    last: ServerBackupSummarySchema.nullable(),
    count: z.number().int().nonnegative(),
    /** the latest backup attempt that failed since the server started, when no backup succeeded after it */
    lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  }),
]);
export type ServerBackupStatus = z.infer<typeof ServerBackupStatusSchema>;

export const serverBackupContract = {
  /** Where the server's backups are, the schedule and the last one. */
  'serverBackup.status': { input: NoInput, output: ServerBackupStatusSchema },
  /** Makes a server backup now (管理员). */
  'serverBackup.create': { input: NoInput, output: ServerBackupSummarySchema },
} as const;
