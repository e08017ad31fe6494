// Archived letter files: written through a temporary file and a rename so that a crash never leaves a half
// file under a letter's name, and identified by their SHA-256 so that a changed archive copy is noticed.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/result';

export const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

export async function writeAtomically(filePath: string, content: Buffer): Promise<void> {
  const temporary = `${filePath}.part`;
  try {
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(temporary, content);
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `无法写入文件 ${filePath}：${reason}`);
  }
}

/** Copies an archived file to where the user chose, after checking it is still the file that was issued. */
export async function exportChecked(source: string, expectedSha256: string, target: string): Promise<string> {
  let content: Buffer;
  try {
    content = await readFile(source);
  } catch {
    throw new AppFailure('not-found', `存档文件 ${source} 不存在`);
  }
  const actual = sha256(content);
  if (actual !== expectedSha256) {
    throw new AppFailure('conflict', `存档文件 ${source} 已被改动（校验值不符），为避免发出与签发时不同的文件，已停止导出。`);
  }
  if (path.resolve(source) === path.resolve(target)) return actual;
  const temporary = `${target}.part`;
  try {
    await copyFile(source, temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `无法写入文件 ${target}：${reason}`);
  }
  return actual;
}
