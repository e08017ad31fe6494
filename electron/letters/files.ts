// Archived letter files: written through a temporary file and a rename so that a crash never leaves a half
// file under a letter's name, and identified by their SHA-256 so that a changed archive copy is noticed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/result';
import { writeFileAtomically } from '../files/atomic';

export const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

export const writeAtomically = (filePath: string, content: Buffer): Promise<void> =>
  writeFileAtomically(filePath, content, { createFolder: true });

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
  if (path.resolve(source) !== path.resolve(target)) await writeFileAtomically(target, content);
  return actual;
}
