// The features of a stored image as the images table keeps them: the hashes of the figure as it stands in the
// phash/dhash columns, and in the thumb column the 32 × 32 figure followed by a versioned trailer with the box's
// shape, the sub-regions (crops and peels, shared/engine/logo/regions.ts), for a symmetric figure its inner detail
// (shared/engine/logo/detail.ts), the figure's parts (shared/engine/logo/parts.ts) and its colour grid and its
// peels' (shared/engine/logo/colour.ts), a colour logo's print's parts and symmetric detail, and the inner detail of
// each crop that is symmetric. Hashes are always taken from the rounded thumbnails, so features read back equal
// the features computed. A thumb without the trailer of FEATURES_VERSION holds features of an older kind: they are
// computed again from the image (store.ts), never mixed.
import { THUMB_SIDE } from '../../shared/engine/logo/hash';
import { SHARE_STEPS } from '../../shared/engine/logo/parts';
import { COLOUR_BYTES } from '../../shared/engine/logo/colour';
import type { LogoQuery } from '../../shared/engine/logo/logo-index';
import { FEATURES_VERSION, hashedPart, hashedThumb, isQueryVariant, isRegistryVariant, type LogoFeatures, type LogoPart, type LogoVariant, type SymmetricFeatures, symmetricFeatures } from './features';

const T = THUMB_SIDE * THUMB_SIDE;
const MAGIC = [0x4d, 0x47, 0x4c]; // "MGL"
const KINDS: ReadonlyArray<LogoVariant['kind']> = ['crop', 'peel', 'soft', 'grey', 'grey-crop', 'unframed', 'turned', 'grounded'];
/** The variants that carry a colour grid: a query's (the peels, the figure inside a frame). */
const gridded = (kind: LogoVariant['kind'] | undefined) => kind !== undefined && isQueryVariant({ kind });
/** Aspects are kept in 1/32 of a log2 unit (features.ts rounds them so), within ±127/32. */
const ASPECT_STEP = 32;

const aspectByte = (a: number) => Math.max(-127, Math.min(127, Math.round(a * ASPECT_STEP))) & 0xff;
const aspectOfByte = (b: number) => (b > 127 ? b - 256 : b) / ASPECT_STEP;

/** Where the symmetric part starts: after the thumbnail, the 6-byte header and the variants. */
const symmetricAt = (variants: number) => T + 6 + variants * (T + 2);
/** A part: its box (4 bytes: decoded coordinates are at most DECODE_SIDE), its share in 1/SHARE_STEPS, its thumbnail. */
const PART_BYTES = 5 + T;
/** The count byte of the print's parts for features without them (a query, a logo without colour): 0 is a print of one part. */
const NO_PRINT = 0xff;

function writeParts(out: Buffer, at: number, parts: readonly LogoPart[]): void {
  out[at] = parts.length;
  parts.forEach((p, k) => {
    const from = at + 1 + k * PART_BYTES;
    out.set([...p.box, Math.round(p.share * SHARE_STEPS)], from);
    out.set(p.thumb.subarray(0, T), from + 5);
  });
}

/** The count parts at `at` (after their count byte), or null for a damaged one. */
function readParts(blob: Uint8Array, at: number, count: number): LogoPart[] | null {
  const parts: LogoPart[] = [];
  for (let k = 0; k < count; k++) {
    const from = at + k * PART_BYTES;
    const [x0, y0, x1, y1, share] = blob.subarray(from, from + 5);
    if (!(x1! > x0! && y1! > y0! && share! > 0)) return null;
    parts.push(hashedPart(Uint8Array.from(blob.subarray(from + 5, from + PART_BYTES)), { box: [x0!, y0!, x1!, y1!], share: share! / SHARE_STEPS }));
  }
  return parts;
}

/**
 * The thumb column's bytes for these features: …, then 1 and the inner detail for a symmetric figure, else 0; then
 * the number of parts and each part; then the colour grid, then each peel's (and the unframed and turned figures') colour grid in the variants' order; then
 * the number of the print's parts (NO_PRINT without them) and each of them, and after them 1 and the print's inner
 * detail for a symmetric print, else 0 (its symmetric hash is its grey copy's thumbnail's); then the number of
 * symmetric crops and, for each, its place among the variants and its inner detail (its symmetric hash is its
 * thumbnail's).
 */
export function encodeFeatures(f: Pick<LogoFeatures, 'thumb' | 'aspect' | 'variants' | 'symmetric' | 'parts' | 'colour' | 'printParts' | 'printSymmetric'>): Buffer {
  const at = symmetricAt(f.variants.length);
  const partsAt = at + 1 + (f.symmetric ? T : 0);
  const colourAt = partsAt + 1 + f.parts.length * PART_BYTES;
  const peels = f.variants.filter((v) => gridded(v.kind));
  const printAt = colourAt + (1 + peels.length) * COLOUR_BYTES;
  const printSymmetricAt = printAt + 1 + (f.printParts?.length ?? 0) * PART_BYTES;
  // a symmetric print without print parts is a caller's bug: the print's features come together (features.ts printOf)
  if (f.printSymmetric && !f.printParts) throw new Error('a print\'s symmetric detail without its parts');
  const cropsAt = printSymmetricAt + (f.printParts ? 1 + (f.printSymmetric ? T : 0) : 0);
  const symmetricCrops = f.variants.flatMap((v, k) => (v.symmetric ? [{ k, detail: v.symmetric.detail }] : []));
  // only a crop keeps symmetric features (features.ts symmetricCrop); another variant with them is a caller's bug
  if (f.variants.some((v) => v.symmetric && v.kind !== 'crop')) throw new Error('symmetric features on a variant that is not a crop');
  const out = Buffer.alloc(cropsAt + 1 + symmetricCrops.length * (1 + T));
  out.set(f.thumb.subarray(0, T), 0);
  out.set([...MAGIC, FEATURES_VERSION, aspectByte(f.aspect), f.variants.length], T);
  f.variants.forEach((v, k) => {
    const at = T + 6 + k * (T + 2);
    out[at] = KINDS.indexOf(v.kind);
    out[at + 1] = aspectByte(v.aspect);
    out.set(v.thumb.subarray(0, T), at + 2);
  });
  if (f.symmetric) {
    out[at] = 1;
    out.set(f.symmetric.detail.subarray(0, T), at + 1);
  }
  writeParts(out, partsAt, f.parts);
  out.set(f.colour.subarray(0, COLOUR_BYTES), colourAt);
  peels.forEach((v, k) => {
    // every peel (and unframed or turned figure) logoFeatures makes has its grid; one without is a caller's bug, not data to store half
    if (!v.colour) throw new Error(`a ${v.kind} without its colour grid`);
    out.set(v.colour.subarray(0, COLOUR_BYTES), colourAt + (1 + k) * COLOUR_BYTES);
  });
  if (f.printParts) {
    writeParts(out, printAt, f.printParts);
    out[printSymmetricAt] = f.printSymmetric ? 1 : 0;
    if (f.printSymmetric) out.set(f.printSymmetric.detail.subarray(0, T), printSymmetricAt + 1);
  } else out[printAt] = NO_PRINT;
  out[cropsAt] = symmetricCrops.length;
  symmetricCrops.forEach(({ k, detail }, j) => {
    out[cropsAt + 1 + j * (1 + T)] = k;
    out.set(detail.subarray(0, T), cropsAt + 2 + j * (1 + T));
  });
  return out;
}

/** Where the symmetric crops' section starts (after the print's section), or -1 when the blob is too short to say. */
function cropsAtOf(blob: Uint8Array, printAt: number): number {
  if (!(blob.length > printAt)) return -1;
  const printed = blob[printAt]!;
  if (printed === NO_PRINT) return printAt + 1;
  const flagAt = printAt + 1 + printed * PART_BYTES;
  return blob.length > flagAt && blob[flagAt]! <= 1 ? flagAt + 1 + blob[flagAt]! * T : -1;
}

/** The number of variants with a colour grid (gridded) a thumb column lists (read from their kind bytes). */
function peelCount(blob: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < blob[T + 5]!; k++) if (gridded(KINDS[blob[T + 6 + k * (T + 2)]!])) n++;
  return n;
}

export interface DecodedFeatures {
  thumb: Uint8Array;
  aspect: number;
  variants: LogoVariant[];
  symmetric?: SymmetricFeatures;
  parts: LogoPart[];
  colour: Uint8Array;
  printParts?: LogoPart[];
  printSymmetric?: SymmetricFeatures;
}

/**
 * Whether a thumb column's features carry a registry logo's variants (a crop, the soft copy, the print), read from
 * their kind bytes: an image stored for a query has none, and is hashed again when a mark is given it (store.ts).
 */
export function carriesRegistryVariants(blob: Uint8Array): boolean {
  if (!featuresCurrent(blob)) return false;
  for (let k = 0; k < blob[T + 5]!; k++) {
    const kind = KINDS[blob[T + 6 + k * (T + 2)]!];
    if (kind !== undefined && isRegistryVariant({ kind })) return true;
  }
  return false;
}

/** Whether a thumb column holds features of this version (read without hashing anything). */
export function featuresCurrent(blob: Uint8Array): boolean {
  if (blob.length < T + 6) return false;
  if (MAGIC.some((b, i) => blob[T + i] !== b) || blob[T + 3] !== FEATURES_VERSION) return false;
  const at = symmetricAt(blob[T + 5]!);
  if (!(blob.length > at && blob[at]! <= 1)) return false;
  const partsAt = at + 1 + blob[at]! * T;
  if (!(blob.length > partsAt)) return false;
  const printAt = partsAt + 1 + blob[partsAt]! * PART_BYTES + (1 + peelCount(blob)) * COLOUR_BYTES;
  const cropsAt = cropsAtOf(blob, printAt);
  return cropsAt >= 0 && blob.length > cropsAt && blob.length === cropsAt + 1 + blob[cropsAt]! * (1 + T);
}

/** The features in a thumb column, or null when they are of another version (or damaged): compute them again. */
export function decodeFeatures(blob: Uint8Array): DecodedFeatures | null {
  if (!featuresCurrent(blob)) return null;
  const count = blob[T + 5]!;
  const variants: LogoVariant[] = [];
  for (let k = 0; k < count; k++) {
    const at = T + 6 + k * (T + 2);
    const kind = KINDS[blob[at]!];
    if (!kind) return null;
    const thumb = Uint8Array.from(blob.subarray(at + 2, at + 2 + T));
    variants.push({ kind, aspect: aspectOfByte(blob[at + 1]!), ...hashedThumb(Float64Array.from(thumb)) });
  }
  const thumb = Uint8Array.from(blob.subarray(0, T));
  const at = symmetricAt(count);
  // the symmetric hash is the thumbnail's, as when it was computed; a detail without it (or none for it) is damage
  const symmetric = symmetricFeatures(thumb, () => Uint8Array.from(blob.subarray(at + 1, at + 1 + T)));
  if ((symmetric !== undefined) !== (blob[at] === 1)) return null;
  const partsAt = at + 1 + blob[at]! * T;
  const parts = readParts(blob, partsAt + 1, blob[partsAt]!);
  if (!parts) return null;
  const colourAt = partsAt + 1 + blob[partsAt]! * PART_BYTES;
  const colour = Uint8Array.from(blob.subarray(colourAt, colourAt + COLOUR_BYTES));
  let peel = 0;
  for (const v of variants) {
    if (!gridded(v.kind)) continue;
    const from = colourAt + ++peel * COLOUR_BYTES;
    v.colour = Uint8Array.from(blob.subarray(from, from + COLOUR_BYTES));
  }
  const printAt = colourAt + (1 + peel) * COLOUR_BYTES;
  const printParts = blob[printAt] === NO_PRINT ? undefined : readParts(blob, printAt + 1, blob[printAt]!);
  if (printParts === null) return null;
  let printSymmetric: SymmetricFeatures | undefined;
  if (printParts) {
    const flagAt = printAt + 1 + printParts.length * PART_BYTES;
    // features.ts keeps a symmetric print only with inner detail: a plain symmetric print (a star in one colour) has
    // flag 0 though its grey copy is symmetric, so only a flagged detail is checked against the grey copy
    const grey = variants.find((v) => v.kind === 'grey');
    if (blob[flagAt] === 1) {
      printSymmetric = grey && symmetricFeatures(grey.thumb, () => Uint8Array.from(blob.subarray(flagAt + 1, flagAt + 1 + T)));
      if (!printSymmetric) return null;
    } else if (blob[flagAt] !== 0) return null;
  }
  // a crop's symmetric hash is its thumbnail's: a listed crop that is not symmetric (or another variant) is damage
  const cropsAt = cropsAtOf(blob, printAt);
  for (let j = 0; j < blob[cropsAt]!; j++) {
    const from = cropsAt + 1 + j * (1 + T);
    const v = variants[blob[from]!];
    if (!v || v.kind !== 'crop' || v.symmetric) return null;
    const symmetric = symmetricFeatures(v.thumb, () => Uint8Array.from(blob.subarray(from + 1, from + 1 + T)));
    if (!symmetric) return null;
    v.symmetric = symmetric;
  }
  return {
    thumb, aspect: aspectOfByte(blob[T + 4]!), variants, ...(symmetric ? { symmetric } : {}), parts, colour,
    ...(printParts ? { printParts } : {}), ...(printSymmetric ? { printSymmetric } : {}),
  };
}

/** A stored image as a query (its hashes in all orientations, its peels and unframed figure), or null when its features are stale. */
export function queryFromStored(blob: Uint8Array): LogoQuery | null {
  const f = decodeFeatures(blob);
  if (!f) return null;
  return { ...hashedThumb(Float64Array.from(f.thumb)), aspect: f.aspect, variants: f.variants.filter(isQueryVariant), symmetric: f.symmetric, parts: f.parts, colour: f.colour };
}
