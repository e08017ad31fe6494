// The kinds of a logo's variants that belong to a query, not to a registry (electron/logos/features.ts makes them):
// its peels and the whole figure seen otherwise. One image may carry both sides' variants (the images table keeps an
// image once, for whichever role it has), and a registry is built from the others only (match.ts storedHashesOf).

/** The kind of a query's variant that is the figure inside a frame (electron/logos/features.ts). */
export const UNFRAMED = 'unframed';
/** The kind of a query's variant that is a tilted copy turned back square (skew.ts, electron/logos/features.ts). */
export const TURNED = 'turned';
/**
 * The kind of a query's variant that is a figure a ground in a picture holds: a logo on a label on a product
 * (grounds.ts, electron/logos/features.ts).
 */
export const GROUNDED = 'grounded';
/**
 * The kind of a query's variant that is the figure as it came with a drop shadow under it, the query itself being
 * hashed without the shadow (shadow.ts, electron/logos/features.ts): compared as the whole query is.
 */
export const SHADOWED = 'shadowed';
/**
 * The kind of a query's variant that is a line drawing filled in (fill.ts): met by the registry's whole logos with
 * parts and their SOLID and LINE_SOLID copies only, under limits.ts FILLED_WHOLE (pairs.ts pairKind).
 */
export const FILLED = 'filled';
/**
 * The kind of a registry logo's variant that is the logo filled in, or filled in and widened a pixel (fill.ts): met
 * by a query's FILLED variant only.
 */
export const SOLID = 'solid';
/**
 * The kind of a registry logo's variant that is the logo, drawn as line art, filled in (fill.ts): met by a query's
 * FILLED variant, and by a whole query that is no line art — a copy that fills the outline logo in.
 */
export const LINE_SOLID = 'line-solid';
/**
 * The kind of a registry logo's variant that is a small figure as the whole image's decoding shows it, before it is
 * decoded again from its own region (electron/logos/seen.ts decodePlaced): met by a query's peels only, which are cut
 * from that coarser decoding (pairs.ts pairKind).
 */
export const COARSE = 'coarse';
/** Whether a query's variant is the whole figure seen otherwise (compared as the whole query is), not a peel. */
export const comparedAsWhole = (kind: string | undefined): boolean =>
  kind === UNFRAMED || kind === TURNED || kind === GROUNDED || kind === SHADOWED;
/** Whether a variant of this kind is a query's (a peel, or the whole seen otherwise) rather than a registry's. */
export const isQueryKind = (kind: string | undefined): boolean => kind === 'peel' || kind === FILLED || comparedAsWhole(kind);

/**
 * What a registry variant's kind decides about who meets it (StoredHashes.variants.met): a grey copy and its crops
 * only a query without colour, a solid copy only a query's filled variant, a line drawing's solid copy that and a
 * whole query without one, a coarse copy only a query's peel; other variants any query.
 */
export const MET_BY_ANY = 0;
export const MET_GREY = 1;
export const MET_GREY_CROP = 2;
export const MET_SOLID = 3;
export const MET_LINE_SOLID = 4;
export const MET_COARSE = 5;
export const metOf = (kind: string | undefined): number =>
  (kind === 'grey' ? MET_GREY : kind === 'grey-crop' ? MET_GREY_CROP : kind === SOLID ? MET_SOLID : kind === LINE_SOLID ? MET_LINE_SOLID
    : kind === COARSE ? MET_COARSE : MET_BY_ANY);
