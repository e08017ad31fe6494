// Where the data lives. Like Signal Desktop, each environment gets its own folder by suffix, so that running the
// development build or the tests can never touch a clerk's real registry.
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

export function currentActor(): string {
  try {
    return os.userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}
