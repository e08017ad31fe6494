// What a source file is at a moment: size, modification time and SHA-256 of its bytes. Taken when an import
// begins and again when it ends, so that a file that was still being copied, saved over or synced while it was
// read is noticed (issue 9, item 12) — size and time alone miss a save within the file system's time resolution.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export async function fileFingerprint(filePath: string): Promise<FileFingerprint> {
  const before = await stat(filePath);
  const hash = createHash('sha256');
  for await (const piece of createReadStream(filePath, { highWaterMark: 1 << 20 })) hash.update(piece as Buffer);
  const after = await stat(filePath);
  // a file that changed while it was hashed gets a fingerprint no later reading can match
  const sha256 = before.size === after.size && before.mtimeMs === after.mtimeMs ? hash.digest('hex') : 'changing';
  return { size: after.size, mtimeMs: after.mtimeMs, sha256 };
}

/** The same bytes (a file copied back unchanged has another time but is the same file). */
export function sameFile(a: FileFingerprint, b: FileFingerprint): boolean {
  return a.size === b.size && a.sha256 === b.sha256 && a.sha256 !== 'changing';
}
