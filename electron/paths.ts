// Where the data lives. Like Signal Desktop, each environment gets its own folder by suffix, so that running the
// development build or the tests can never touch a clerk's real registry.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Environment = 'production' | 'development' | 'test';
export const APP_FOLDER = 'MarkGuard';

export function environmentFromEnv(env: NodeJS.ProcessEnv = process.env): Environment {
  const value = env.MARKGUARD_ENV;
  return value === 'development' || value === 'test' ? value : 'production';
}

export function dataFolderName(environment: Environment): string {
  return environment === 'production' ? APP_FOLDER : `${APP_FOLDER}-${environment}`;
}

/**
 * The data folder: an explicit override (command-line --data-dir or MARKGUARD_DATA_DIR) wins; otherwise the
 * platform's application-data folder (Electron's appData) with the environment's folder name.
 */
export function resolveDataDir(options: { override?: string; appDataDir?: string; environment: Environment }): string {
  if (options.override) return path.resolve(options.override);
  const appData =
    options.appDataDir ??
    (process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config')));
  return path.join(appData, dataFolderName(options.environment));
}

/** The person's name in a GECOS field ("张三,,," or "Zhang San,Room 1,…"): its first part, or null. */
export function gecosName(gecos: string): string | null {
  const name = (gecos.split(',')[0] ?? '').trim();
  return name === '' ? null : name;
}

/** The full name of the account `uid` in /etc/passwd text, or null (no entry, or no name in it). */
export function fullNameFromPasswd(passwd: string, uid: number): string | null {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields.length >= 7 && Number(fields[2]) === uid) return gecosName(fields[4] ?? '');
  }
  return null;
}

function osFullName(): string | null {
  try {
    if (process.platform === 'darwin') return gecosName(execFileSync('id', ['-F'], { encoding: 'utf8', timeout: 2000 }));
    if (process.platform === 'win32' || typeof process.getuid !== 'function') return null;
    // /etc/passwd first; accounts from a directory (LDAP, AD) only getent knows
    const uid = process.getuid();
    const local = fullNameFromPasswd(readFileSync('/etc/passwd', 'utf8'), uid);
    if (local) return local;
    return fullNameFromPasswd(execFileSync('getent', ['passwd', String(uid)], { encoding: 'utf8', timeout: 2000 }), uid);
  } catch {
    return null;
  }
}

/**
 * Who acts, for the audit log and the letters when no 经办人 is set in 设置: the OS user's full name when the
 * system knows it, else the login name — never a bare "root" when a full name is known.
 */
export function currentActor(): string {
  const fullName = osFullName();
  if (fullName) return fullName;
  try {
    return os.userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}
