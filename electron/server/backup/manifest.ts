// A server backup is one folder, backups/server-YYYYMMDD-HHMMSS/, holding three parts and a manifest:
//   app-data.sqlite   the app's data (SQLite backup API copy with the images packed in, as the desktop's backup)
//   accounts.dump     the accounts store, pg_dump custom format of the server's schema (sessions' rows left out)
//   accounts.sqlite   instead of accounts.dump when the accounts store is a SQLite file
//   manifest.json     what and when, the counts, and the SHA-256 of each part
// With the app's data on PostgreSQL (appData: 'postgres') the data's tables are in accounts.dump beside the
// accounts (one schema, one pg_dump snapshot) and app-data.sqlite is replaced by
//   images.sqlite     the 图样 files the data refers to, packed as the desktop's backup packs them
// The folder is written as <name>.part and renamed only after every part was hashed and checked.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../../shared/result';

export const MANIFEST_FILE = 'manifest.json';
export const APP_DATA_FILE = 'app-data.sqlite';
export const ACCOUNTS_DUMP_FILE = 'accounts.dump';
export const ACCOUNTS_SQLITE_FILE = 'accounts.sqlite';
export const IMAGES_FILE = 'images.sqlite';
export const SERVER_BACKUP_PREFIX = 'server-';
export const PART_SUFFIX = '.part';

export const ManifestSchema = z.object({
  format: z.literal('markguard-server-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  markguardVersion: z.string(),
  appSchemaVersion: z.number().int(),
  /** where the app's data was: the SQLite file (app-data.sqlite) or the store's PostgreSQL schema (in the dump) */
  appData: z.enum(['sqlite', 'postgres']).default('sqlite'),
  accounts: z.object({
    kind: z.enum(['postgres', 'sqlite']),
    /** the PostgreSQL schema dumped (public when the server uses the default) */
    schema: z.string().nullable(),
    /** the newest accounts migration applied */
    migration: z.string().nullable(),
  }),
  counts: z.object({
    users: z.number().int(),
    sessions: z.number().int(),
    marks: z.number().int(),
    hits: z.number().int(),
    letters: z.number().int(),
  }),
  parts: z.array(z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function describePart(folder: string, file: string): Promise<Manifest['parts'][number]> {
  const full = path.join(folder, file);
  return { file, bytes: statSync(full).size, sha256: await sha256OfFile(full) };
}

/**
 * Reads the manifest and checks every part against it (present, same size, same SHA-256). Throws a Chinese
 * AppFailure saying what is wrong; nothing is changed by a check.
 */
export async function verifyServerBackup(folder: string): Promise<Manifest> {
  const name = path.basename(folder);
  const manifestFile = path.join(folder, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new AppFailure('invalid-input', `「${folder}」不是商标守护的服务器备份（没有 ${MANIFEST_FILE}），未做任何更改。`);
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  } catch {
    throw new AppFailure('invalid-input', `服务器备份「${name}」的清单 ${MANIFEST_FILE} 已损坏或无法识别，未做任何更改。`);
  }
  const needed = [manifest.appData === 'postgres' ? IMAGES_FILE : APP_DATA_FILE, manifest.accounts.kind === 'postgres' ? ACCOUNTS_DUMP_FILE : ACCOUNTS_SQLITE_FILE];
  for (const file of needed) {
    if (!manifest.parts.some((part) => part.file === file)) {
      throw new AppFailure('invalid-input', `服务器备份「${name}」的清单中缺少「${file}」，未做任何更改。`);
    }
  }
  for (const part of manifest.parts) {
    const full = path.join(folder, part.file);
    if (path.basename(part.file) !== part.file || !existsSync(full)) {
      throw new AppFailure('invalid-input', `服务器备份「${name}」不完整：缺少「${part.file}」，未做任何更改。`);
    }
    const actual = await describePart(folder, part.file);
    if (actual.bytes !== part.bytes || actual.sha256 !== part.sha256) {
      throw new AppFailure('invalid-input', `服务器备份「${name}」已损坏：「${part.file}」的校验值（SHA-256）与清单不符，未做任何更改。`);
    }
  }
  return manifest;
}
