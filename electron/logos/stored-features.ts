// The features of a stored image as the images table keeps them: the hashes of the figure as it stands in the
// phash/dhash columns, and in the thumb column the 32 × 32 figure followed by a versioned trailer with the box's
// shape, the sub-regions (crops and peels, shared/engine/logo/regions.ts), for a symmetric figure its inner detail
// (shared/engine/logo/detail.ts), the figure's parts (shared/engine/logo/parts.ts) and its colour grid and its
// peels' (shared/engine/logo/colour.ts), a colour logo's print's parts and symmetric detail, and the inner detail of
// each crop that is symmetric; last, every hash of all of these in all orientations (the hash section), so that
// reading a registry of ten thousand logos hashes nothing (hashing them again took 2.3 ms a logo, a screening's or a
// 以图查询's 23 s at that size). Hashes are always taken from the rounded thumbnails, so features read back equal
// the features computed. A thumb without the trailer of FEATURES_VERSION holds features of an older kind: they are
// computed again from the image (features-refresh.ts), never mixed.
import { ORIENTATIONS, THUMB_SIDE } from '../../shared/engine/logo/hash';
import { SHARE_STEPS } from '../../shared/engine/logo/parts';
import { aspectOf } from '../../shared/engine/logo/prepare';
import { COLOUR_BYTES } from '../../shared/engine/logo/colour';
import type { LogoQuery } from '../../shared/engine/logo/logo-index';
import { COARSE, FILLED, LINE_SOLID, SHADOWED, SOLID } from '../../shared/engine/logo/variant-kinds';
import { FEATURES_VERSION, isQueryVariant, isRegistryVariant, type LogoFeatures, type LogoPart, type LogoVariant, type SymmetricFeatures } from './features';

const T = THUMB_SIDE * THUMB_SIDE;
const MAGIC = [0x4d, 0x47, 0x4c]; // "MGL"
const KINDS: ReadonlyArray<LogoVariant['kind']> = ['crop', 'peel', 'soft', 'grey', 'grey-crop', 'unframed', 'turned', 'grounded', FILLED, SOLID, LINE_SOLID, SHADOWED, COARSE];
/** The variants that carry a colour grid: a query's (the peels, the figure inside a frame), but a filled line drawing. */
const gridded = (kind: LogoVariant['kind'] | undefined) => kind !== undefined && kind !== FILLED && isQueryVariant({ kind });
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
/** One hash in every orientation (ORIENTATIONS × [hi, lo] words), little-endian. */
const HASH_BYTES = ORIENTATIONS * 2 * 4;
/** A figure's perceptual and difference hashes; a part's also the count of its informative bits. */
const PAIR_BYTES = 2 * HASH_BYTES;
const PART_HASH_BYTES = PAIR_BYTES + 1;

/** Writes a hash's words at `at`; returns where the next begins. */
function writeHash(out: Buffer, at: number, words: Uint32Array): number {
  for (let w = 0; w < ORIENTATIONS * 2; w++) out.writeUInt32LE(words[w]!, at + 4 * w);
  return at + HASH_BYTES;
}

function readHash(blob: Uint8Array, at: number): Uint32Array {
  const view = new DataView(blob.buffer, blob.byteOffset + at, HASH_BYTES);
  return Uint32Array.from({ length: ORIENTATIONS * 2 }, (_, w) => view.getUint32(4 * w, true));
}

function writeParts(out: Buffer, at: number, parts: readonly LogoPart[]): void {
  out[at] = parts.length;
  parts.forEach((p, k) => {
    const from = at + 1 + k * PART_BYTES;
    out.set([...p.box, Math.round(p.share * SHARE_STEPS)], from);
    out.set(p.thumb.subarray(0, T), from + 5);
  });
}

/** Bytes from..to of a thumb column as a plain Uint8Array over the same memory (a Buffer's subarray is a Buffer). */
const view = (blob: Uint8Array, from: number, to: number) => new Uint8Array(blob.buffer, blob.byteOffset + from, to - from);

/** A part as stored before its hashes (read from the hash section): box, share and thumbnail. */
type UnhashedPart = Omit<LogoPart, 'phash' | 'dhash' | 'informative'>;

/** The count parts at `at` (after their count byte), or null for a damaged one. */
function readParts(blob: Uint8Array, at: number, count: number): UnhashedPart[] | null {
  const parts: UnhashedPart[] = [];
  for (let k = 0; k < count; k++) {
    const from = at + k * PART_BYTES;
    const [x0, y0, x1, y1, share] = blob.subarray(from, from + 5);
    if (!(x1! > x0! && y1! > y0! && share! > 0)) return null;
    const box: LogoPart['box'] = [x0!, y0!, x1!, y1!];
    parts.push({ thumb: view(blob, from + 5, from + PART_BYTES), aspect: aspectOf(box), box, share: share! / SHARE_STEPS });
  }
  return parts;
}

/** The bytes of the hash section for these features (see encodeFeatures). */
function hashSectionBytes(f: Pick<LogoFeatures, 'variants' | 'symmetric' | 'parts' | 'printParts' | 'printSymmetric'>): number {
  const symmetricCrops = f.variants.filter((v) => v.symmetric).length;
  return PAIR_BYTES * (1 + f.variants.length) + PART_HASH_BYTES * (f.parts.length + (f.printParts?.length ?? 0)) +
    HASH_BYTES * ((f.symmetric ? 1 : 0) + (f.printSymmetric ? 1 : 0) + symmetricCrops);
}

/**
 * The thumb column's bytes for these features: …, then 1 and the inner detail for a symmetric figure, else 0; then
 * the number of parts and each part; then the colour grid, then each peel's (and the unframed and turned figures') colour grid in the variants' order; then
 * the number of the print's parts (NO_PRINT without them) and each of them, and after them 1 and the print's inner
 * detail for a symmetric print, else 0 (its symmetric hash is its grey copy's thumbnail's); then the number of
 * symmetric crops and, for each, its place among the variants and its inner detail (its symmetric hash is its
 * thumbnail's). Last the hash section, in all orientations: the figure's perceptual and difference hashes, each
 * variant's; each part's and its informative bits (one byte), each print part's; the symmetric hash of a symmetric
 * figure, of a symmetric print, of each symmetric crop.
 */
export function encodeFeatures(f: Pick<LogoFeatures, 'phash' | 'dhash' | 'thumb' | 'aspect' | 'variants' | 'symmetric' | 'parts' | 'colour' | 'printParts' | 'printSymmetric'>): Buffer {
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
  const hashesAt = cropsAt + 1 + symmetricCrops.length * (1 + T);
  const out = Buffer.alloc(hashesAt + hashSectionBytes(f));
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
  let at2 = hashesAt;
  for (const h of [f, ...f.variants]) at2 = writeHash(out, writeHash(out, at2, h.phash), h.dhash);
  for (const p of [...f.parts, ...(f.printParts ?? [])]) {
    at2 = writeHash(out, writeHash(out, at2, p.phash), p.dhash);
    out[at2++] = p.informative;
  }
  for (const symmetric of [f.symmetric, f.printSymmetric, ...f.variants.map((v) => v.symmetric)]) {
    if (symmetric) at2 = writeHash(out, at2, symmetric.phash);
  }
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
  /** the figure's hashes in every orientation */
  phash: Uint32Array;
  dhash: Uint32Array;
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

/** Where each section of a thumb column of this version lies, or null when it is of another version or cut short. */
interface Layout {
  variants: number;
  /** the symmetric flag, then the figure's detail */
  symmetricAt: number;
  partsAt: number;
  colourAt: number;
  printAt: number;
  cropsAt: number;
  hashesAt: number;
}

function layoutOf(blob: Uint8Array): Layout | null {
  if (blob.length < T + 6) return null;
  if (MAGIC.some((b, i) => blob[T + i] !== b) || blob[T + 3] !== FEATURES_VERSION) return null;
  const variants = blob[T + 5]!;
  const at = symmetricAt(variants);
  if (!(blob.length > at && blob[at]! <= 1)) return null;
  const partsAt = at + 1 + blob[at]! * T;
  if (!(blob.length > partsAt)) return null;
  const colourAt = partsAt + 1 + blob[partsAt]! * PART_BYTES;
  const printAt = colourAt + (1 + peelCount(blob)) * COLOUR_BYTES;
  const cropsAt = cropsAtOf(blob, printAt);
  if (cropsAt < 0 || !(blob.length > cropsAt)) return null;
  const hashesAt = cropsAt + 1 + blob[cropsAt]! * (1 + T);
  const printParts = blob[printAt] === NO_PRINT ? 0 : blob[printAt]!;
  const printSymmetric = blob[printAt] === NO_PRINT ? 0 : blob[printAt + 1 + printParts * PART_BYTES]!;
  const hashBytes = PAIR_BYTES * (1 + variants) + PART_HASH_BYTES * (blob[partsAt]! + printParts) + HASH_BYTES * (blob[at]! + printSymmetric + blob[cropsAt]!);
  return blob.length === hashesAt + hashBytes ? { variants, symmetricAt: at, partsAt, colourAt, printAt, cropsAt, hashesAt } : null;
}

/** Whether a thumb column holds features of this version (read without hashing anything). */
export function featuresCurrent(blob: Uint8Array): boolean {
  return layoutOf(blob) !== null;
}

/**
 * The features in a thumb column, or null when they are of another version (or damaged): compute them again.
 * Nothing is hashed: every hash is read from the hash section. The thumbnails, details and colour grids are views
 * into `blob`, not copies (reading a registry copies them once, into the index's flat arrays): the caller must not
 * change the blob while it uses them.
 */
export function decodeFeatures(blob: Uint8Array): DecodedFeatures | null {
  const layout = layoutOf(blob);
  if (!layout) return null;
  let next = layout.hashesAt;
  const hash = () => {
    const words = readHash(blob, next);
    next += HASH_BYTES;
    return words;
  };
  const phash = hash();
  const dhash = hash();
  const variants: LogoVariant[] = [];
  for (let k = 0; k < layout.variants; k++) {
    const at = T + 6 + k * (T + 2);
    const kind = KINDS[blob[at]!];
    if (!kind) return null;
    variants.push({ kind, aspect: aspectOfByte(blob[at + 1]!), thumb: view(blob, at + 2, at + 2 + T), phash: hash(), dhash: hash() });
  }
  const thumb = view(blob, 0, T);
  const { symmetricAt: at, partsAt, colourAt, printAt, cropsAt } = layout;
  const unhashedParts = readParts(blob, partsAt + 1, blob[partsAt]!);
  if (!unhashedParts) return null;
  const colour = view(blob, colourAt, colourAt + COLOUR_BYTES);
  let peel = 0;
  for (const v of variants) {
    if (!gridded(v.kind)) continue;
    const from = colourAt + ++peel * COLOUR_BYTES;
    v.colour = view(blob, from, from + COLOUR_BYTES);
  }
  const unhashedPrint = blob[printAt] === NO_PRINT ? undefined : readParts(blob, printAt + 1, blob[printAt]!);
  if (unhashedPrint === null) return null;
  const hashedParts = (list: UnhashedPart[]): LogoPart[] => list.map((p) => {
    const [ph, dh] = [hash(), hash()];
    return { ...p, phash: ph, dhash: dh, informative: blob[next++]! };
  });
  const parts = hashedParts(unhashedParts);
  const printParts = unhashedPrint && hashedParts(unhashedPrint);
  const symmetric = blob[at] === 1 ? { phash: hash(), detail: view(blob, at + 1, at + 1 + T) } : undefined;
  let printSymmetric: SymmetricFeatures | undefined;
  if (printParts) {
    // features.ts keeps a symmetric print only with inner detail (a star in one colour keeps none); flag 0 is none
    const flagAt = printAt + 1 + printParts.length * PART_BYTES;
    if (blob[flagAt]! > 1) return null;
    if (blob[flagAt] === 1) printSymmetric = { phash: hash(), detail: view(blob, flagAt + 1, flagAt + 1 + T) };
  }
  // each listed symmetric crop: a crop, listed once
  for (let j = 0; j < blob[cropsAt]!; j++) {
    const from = cropsAt + 1 + j * (1 + T);
    const v = variants[blob[from]!];
    if (!v || v.kind !== 'crop' || v.symmetric) return null;
    v.symmetric = { phash: hash(), detail: view(blob, from + 1, from + 1 + T) };
  }
  return {
    phash, dhash, thumb, aspect: aspectOfByte(blob[T + 4]!), variants, ...(symmetric ? { symmetric } : {}), parts, colour,
    ...(printParts ? { printParts } : {}), ...(printSymmetric ? { printSymmetric } : {}),
  };
}

/** A stored image as a query (its hashes in all orientations, its peels and unframed figure), or null when its features are stale. */
export function queryFromStored(blob: Uint8Array): LogoQuery | null {
  const f = decodeFeatures(blob);
  if (!f) return null;
  return { phash: f.phash, dhash: f.dhash, thumb: f.thumb, aspect: f.aspect, variants: f.variants.filter(isQueryVariant), symmetric: f.symmetric, parts: f.parts, colour: f.colour };
}
