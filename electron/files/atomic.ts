// Every file the program writes for the user goes through a temporary file and a rename, so that a failure or a
// crash never leaves a truncated file under the name the user chose.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/result';

export async function writeFileAtomically(
  filePath: string,
  content: string | Buffer,
  options: { createFolder?: boolean } = {},
): Promise<void> {
  const temporary = `${filePath}.part`;
  try {
    if (options.createFolder) await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(temporary, content);
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `无法写入文件 ${filePath}：${reason}`);
  }
}
