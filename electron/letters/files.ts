// Archived letter files: written through a temporary file and a rename so that a crash never leaves a half
// file under a letter's name, and identified by their SHA-256 so that a changed archive copy is noticed.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/result';
import { writeFileAtomically } from '../files/atomic';

export const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

export const writeAtomically = (filePath: string, content: Buffer): Promise<void> =>
  writeFileAtomically(filePath, content, { createFolder: true });

/**
 * Writes an archived letter file, never replacing one: an archived file is what was sent under its number. The
 * content is synced, then linked into place (which fails when the name exists). A file already there with the
 * same content is a render of the same letter that a crash kept from being recorded; a different one is refused.
 */
export async function writeArchiveFile(filePath: string, content: Buffer): Promise<void> {
  const temporary = `${filePath}.part`;
  try {
    await mkdir(path.dirname(filePath), { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await linkOrCopyExclusive(temporary, filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const existing = await readFile(filePath);
      if (sha256(existing) === sha256(content)) return;
      throw new AppFailure('conflict', `存档中已有文件 ${path.basename(filePath)}，内容与本函件不同；已签发的存档文件不会被覆盖。请联系管理员核对存档。`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `无法写入存档文件 ${filePath}：${reason}`);
  } finally {
    await rm(temporary, { force: true }).catch(() => {});
  }
}

/** Puts `from` at `to` unless `to` exists; a file system without hard links (FAT, exFAT) gets an exclusive copy. */
async function linkOrCopyExclusive(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
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
  if (path.resolve(source) !== path.resolve(target)) await writeFileAtomically(target, content);
  return actual;
}
