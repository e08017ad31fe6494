// pg_dump and pg_restore are found on PATH (the PostgreSQL client package); a missing one is said in Chinese with
// what to install, before anything is written or changed.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';

export type PgTool = 'pg_dump' | 'pg_restore';

/** The tool's full path on `searchPath` (PATH by default), or a Chinese failure naming what to install. */
export function findPgTool(tool: PgTool, searchPath: string = process.env.PATH ?? ''): string {
  const names = process.platform === 'win32' ? [`${tool}.exe`] : [tool];
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  throw new AppFailure(
    'unsupported',
    `找不到 ${tool}：服务器备份与恢复需要 PostgreSQL 客户端程序（${tool}），在 PATH 中没有找到它。` +
      '请安装与数据库服务器同一大版本的 PostgreSQL 客户端（Debian/Ubuntu：apt install postgresql-client），再重试。未做任何更改。',
  );
}

/** Runs a tool; rejects with its standard error (in Chinese framing) when it exits non-zero. */
export function runTool(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} 失败：${(stderr || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/**
 * The database URL for pg_dump/pg_restore without its password, which goes in PGPASSWORD instead: a command line
 * is visible to every user of the machine (ps), the environment is not.
 */
export function connectionFor(url: string, env: NodeJS.ProcessEnv = process.env): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  if (!parsed.password) return { dbname: url, env };
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...env, PGPASSWORD: password } };
}
