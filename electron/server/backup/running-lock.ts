// A restore needs the server stopped: a running server keeps sessions in memory and writes into the app database
// being replaced. The server writes `server.pid` into its data folder while it runs; the restore refuses while that
// process lives. A file left by a killed server names a dead process and is ignored.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';

export const SERVER_PID_FILE = 'server.pid';

export function markServerRunning(dataDir: string): () => void {
  const file = path.join(dataDir, SERVER_PID_FILE);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Throws a Chinese refusal when the server of this data folder is running. */
export function refuseWhileServerRuns(dataDir: string): void {
  const file = path.join(dataDir, SERVER_PID_FILE);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    throw new AppFailure(
      'invalid-input',
      `服务器正在运行（进程 ${pid}，见 ${file}）：请先停止服务器再恢复。未做任何更改。若服务器确实没有运行，删除该文件后重试。`,
    );
  }
}
