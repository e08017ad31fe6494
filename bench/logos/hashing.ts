// Hashing many image files with a bounded number in flight (libvips decodes what electron/logos/decode.ts does not
// on libuv's threads; the rest runs here), keeping the hashes in flat arrays. Files are read synchronously: this
// runs in worker threads or a benchmark, and fs/promises' open, stat, read and close cost a tenth of the CPU for
// images this small.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { type FeatureOptions, isQueryVariant, logoFeatures, type LogoFeatures, type LogoPart, type LogoVariant, type SymmetricFeatures } from '../../electron/logos/features';
import { decodeFeatures, encodeFeatures } from '../../electron/logos/stored-features';
import { ORIENTATIONS, THUMB_SIDE } from '../../shared/engine/logo/hash';
import { COLOUR_BYTES } from '../../shared/engine/logo/colour';
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
  /** each image's parts, by position */
  parts: LogoPart[][];
  /** each registry logo's print's parts when it is in colour (LogoFeatures.printParts), by position */
  printParts: Array<LogoPart[] | undefined>;
  /** each registry logo's symmetric print's features (LogoFeatures.printSymmetric), by position */
  printSymmetric: Array<SymmetricFeatures | undefined>;
  /** n × COLOUR_BYTES: each image's colour grid (zeros for a failed one) */
  colour: Uint8Array;
}

const WORDS = ORIENTATIONS * 2;

/** Whether features stored in the images table's layout read back whole: decoded and encoded again, the same bytes. */
function readsBack(f: LogoFeatures): boolean {
  const blob = encodeFeatures(f);
  const back = decodeFeatures(blob);
  return back !== null && encodeFeatures(back).equals(blob);
}

/** How an image's bytes become the bytes hashed (hashFiles): as they are, or as a print gives them (greyPrint). */
export type Reading = (bytes: Buffer) => Promise<Buffer> | Buffer;

/** An image as a gazette printed in black and white gives it: flattened on white, in grey (quality.ts --grey). */
export const greyPrint = (bytes: Buffer): Promise<Buffer> => sharp(bytes).flatten({ background: '#fff' }).greyscale().png().toBuffer();

/** The reason kept for an image whose features the app could not read back from its images table (asStored). */
export const NOT_READ_BACK = '特征存入数据库后无法原样读回';

/**
 * reading: how an image's bytes become the bytes hashed (default: as they are; quality.ts --grey flattens them to
 * grey, as a gazette printed in black and white gives them). asStored: each image's features also go through the
 * images table's layout (electron/logos/stored-features.ts), as the app keeps them; one that does not read back
 * byte for byte is failed with NOT_READ_BACK, as the app would leave it out of the search.
 */
export async function hashFiles(
  files: readonly string[], inFlight = 8, options: FeatureOptions = {}, reading: Reading = (b) => b,
  asStored = false,
): Promise<HashedSet> {
  const phash = new Uint32Array(files.length * WORDS);
  const dhash = new Uint32Array(files.length * WORDS);
  const thumb = new Uint8Array(files.length * T);
  const failed = new Map<number, string>();
  const variants: LogoVariant[][] = files.map(() => []);
  const aspect = new Float64Array(files.length);
  const symmetric: Array<SymmetricFeatures | undefined> = files.map(() => undefined);
  const parts: LogoPart[][] = files.map(() => []);
  const printParts: Array<LogoPart[] | undefined> = files.map(() => undefined);
  const printSymmetric: Array<SymmetricFeatures | undefined> = files.map(() => undefined);
  const colour = new Uint8Array(files.length * COLOUR_BYTES);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const f = await logoFeatures(await reading(readFileSync(files[i]!)), options);
      if (!f.ok) {
        failed.set(i, f.error.message);
        continue;
      }
      if (asStored && !readsBack(f.value)) {
        failed.set(i, NOT_READ_BACK);
        continue;
      }
      phash.set(f.value.phash, i * WORDS);
      dhash.set(f.value.dhash, i * WORDS);
      thumb.set(f.value.thumb, i * T);
      variants[i] = f.value.variants;
      aspect[i] = f.value.aspect;
      symmetric[i] = f.value.symmetric;
      parts[i] = f.value.parts;
      printParts[i] = f.value.printParts;
      printSymmetric[i] = f.value.printSymmetric;
      colour.set(f.value.colour, i * COLOUR_BYTES);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { phash, dhash, thumb, failed, variants, aspect, symmetric, parts, printParts, printSymmetric, colour };
}

/** The hashes of item i of a set (all orientations), as a query. */
export const queryOf = (set: HashedSet, i: number) => ({
  phash: set.phash.subarray(i * WORDS, (i + 1) * WORDS),
  dhash: set.dhash.subarray(i * WORDS, (i + 1) * WORDS),
  thumb: set.thumb.subarray(i * T, (i + 1) * T),
  aspect: set.aspect[i]!,
  variants: set.variants[i]!.filter(isQueryVariant),
  symmetric: set.symmetric[i],
  parts: set.parts[i],
  colour: set.colour.subarray(i * COLOUR_BYTES, (i + 1) * COLOUR_BYTES),
});

/** Orientation 0 of every item: what a registry stores (a failed image as a blank entry that nothing meets). */
export function storedOf(set: HashedSet): StoredHashes {
  return storedHashesOf(Array.from(set.aspect, (aspect, i) => ({
    phash: set.phash.subarray(i * WORDS, i * WORDS + 2),
    dhash: set.dhash.subarray(i * WORDS, i * WORDS + 2),
    thumb: set.thumb.subarray(i * T, (i + 1) * T),
    aspect,
    variants: set.failed.has(i) ? [] : set.variants[i]!,
    symmetric: set.failed.has(i) ? undefined : set.symmetric[i],
    parts: set.failed.has(i) ? [] : set.parts[i],
    printParts: set.failed.has(i) ? undefined : set.printParts[i],
    printSymmetric: set.failed.has(i) ? undefined : set.printSymmetric[i],
    // a failed image's grid of zeros is never read: its blank thumbnail meets nothing
    colour: set.colour.subarray(i * COLOUR_BYTES, (i + 1) * COLOUR_BYTES),
  })));
}

/**
 * The parts of a set's images in flat arrays, for posting from a worker thread: a structured clone of 300,000
 * small objects with their typed arrays costs the receiving thread more than searching them.
 */
export interface PackedParts {
  /** image i's parts are first[i] .. first[i + 1] */
  first: Uint32Array;
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  box: Uint16Array;
  share: Float64Array;
  aspect: Float64Array;
  informative: Uint8Array;
}

export function packParts(parts: readonly LogoPart[][]): PackedParts {
  const first = new Uint32Array(parts.length + 1);
  parts.forEach((p, i) => (first[i + 1] = first[i]! + p.length));
  const n = first[parts.length]!;
  const packed: PackedParts = {
    first, phash: new Uint32Array(n * WORDS), dhash: new Uint32Array(n * WORDS), thumb: new Uint8Array(n * T), box: new Uint16Array(4 * n),
    share: new Float64Array(n), aspect: new Float64Array(n), informative: new Uint8Array(n),
  };
  parts.flat().forEach((p, k) => {
    packed.phash.set(p.phash, k * WORDS);
    packed.dhash.set(p.dhash, k * WORDS);
    packed.thumb.set(p.thumb, k * T);
    packed.box.set(p.box, 4 * k);
    packed.share[k] = p.share;
    packed.aspect[k] = p.aspect;
    packed.informative[k] = p.informative;
  });
  return packed;
}

/** A registry's print parts packed: the parts (none for a logo without colour) and which logos have a print. */
export const packPrintParts = (printParts: ReadonlyArray<LogoPart[] | undefined>): { parts: PackedParts; printed: Uint8Array } =>
  ({ parts: packParts(printParts.map((p) => p ?? [])), printed: Uint8Array.from(printParts, (p) => (p ? 1 : 0)) });

/** The print parts again (packPrintParts). */
export const unpackPrintParts = (packed: { parts: PackedParts; printed: Uint8Array }): Array<LogoPart[] | undefined> =>
  unpackParts(packed.parts).map((p, i) => (packed.printed[i] ? p : undefined));

/** The parts again, as views into the packed arrays. */
export function unpackParts(packed: PackedParts): LogoPart[][] {
  return Array.from({ length: packed.first.length - 1 }, (_, i) => {
    const out: LogoPart[] = [];
    for (let k = packed.first[i]!; k < packed.first[i + 1]!; k++) {
      out.push({
        phash: packed.phash.subarray(k * WORDS, (k + 1) * WORDS), dhash: packed.dhash.subarray(k * WORDS, (k + 1) * WORDS),
        thumb: packed.thumb.subarray(k * T, (k + 1) * T), box: [packed.box[4 * k]!, packed.box[4 * k + 1]!, packed.box[4 * k + 2]!, packed.box[4 * k + 3]!],
        share: packed.share[k]!, aspect: packed.aspect[k]!, informative: packed.informative[k]!,
      });
    }
    return out;
  });
}
