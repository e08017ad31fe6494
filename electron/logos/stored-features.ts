// The features of a stored image as the images table keeps them: the hashes of the figure as it stands in the
// phash/dhash columns, and in the thumb column the 32 × 32 figure followed by a versioned trailer with the box's
// shape and the sub-regions (crops and peels, shared/engine/logo/regions.ts). Hashes are always taken from the
// rounded thumbnails, so features read back equal the features computed. A thumb without the trailer of
// FEATURES_VERSION holds features of an older kind: they are computed again from the image (store.ts), never mixed.
import { THUMB_SIDE } from '../../shared/engine/logo/hash';
import type { LogoQuery } from '../../shared/engine/logo/logo-index';
import { FEATURES_VERSION, hashedThumb, type LogoFeatures, type LogoVariant } from './features';

const T = THUMB_SIDE * THUMB_SIDE;
const MAGIC = [0x4d, 0x47, 0x4c]; // "MGL"
const KINDS: ReadonlyArray<LogoVariant['kind']> = ['crop', 'peel', 'soft'];
/** Aspects are kept in 1/32 of a log2 unit (features.ts rounds them so), within ±127/32. */
const ASPECT_STEP = 32;

const aspectByte = (a: number) => Math.max(-127, Math.min(127, Math.round(a * ASPECT_STEP))) & 0xff;
const aspectOfByte = (b: number) => (b > 127 ? b - 256 : b) / ASPECT_STEP;

/** The thumb column's bytes for these features. */
export function encodeFeatures(f: Pick<LogoFeatures, 'thumb' | 'aspect' | 'variants'>): Buffer {
  const out = Buffer.alloc(T + 6 + f.variants.length * (T + 2));
  out.set(f.thumb.subarray(0, T), 0);
  out.set([...MAGIC, FEATURES_VERSION, aspectByte(f.aspect), f.variants.length], T);
  f.variants.forEach((v, k) => {
    const at = T + 6 + k * (T + 2);
    out[at] = KINDS.indexOf(v.kind);
    out[at + 1] = aspectByte(v.aspect);
    out.set(v.thumb.subarray(0, T), at + 2);
  });
  return out;
}

export interface DecodedFeatures {
  thumb: Uint8Array;
  aspect: number;
  variants: LogoVariant[];
}

/** Whether a thumb column holds features of this version (read without hashing anything). */
export function featuresCurrent(blob: Uint8Array): boolean {
  if (blob.length < T + 6) return false;
  if (MAGIC.some((b, i) => blob[T + i] !== b) || blob[T + 3] !== FEATURES_VERSION) return false;
  return blob.length === T + 6 + blob[T + 5]! * (T + 2);
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
  return { thumb: Uint8Array.from(blob.subarray(0, T)), aspect: aspectOfByte(blob[T + 4]!), variants };
}

/** A stored image as a query (its hashes in all orientations, its peels), or null when its features are stale. */
export function queryFromStored(blob: Uint8Array): LogoQuery | null {
  const f = decodeFeatures(blob);
  if (!f) return null;
  return { ...hashedThumb(Float64Array.from(f.thumb)), aspect: f.aspect, variants: f.variants.filter((v) => v.kind === 'peel') };
}
