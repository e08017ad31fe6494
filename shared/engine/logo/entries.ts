// A registry's stored features laid out as one run of entries — the whole logos first, then their variants (crops,
// soft and grey copies, solid copies) — with the logo each entry belongs to, made once per stored set; and what is
// read once per stored set beside it (which logos have parts, which are plain figures, which symmetric entries carry
// inner detail). pairs.ts decides each pair over these. Pure.
import { enclosesGround, hasDetail } from './detail';
import { symmetricPhash, THUMB_SIDE } from './hash';
import type { StoredHashes } from './match';

/** Stored entries: the logos, then their variants, in flat arrays, with the logo each entry belongs to. */
export interface Entries {
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  aspect: Float64Array | undefined;
  owner: Uint32Array;
  /** entries below this index are whole logos */
  logos: number;
  /** the whole logos' colour grids (StoredHashes.colour) */
  colour?: Uint8Array | undefined;
  /** who meets each entry (StoredHashes.variants.met, offset by the logos; MET_BY_ANY for the logos) */
  met?: Uint8Array | undefined;
  /** 1 for each logo with parts (StoredHashes.parts): only such a logo meets a filled line drawing (pairKind) */
  withParts?: Uint8Array | undefined;
  /**
   * 1 for each logo that is a plain figure — symmetric as a whole without inner detail (StoredHashes.symmetric,
   * detail.ts): a lone hexagon, a chevron, a disc over a bar in one colour — 0 for any other
   */
  plain: Uint8Array;
}

/** The entries of each stored set, made once: they copy every thumbnail, and scanLogos is called per query. */
const entriesCache = new WeakMap<StoredHashes, Entries>();

export function entriesOf(stored: StoredHashes): Entries {
  let es = entriesCache.get(stored);
  if (!es) entriesCache.set(stored, (es = makeEntries(stored)));
  return es;
}

function makeEntries(stored: StoredHashes): Entries {
  const logos = stored.phash.length >>> 1;
  const first = stored.parts?.first;
  const withParts = first ? Uint8Array.from({ length: logos }, (_, i) => (first[i + 1]! > first[i]! ? 1 : 0)) : undefined;
  const plain = plainLogos(stored.symmetric, logos);
  const v = stored.variants;
  if (!v || v.owner.length === 0) return { ...stored, aspect: stored.aspect, owner: Uint32Array.from({ length: logos }, (_, i) => i), logos, withParts, plain };
  const thumb = joined(stored.thumb, v.thumb, Uint8Array);
  const owner = new Uint32Array(logos + v.owner.length);
  for (let i = 0; i < logos; i++) owner[i] = i;
  owner.set(v.owner, logos);
  let aspect: Float64Array | undefined;
  if (stored.aspect && v.aspect) {
    aspect = new Float64Array(logos + v.owner.length);
    aspect.set(stored.aspect);
    aspect.set(v.aspect, logos);
  }
  let met: Uint8Array | undefined;
  if (v.met) {
    met = new Uint8Array(logos + v.owner.length);
    met.set(v.met, logos);
  }
  return { phash: joined(stored.phash, v.phash, Uint32Array), dhash: joined(stored.dhash, v.dhash, Uint32Array), thumb, aspect, owner, logos, colour: stored.colour, met, withParts, plain };
}

/** Which logos are plain figures (Entries.plain): symmetric as a whole (not by a print's or a crop's entry) without inner detail. */
export const plainFigures = (stored: StoredHashes): Uint8Array => entriesOf(stored).plain;

function plainLogos(sym: StoredHashes['symmetric'], logos: number): Uint8Array {
  const plain = new Uint8Array(logos);
  if (!sym) return plain;
  const detailed = detailedOf(sym);
  for (let k = 0; k < sym.owner.length; k++) {
    if ((sym.variant?.[k] ?? -1) < 0 && sym.print?.[k] !== 1 && detailed[k] === 0) plain[sym.owner[k]!] = 1;
  }
  return plain;
}

/**
 * a followed by b as one array: a view of their buffer when b lies right after a in it (match.ts storedHashesOf lays
 * a registry out so), else a copy.
 */
function joined<A extends Uint8Array | Uint32Array>(a: A, b: A, make: { new (length: number): A; new (buffer: ArrayBufferLike, offset: number, length: number): A }): A {
  if (a.buffer === b.buffer && a.byteOffset + a.byteLength === b.byteOffset) return new make(a.buffer, a.byteOffset, a.length + b.length);
  const out = new make(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Whether each stored symmetric entry carries inner detail, read once a stored set (its search and its scan ask often). */
const detailCache = new WeakMap<NonNullable<StoredHashes['symmetric']>, Uint8Array>();

export function detailedOf(stored: NonNullable<StoredHashes['symmetric']>): Uint8Array {
  let flags = detailCache.get(stored);
  if (!flags) {
    const T = THUMB_SIDE * THUMB_SIDE;
    detailCache.set(stored, (flags = Uint8Array.from(stored.owner, (_, k) => (hasDetail(stored.detail, k * T) ? 1 : 0))));
  }
  return flags;
}

/** The entry (a whole logo, or one of its variants) that stored symmetric entry k describes. */
export const symmetricEntry = (stored: NonNullable<StoredHashes['symmetric']>, k: number, es: Pick<Entries, 'logos'>): number => {
  const variant = stored.variant?.[k] ?? -1;
  return variant >= 0 ? es.logos + variant : stored.owner[k]!;
};

/**
 * Whether each stored symmetric entry's detail is mostly ground it encloses (detail.ts enclosesGround), read once a
 * stored set: every symmetric candidate of every query asks.
 */
const groundCache = new WeakMap<NonNullable<StoredHashes['symmetric']>, Uint8Array>();

export function enclosingOf(stored: NonNullable<StoredHashes['symmetric']>, es: Pick<Entries, 'logos' | 'thumb'>): Uint8Array {
  let flags = groundCache.get(stored);
  if (!flags) {
    const T = THUMB_SIDE * THUMB_SIDE;
    flags = Uint8Array.from(stored.owner, (_, k) => (enclosesGround(stored.detail, k * T, es.thumb, symmetricEntry(stored, k, es) * T) ? 1 : 0));
    groundCache.set(stored, flags);
  }
  return flags;
}

/**
 * Whether entry e's figure is symmetric (hash.ts symmetricPhash of its thumbnail), read once an entry and kept per
 * set of entries: asked only of the logos' grey copies that a peel meets (pairs.ts matchPair).
 */
const symmetricCache = new WeakMap<object, Uint8Array>();

export function symmetricThumb(es: Pick<Entries, 'thumb'>, e: number): boolean {
  const T = THUMB_SIDE * THUMB_SIDE;
  let known = symmetricCache.get(es);
  if (!known) symmetricCache.set(es, (known = new Uint8Array(es.thumb.length / T)));
  // 0: not read yet, 1: not symmetric, 2: symmetric
  if (known[e] === 0) known[e] = symmetricPhash(Float64Array.from(es.thumb.subarray(e * T, (e + 1) * T))) ? 2 : 1;
  return known[e] === 2;
}
