// Hashing many image files with a bounded number in flight (sharp decodes on libuv's threads; the pure hashing
// runs here), keeping the hashes in flat arrays.
import { readFile } from 'node:fs/promises';
import { logoFeatures } from '../../electron/logos/features';
import { ORIENTATIONS, THUMB_SIDE } from '../../shared/engine/logo/hash';

const T = THUMB_SIDE * THUMB_SIDE;

export interface HashedSet {
  /** n × ORIENTATIONS × [hi, lo] */
  phash: Uint32Array;
  dhash: Uint32Array;
  /** n × THUMB_SIDE² */
  thumb: Uint8Array;
  /** Chinese reason per failed image, by position */
  failed: Map<number, string>;
}

const WORDS = ORIENTATIONS * 2;

export async function hashFiles(files: readonly string[], inFlight = 8): Promise<HashedSet> {
  const phash = new Uint32Array(files.length * WORDS);
  const dhash = new Uint32Array(files.length * WORDS);
  const thumb = new Uint8Array(files.length * T);
  const failed = new Map<number, string>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const f = await logoFeatures(await readFile(files[i]!));
      if (!f.ok) {
        failed.set(i, f.error.message);
        continue;
      }
      phash.set(f.value.phash, i * WORDS);
      dhash.set(f.value.dhash, i * WORDS);
      thumb.set(f.value.thumb, i * T);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { phash, dhash, thumb, failed };
}

/** The hashes of item i of a set (all orientations), as a query. */
export const queryOf = (set: HashedSet, i: number) => ({
  phash: set.phash.subarray(i * WORDS, (i + 1) * WORDS),
  dhash: set.dhash.subarray(i * WORDS, (i + 1) * WORDS),
  thumb: set.thumb.subarray(i * T, (i + 1) * T),
});

/** Orientation 0 of every item: what a registry stores. */
export function storedOf(set: HashedSet): { phash: Uint32Array; dhash: Uint32Array; thumb: Uint8Array } {
  const n = set.phash.length / WORDS;
  const phash = new Uint32Array(2 * n);
  const dhash = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    phash[2 * i] = set.phash[i * WORDS]!;
    phash[2 * i + 1] = set.phash[i * WORDS + 1]!;
    dhash[2 * i] = set.dhash[i * WORDS]!;
    dhash[2 * i + 1] = set.dhash[i * WORDS + 1]!;
  }
  return { phash, dhash, thumb: set.thumb };
}
