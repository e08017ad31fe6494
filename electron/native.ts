// better-sqlite3 is a native module: Node and Electron need different builds (different ABIs). The tests use the
// one npm built for Node in node_modules; the app uses the Electron build that build/ensure-electron.mjs puts in
// native/electron-<abi>/ (or, packaged, the one electron-builder rebuilt), passed as better-sqlite3's nativeBinding.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function electronNativeBinding(appRoot: string, modulesAbi: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const candidate = path.join(appRoot, 'native', `electron-${modulesAbi}`, 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
