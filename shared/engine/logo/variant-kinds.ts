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
/** Whether a query's variant is the whole figure seen otherwise (compared as the whole query is), not a peel. */
export const comparedAsWhole = (kind: string | undefined): boolean => kind === UNFRAMED || kind === TURNED || kind === GROUNDED;
/** Whether a variant of this kind is a query's (a peel, or the whole seen otherwise) rather than a registry's. */
export const isQueryKind = (kind: string | undefined): boolean => kind === 'peel' || comparedAsWhole(kind);
