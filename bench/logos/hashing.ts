// Hashing many image files with a bounded number in flight (sharp decodes on libuv's threads; the pure hashing
// runs here), keeping the hashes in flat arrays.
import { readFile } from 'node:fs/promises';
import { type FeatureOptions, isRegistryVariant, logoFeatures, type LogoVariant } from '../../electron/logos/features';
import { ORIENTATIONS, THUMB_SIDE } from '../../shared/engine/logo/hash';
import type { StoredHashes } from '../../shared/engine/logo/match';

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
}

const WORDS = ORIENTATIONS * 2;

export async function hashFiles(files: readonly string[], inFlight = 8, options: FeatureOptions = {}): Promise<HashedSet> {
  const phash = new Uint32Array(files.length * WORDS);
  const dhash = new Uint32Array(files.length * WORDS);
  const thumb = new Uint8Array(files.length * T);
  const failed = new Map<number, string>();
  const variants: LogoVariant[][] = files.map(() => []);
  const aspect = new Float64Array(files.length);
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
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { phash, dhash, thumb, failed, variants, aspect };
}

/** The hashes of item i of a set (all orientations), as a query. */
export const queryOf = (set: HashedSet, i: number) => ({
  phash: set.phash.subarray(i * WORDS, (i + 1) * WORDS),
  dhash: set.dhash.subarray(i * WORDS, (i + 1) * WORDS),
  thumb: set.thumb.subarray(i * T, (i + 1) * T),
  aspect: set.aspect[i]!,
  variants: set.variants[i]!.filter((v) => v.kind === 'peel'),
});

/** Orientation 0 of every item: what a registry stores. */
export function storedOf(set: HashedSet): StoredHashes {
  const n = set.phash.length / WORDS;
  const crops = set.variants.flatMap((list, i) => (set.failed.has(i) ? [] : list.filter(isRegistryVariant).map((v) => [i, v] as const)));
  const variants = {
    owner: Uint32Array.from(crops, ([i]) => i),
    phash: new Uint32Array(2 * crops.length),
    dhash: new Uint32Array(2 * crops.length),
    thumb: new Uint8Array(T * crops.length),
    aspect: Float64Array.from(crops, ([, v]) => v.aspect),
  };
  crops.forEach(([, v], k) => {
    variants.phash.set(v.phash.subarray(0, 2), 2 * k);
    variants.dhash.set(v.dhash.subarray(0, 2), 2 * k);
    variants.thumb.set(v.thumb, T * k);
  });
  const phash = new Uint32Array(2 * n);
  const dhash = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    phash[2 * i] = set.phash[i * WORDS]!;
    phash[2 * i + 1] = set.phash[i * WORDS + 1]!;
    dhash[2 * i] = set.dhash[i * WORDS]!;
    dhash[2 * i + 1] = set.dhash[i * WORDS + 1]!;
  }
  return { phash, dhash, thumb: set.thumb, aspect: set.aspect, variants };
}
