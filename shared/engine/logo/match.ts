// Comparing a query's eight orientations with one stored logo (kept as it is, orientation 0).
// Why the query turns and the index does not: the registry is the small, long-lived side, and one entry per logo
// keeps the index an eighth of the size; the query's eight orientations cost eight look-ups of one hash each, and the
// orientation that matched says how the copy was made (mirrored, turned).
import { hamming, ORIENTATIONS, THUMB_SIDE, type LogoHashes } from './hash';
import type { PartPlace } from './parts';
import { COLOUR_BYTES } from './colour';
import { isQueryKind, metOf } from './variant-kinds';

export interface LogoDistance {
  /** the query orientation that came closest (0 as it is, 1 mirrored left-right, …; see LogoHashes) */
  orientation: number;
  /** perceptual-hash distance 0–64 in that orientation */
  phash: number;
  /** difference-hash distance 0–64 in that orientation */
  dhash: number;
}

/** Stored logos: [hi, lo] of phash and dhash at 2i, and the thumbnail (THUMB_SIDE² bytes) at i · THUMB_SIDE². */
export interface StoredHashes {
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  /** log2(width / height) of each logo's content box; without it shapes are not compared */
  aspect?: Float64Array;
  /**
   * Sub-regions of the stored logos (their crops, shared/engine/logo/regions.ts) in the same layout, each with the
   * index of the logo it belongs to: a query near a variant is near its owner.
   */
  variants?: {
    owner: Uint32Array; phash: Uint32Array; dhash: Uint32Array; thumb: Uint8Array; aspect?: Float64Array;
    /**
     * Who meets each variant (variant-kinds.ts metOf): MET_GREY for a logo's grey copy (what a black-and-white print
     * of it gives) and MET_GREY_CROP for a crop of it, which only a query without colour meets; MET_SOLID for the logo
     * filled in, which only a query's filled line drawing meets, MET_LINE_SOLID for a line-art logo filled in, which
     * a whole query that is no line art meets too; MET_BY_ANY for other variants
     * (shared/engine/logo/pairs.ts pairKind)
     */
    met?: Uint8Array;
  };
  /**
   * The symmetric logos (hash.ts symmetricPhash), each with the index of its logo, its symmetric hash as it stands
   * ([hi, lo] at 2k) and its inner detail thumbnail (detail.ts, THUMB_SIDE² at k · THUMB_SIDE²); then the symmetric
   * prints of logos in colour (print[k] = 1), each compared with its grey copy, variant variant[k] (logo-index.ts:
   * only a query without colour meets them); then the symmetric crops with inner detail, each compared with its
   * own variant variant[k] (print[k] = 0). variant[k] is -1 for a whole logo.
   */
  symmetric?: { owner: Uint32Array; phash: Uint32Array; detail: Uint8Array; print?: Uint8Array; variant?: Int32Array };
  /**
   * The stored logos' parts (parts.ts) in the same layout, each with its logo; logo i's parts are the entries
   * first[i] .. first[i + 1], in the order its features list them.
   */
  parts?: StoredParts;
  /**
   * The parts of the logos' black-and-white prints, in the same layout, for the logos in colour (printed[i] = 1; a
   * print of one part has none): a query without colour meets these instead of those logos' parts.
   */
  printParts?: StoredParts & { printed: Uint8Array };
  /** each logo's colour grid (colour.ts) at i · COLOUR_BYTES; present only when every logo has one */
  colour?: Uint8Array;
}

export interface StoredParts {
  owner: Uint32Array;
  first: Uint32Array;
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  aspect: Float64Array;
  places: PartPlace[];
}

/** One registry logo's features as stored: hashes with orientation 0 first, the registry's variants (crops, soft copy). */
export interface StoredLogo {
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  aspect: number;
  /** a variant's symmetric hash and inner detail: a crop that is symmetric with inner detail keeps them */
  variants: ReadonlyArray<{ phash: Uint32Array; dhash: Uint32Array; thumb: Uint8Array; aspect: number; kind?: string; symmetric?: { phash: Uint32Array; detail: Uint8Array } | undefined }>;
  symmetric?: { phash: Uint32Array; detail: Uint8Array } | undefined;
  parts?: ReadonlyArray<StoredPart> | undefined;
  colour?: Uint8Array | undefined;
  /** the parts of a logo in colour printed in black and white (absent for a logo without colour) */
  printParts?: ReadonlyArray<StoredPart> | undefined;
  /** that print's symmetric hash and inner detail when it is symmetric; kept only beside its variant of kind 'grey' */
  printSymmetric?: { phash: Uint32Array; detail: Uint8Array } | undefined;
}

/** A stored logo's part: orientation 0 of its hashes first, its thumbnail, its box's shape, place and share. */
export interface StoredPart extends PartPlace {
  phash: Uint32Array;
  dhash: Uint32Array;
  thumb: Uint8Array;
  aspect: number;
}

/** The flat arrays the index searches, from the registry's logos in order (orientation 0 of each hash: the query turns). */
export function storedHashesOf(logos: readonly StoredLogo[]): StoredHashes {
  const T = THUMB_SIDE * THUMB_SIDE;
  const n = logos.length;
  // a query's variants (an image kept for both roles carries them) are never searched
  const variantEntries = logos.flatMap((l, i) => l.variants.filter((v) => !isQueryKind(v.kind)).map((v) => ({ i, v })));
  // a symmetric print is compared with its grey copy: the variant's index among all logos' variants
  const greyVariant = new Int32Array(n).fill(-1);
  variantEntries.forEach(({ i, v }, k) => v.kind === 'grey' && (greyVariant[i] = k));
  const symmetric = [
    ...logos.flatMap((l, i) => (l.symmetric ? [{ i, s: l.symmetric, variant: -1, print: 0 }] : [])),
    ...logos.flatMap((l, i) => (l.printSymmetric && greyVariant[i]! >= 0 ? [{ i, s: l.printSymmetric, variant: greyVariant[i]!, print: 1 }] : [])),
    ...variantEntries.flatMap(({ i, v }, k) => (v.symmetric ? [{ i, s: v.symmetric, variant: k, print: 0 }] : [])),
  ];
  // the logos' and their variants' hashes and thumbnails each in one buffer, the variants' after the logos': the
  // index searches them as one run of entries (pairs.ts makeEntries) and views it rather than copying it — at
  // 10,000 logos the thumbnails alone are 190,000 KB
  const entries = n + variantEntries.length;
  const phash = new Uint32Array(2 * entries);
  const dhash = new Uint32Array(2 * entries);
  const thumb = new Uint8Array(T * entries);
  const stored = {
    phash: phash.subarray(0, 2 * n), dhash: dhash.subarray(0, 2 * n), thumb: thumb.subarray(0, T * n), aspect: Float64Array.from(logos, (l) => l.aspect),
    variants: {
      owner: Uint32Array.from(variantEntries, (c) => c.i), phash: phash.subarray(2 * n), dhash: dhash.subarray(2 * n),
      thumb: thumb.subarray(T * n), aspect: Float64Array.from(variantEntries, (c) => c.v.aspect),
      met: Uint8Array.from(variantEntries, (c) => metOf(c.v.kind)),
    },
    symmetric: {
      owner: Uint32Array.from(symmetric, (c) => c.i), phash: new Uint32Array(2 * symmetric.length), detail: new Uint8Array(T * symmetric.length),
      print: Uint8Array.from(symmetric, (c) => c.print), variant: Int32Array.from(symmetric, (c) => c.variant),
    },
    parts: storedPartsOf(logos.map((l) => l.parts)),
    ...(logos.some((l) => l.printParts)
      ? { printParts: { ...storedPartsOf(logos.map((l) => l.printParts)), printed: Uint8Array.from(logos, (l) => (l.printParts ? 1 : 0)) } }
      : {}),
  };
  logos.forEach((l, i) => {
    stored.phash.set(l.phash.subarray(0, 2), 2 * i);
    stored.dhash.set(l.dhash.subarray(0, 2), 2 * i);
    stored.thumb.set(l.thumb.subarray(0, T), T * i);
  });
  variantEntries.forEach(({ v }, k) => {
    stored.variants.phash.set(v.phash.subarray(0, 2), 2 * k);
    stored.variants.dhash.set(v.dhash.subarray(0, 2), 2 * k);
    stored.variants.thumb.set(v.thumb.subarray(0, T), T * k);
  });
  symmetric.forEach(({ s }, k) => {
    stored.symmetric.phash.set(s.phash.subarray(0, 2), 2 * k);
    stored.symmetric.detail.set(s.detail.subarray(0, T), T * k);
  });
  // a grid of zeros would read as a black figure: without every logo's grid, no colours are compared
  if (n === 0 || logos.some((l) => !l.colour)) return stored;
  const colour = new Uint8Array(COLOUR_BYTES * n);
  logos.forEach((l, i) => colour.set(l.colour!.subarray(0, COLOUR_BYTES), COLOUR_BYTES * i));
  return { ...stored, colour };
}

/** Each logo's parts (none: undefined or empty) in flat arrays, logo i's at first[i] .. first[i + 1]. */
function storedPartsOf(lists: ReadonlyArray<ReadonlyArray<StoredPart> | undefined>): StoredParts {
  const T = THUMB_SIDE * THUMB_SIDE;
  const entries = lists.flatMap((parts, i) => (parts ?? []).map((p) => ({ i, p })));
  const first = new Uint32Array(lists.length + 1);
  lists.forEach((parts, i) => (first[i + 1] = first[i]! + (parts?.length ?? 0)));
  const out: StoredParts = {
    owner: Uint32Array.from(entries, (c) => c.i), first, phash: new Uint32Array(2 * entries.length), dhash: new Uint32Array(2 * entries.length),
    thumb: new Uint8Array(T * entries.length), aspect: Float64Array.from(entries, (c) => c.p.aspect),
    places: entries.map(({ p }) => ({ box: p.box, share: p.share })),
  };
  entries.forEach(({ p }, k) => {
    out.phash.set(p.phash.subarray(0, 2), 2 * k);
    out.dhash.set(p.dhash.subarray(0, 2), 2 * k);
    out.thumb.set(p.thumb.subarray(0, T), T * k);
  });
  return out;
}

/** The orientation of the query minimising phash + dhash distance to the stored logo at index i. */
export function logoDistance(query: LogoHashes, stored: Pick<StoredHashes, 'phash' | 'dhash'>, i: number): LogoDistance {
  let best: LogoDistance = { orientation: 0, phash: 65, dhash: 65 };
  for (let v = 0; v < ORIENTATIONS; v++) {
    const p = hamming(query.phash, v * 2, stored.phash, i * 2);
    const d = hamming(query.dhash, v * 2, stored.dhash, i * 2);
    if (p + d < best.phash + best.dhash) best = { orientation: v, phash: p, dhash: d };
  }
  return best;
}
