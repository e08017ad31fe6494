// The features of a stored image as the images table keeps them: the hashes of the figure as it stands in the
// phash/dhash columns, and in the thumb column the 32 × 32 figure followed by a versioned trailer with the box's
// shape, the sub-regions (crops and peels, shared/engine/logo/regions.ts), for a symmetric figure its inner detail
// (shared/engine/logo/detail.ts), the figure's parts (shared/engine/logo/parts.ts) and its colour grid and its
// peels' (shared/engine/logo/colour.ts). Hashes are always taken from the rounded thumbnails, so features read back equal
// the features computed. A thumb without the trailer of FEATURES_VERSION holds features of an older kind: they are
// computed again from the image (store.ts), never mixed.
import { THUMB_SIDE } from '../../shared/engine/logo/hash';
import { SHARE_STEPS } from '../../shared/engine/logo/parts';
import { COLOUR_BYTES } from '../../shared/engine/logo/colour';
import type { LogoQuery } from '../../shared/engine/logo/logo-index';
import { FEATURES_VERSION, hashedPart, hashedThumb, type LogoFeatures, type LogoPart, type LogoVariant, type SymmetricFeatures, symmetricFeatures } from './features';

const T = THUMB_SIDE * THUMB_SIDE;
const MAGIC = [0x4d, 0x47, 0x4c]; // "MGL"
const KINDS: ReadonlyArray<LogoVariant['kind']> = ['crop', 'peel', 'soft', 'grey', 'grey-crop'];
/** Aspects are kept in 1/32 of a log2 unit (features.ts rounds them so), within ±127/32. */
const ASPECT_STEP = 32;

const aspectByte = (a: number) => Math.max(-127, Math.min(127, Math.round(a * ASPECT_STEP))) & 0xff;
const aspectOfByte = (b: number) => (b > 127 ? b - 256 : b) / ASPECT_STEP;

/** Where the symmetric part starts: after the thumbnail, the 6-byte header and the variants. */
const symmetricAt = (variants: number) => T + 6 + variants * (T + 2);
/** A part: its box (4 bytes: decoded coordinates are at most DECODE_SIDE), its share in 1/SHARE_STEPS, its thumbnail. */
const PART_BYTES = 5 + T;

/**
 * The thumb column's bytes for these features: …, then 1 and the inner detail for a symmetric figure, else 0; then
 * the number of parts and each part; then the colour grid, then each peel's colour grid in the variants' order.
 */
export function encodeFeatures(f: Pick<LogoFeatures, 'thumb' | 'aspect' | 'variants' | 'symmetric' | 'parts' | 'colour'>): Buffer {
  const at = symmetricAt(f.variants.length);
  const partsAt = at + 1 + (f.symmetric ? T : 0);
  const colourAt = partsAt + 1 + f.parts.length * PART_BYTES;
  const peels = f.variants.filter((v) => v.kind === 'peel');
  const out = Buffer.alloc(colourAt + (1 + peels.length) * COLOUR_BYTES);
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
  out[partsAt] = f.parts.length;
  f.parts.forEach((p, k) => {
    const from = partsAt + 1 + k * PART_BYTES;
    out.set([...p.box, Math.round(p.share * SHARE_STEPS)], from);
    out.set(p.thumb.subarray(0, T), from + 5);
  });
  out.set(f.colour.subarray(0, COLOUR_BYTES), colourAt);
  peels.forEach((v, k) => {
    // every peel logoFeatures makes has its grid; one without is a caller's bug, not data to store half
    if (!v.colour) throw new Error('a peel without its colour grid');
    out.set(v.colour.subarray(0, COLOUR_BYTES), colourAt + (1 + k) * COLOUR_BYTES);
  });
  return out;
}

/** The number of peels among the variants a thumb column lists (read from their kind bytes). */
function peelCount(blob: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < blob[T + 5]!; k++) if (KINDS[blob[T + 6 + k * (T + 2)]!] === 'peel') n++;
  return n;
}

export interface DecodedFeatures {
  thumb: Uint8Array;
  aspect: number;
  variants: LogoVariant[];
  symmetric?: SymmetricFeatures;
  parts: LogoPart[];
  colour: Uint8Array;
}

/** Whether a thumb column holds features of this version (read without hashing anything). */
export function featuresCurrent(blob: Uint8Array): boolean {
  if (blob.length < T + 6) return false;
  if (MAGIC.some((b, i) => blob[T + i] !== b) || blob[T + 3] !== FEATURES_VERSION) return false;
  const at = symmetricAt(blob[T + 5]!);
  if (!(blob.length > at && blob[at]! <= 1)) return false;
  const partsAt = at + 1 + blob[at]! * T;
  return blob.length > partsAt && blob.length === partsAt + 1 + blob[partsAt]! * PART_BYTES + (1 + peelCount(blob)) * COLOUR_BYTES;
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
  const parts: LogoPart[] = [];
  for (let k = 0; k < blob[partsAt]!; k++) {
    const from = partsAt + 1 + k * PART_BYTES;
    const [x0, y0, x1, y1, share] = blob.subarray(from, from + 5);
    if (!(x1! > x0! && y1! > y0! && share! > 0)) return null;
    parts.push(hashedPart(Uint8Array.from(blob.subarray(from + 5, from + PART_BYTES)), { box: [x0!, y0!, x1!, y1!], share: share! / SHARE_STEPS }));
  }
  const colourAt = partsAt + 1 + blob[partsAt]! * PART_BYTES;
  const colour = Uint8Array.from(blob.subarray(colourAt, colourAt + COLOUR_BYTES));
  let peel = 0;
  for (const v of variants) {
    if (v.kind !== 'peel') continue;
    const from = colourAt + ++peel * COLOUR_BYTES;
    v.colour = Uint8Array.from(blob.subarray(from, from + COLOUR_BYTES));
  }
  return { thumb, aspect: aspectOfByte(blob[T + 4]!), variants, ...(symmetric ? { symmetric } : {}), parts, colour };
}

/** A stored image as a query (its hashes in all orientations, its peels), or null when its features are stale. */
export function queryFromStored(blob: Uint8Array): LogoQuery | null {
  const f = decodeFeatures(blob);
  if (!f) return null;
  return { ...hashedThumb(Float64Array.from(f.thumb)), aspect: f.aspect, variants: f.variants.filter((v) => v.kind === 'peel'), symmetric: f.symmetric, parts: f.parts, colour: f.colour };
}
