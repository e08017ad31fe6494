// The server's settings: `server.json` in its data folder, then the environment. Everything has a default except
// what only the bureau knows (its own certificate); the database URL defaults to a local PostgreSQL.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../accounts/policy';
import { DATABASE_URL_ENV } from '../store/store';
import type { ServerBackupSettings } from './backup/service';

export const SERVER_CONFIG_FILE = 'server.json';
export const DEFAULT_SERVER_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/markguard';
export const DEFAULT_SERVER_PORT = 8443;

const ServerFileSchema = z
  .object({
    host: z.string().optional(),
    port: z.number().int().min(0).max(65535).optional(),
    /** postgres://… or sqlite:FILE (relative to the data folder) */
    databaseUrl: z.string().optional(),
    /** the bureau's certificate and key (PEM); without them a self-signed pair is made at first start */
    tls: z.object({ certFile: z.string(), keyFile: z.string() }).strict().optional(),
    sessions: z
      .object({ idleMinutes: z.number().positive().max(24 * 60), lifetimeHours: z.number().positive().max(24 * 30) })
      .strict()
      .optional(),
    /** server backups (electron/server/backup/): folder relative to the data folder, daily time HH:MM or null, how many kept */
    backups: z
      .object({
        folder: z.string().min(1).optional(),
        dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM（如 02:00）').nullable().optional(),
        keep: z.number().int().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string;
  tls: { certFile: string; keyFile: string } | null;
  sessions: SessionPolicy;
  backups: ServerBackupSettings;
}

/** The backups' defaults: backups/ in the data folder, daily at 02:00, the newest 14 kept. */
export const DEFAULT_BACKUP_DAILY_AT = '02:00';
export const DEFAULT_BACKUPS_KEPT = 14;

function readFileConfig(dataDir: string): z.infer<typeof ServerFileSchema> {
  const file = path.join(dataDir, SERVER_CONFIG_FILE);
  if (!existsSync(file)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`配置文件 ${file} 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = ServerFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`配置文件 ${file} 有误：${issue ? `${issue.path.join('.')} ${issue.message}` : ''}`);
  }
  return parsed.data;
}

/** server.json, then MARKGUARD_DATABASE_URL over its databaseUrl, then the command line's host and port. */
export function readServerConfig(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  args: { host?: string; port?: number } = {},
): ServerConfig {
  const file = readFileConfig(dataDir);
  const resolveFrom = (name: string) => path.resolve(dataDir, name);
  return {
    host: args.host ?? file.host ?? '0.0.0.0',
    port: args.port ?? file.port ?? DEFAULT_SERVER_PORT,
    databaseUrl: env[DATABASE_URL_ENV] ?? file.databaseUrl ?? DEFAULT_SERVER_DATABASE_URL,
    tls: file.tls ? { certFile: resolveFrom(file.tls.certFile), keyFile: resolveFrom(file.tls.keyFile) } : null,
    sessions: file.sessions ?? DEFAULT_SESSION_POLICY,
    backups: {
      backupsDir: resolveFrom(file.backups?.folder ?? 'backups'),
      dailyAt: file.backups?.dailyAt === undefined ? DEFAULT_BACKUP_DAILY_AT : file.backups.dailyAt,
      keep: file.backups?.keep ?? DEFAULT_BACKUPS_KEPT,
    },
  };
}
