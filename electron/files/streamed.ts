// Writing a file the clerk asked for a piece at a time (issue 9, item 17: an export of a million rows is never one
// buffer), through a temporary file and a rename like every other file the program writes (atomic.ts).
import { open, rename, rm } from 'node:fs/promises';
import { AppFailure } from '../../shared/result';

export type ChunkWriter = (chunk: string | Uint8Array) => Promise<void>;

/** Calls `produce` with a writer into `<filePath>.part`, then renames it to `filePath`; on failure nothing is left. */
export async function writeFileStreamed<T>(filePath: string, produce: (write: ChunkWriter) => Promise<T>): Promise<T> {
  const temporary = `${filePath}.part`;
  let handle;
  try {
    handle = await open(temporary, 'w');
    const file = handle;
    const result = await produce(async (chunk) => {
      await file.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    });
    await file.close();
    handle = undefined;
    await rename(temporary, filePath);
    return result;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof AppFailure) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `无法写入文件 ${filePath}：${reason}`);
  }
}
