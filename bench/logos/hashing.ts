// Hashing many image files with a bounded number in flight (sharp decodes on libuv's threads; the pure hashing
// runs here), keeping the hashes in flat arrays.
import { readFile } from 'node:fs/promises';
import { type FeatureOptions, isRegistryVariant, logoFeatures, type LogoVariant, type SymmetricFeatures } from '../../electron/logos/features';
import { ORIENTATIONS, THUMB_SIDE } from '../../shared/engine/logo/hash';
import { storedHashesOf, type StoredHashes } from '../../shared/engine/logo/match';

const T = THUMB_SIDE * THUMB_SIDE;

export interface HashedSet {
  /** n × ORIENTATIONS × [hi, lo] */
  phash: Uint32Array;
  dhash: Uint32Array;
  /** n × THUMB_SIDE² */
  thumb: Uint8Array;
  /** Chinese reason per failed image, by position */
  failed: Map<number, string>;
  /** each image's variants (peels and crops), by position */
  variants: LogoVariant[][];
  /** log2(width / height) of each image's content box */
  aspect: Float64Array;
  /** each symmetric image's symmetric hash and colour detail, by position */
  symmetric: Array<SymmetricFeatures | undefined>;
}

const WORDS = ORIENTATIONS * 2;

export async function hashFiles(files: readonly string[], inFlight = 8, options: FeatureOptions = {}): Promise<HashedSet> {
  const phash = new Uint32Array(files.length * WORDS);
  const dhash = new Uint32Array(files.length * WORDS);
  const thumb = new Uint8Array(files.length * T);
  const failed = new Map<number, string>();
  const variants: LogoVariant[][] = files.map(() => []);
  const aspect = new Float64Array(files.length);
  const symmetric: Array<SymmetricFeatures | undefined> = files.map(() => undefined);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const f = await logoFeatures(await readFile(files[i]!), options);
      if (!f.ok) {
        failed.set(i, f.error.message);
        continue;
      }
      phash.set(f.value.phash, i * WORDS);
      dhash.set(f.value.dhash, i * WORDS);
      thumb.set(f.value.thumb, i * T);
      variants[i] = f.value.variants;
      aspect[i] = f.value.aspect;
      symmetric[i] = f.value.symmetric;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { phash, dhash, thumb, failed, variants, aspect, symmetric };
}

/** The hashes of item i of a set (all orientations), as a query. */
export const queryOf = (set: HashedSet, i: number) => ({
  phash: set.phash.subarray(i * WORDS, (i + 1) * WORDS),
  dhash: set.dhash.subarray(i * WORDS, (i + 1) * WORDS),
  thumb: set.thumb.subarray(i * T, (i + 1) * T),
  aspect: set.aspect[i]!,
  variants: set.variants[i]!.filter((v) => v.kind === 'peel'),
  symmetric: set.symmetric[i],
});

/** Orientation 0 of every item: what a registry stores (a failed image as a blank entry that nothing meets). */
export function storedOf(set: HashedSet): StoredHashes {
  return storedHashesOf(Array.from(set.aspect, (aspect, i) => ({
    phash: set.phash.subarray(i * WORDS, i * WORDS + 2),
    dhash: set.dhash.subarray(i * WORDS, i * WORDS + 2),
    thumb: set.thumb.subarray(i * T, (i + 1) * T),
    aspect,
    variants: set.failed.has(i) ? [] : set.variants[i]!.filter(isRegistryVariant),
    symmetric: set.failed.has(i) ? undefined : set.symmetric[i],
  })));
}
