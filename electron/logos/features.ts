// From an encoded logo to the features shared/engine/logo/ compares: decoded (./decode.ts) to sRGB within
// DECODE_SIDE² with any transparency on white; the ink (each pixel's colour distance from the background), cropping,
// contrast, the sub-regions and the hashes are the pure code's, so every test and worker agrees.
import { fail, ok, type Result } from '../../shared/result';
import { aspectOf, borderMedians, inkImage, prepareBox, type GrayImage } from '../../shared/engine/logo/prepare';
import { resampleArea } from '../../shared/engine/logo/resample';
import { logoHashes, partHashes, symmetricPhash, thumbnail, type LogoHashes } from '../../shared/engine/logo/hash';
import { detailShare, hasDetail, innerDetail, detailThumb, MAX_ELEMENT_DETAIL } from '../../shared/engine/logo/detail';
import type { LogoSource, Rgb } from './decode';
import { decodedAgain, decodePlaced, type Place, type SeenImage, seenImage, seenInk } from './seen';
import { COARSE, FILLED, GROUNDED, isQueryKind, LINE_SOLID, SHADOWED, SOLID, TURNED, UNFRAMED } from '../../shared/engine/logo/variant-kinds';
import { filledFigures } from '../../shared/engine/logo/fill';
import { skewOf, turnBack } from '../../shared/engine/logo/skew';
import { cropRegions, gapRegions, peelRegions, type Region, valleyRegions } from '../../shared/engine/logo/regions';
import { type ColourCut, colourCut, colourPeels, partRegions, type PartPlace } from '../../shared/engine/logo/parts';
import { colourGrid, isChromatic, printedGrey } from '../../shared/engine/logo/colour';
import { groundFigures } from '../../shared/engine/logo/grounds';

/**
 * Version of the features below (the decoding, the ink image, the regions — peels by blob, by colour and by valley,
 * crops —, the soft copy, a symmetric figure's symmetric hash and inner detail, the parts): stored features of
 * another version are computed again from the stored image (electron/logos/store.ts), never compared with these.
 * 8: small JPEGs decoded by mozjpeg rather than libvips (./jpeg.ts), whose levels differ by a step here and there,
 * and the colour grid (shared/engine/logo/colour.ts). 9: each peel's colour grid. 10: a registry logo in colour has
 * a grey copy among its variants. 11: specks left out of the content mask (shared/engine/logo/prepare.ts SPECK_AREA). 12: the grey copy's crops.
 * 13: the print's parts and symmetric features (printParts, printSymmetric).
 * 14: a symmetric crop's inner detail (LogoVariant.symmetric). 15: a frame round the figure is peeled whatever its
 * share of the ink (regions.ts isFrame), and a query's figure inside it is a variant ('unframed'). 16: a tilted query
 * turned back square is a variant ('turned', shared/engine/logo/skew.ts). 17: a long query's sides at its widest
 * empty gap and the figure inside a ring drawn round it, decoded again, are peels (regions.ts gapRegions,
 * isEnclosure). 18: a query's figures held by a ground in a picture (a logo on a label on a product), decoded again,
 * are variants ('grounded', shared/engine/logo/grounds.ts). 19: a stored image is hashed for its role (store.ts
 * ImageRole): a gazette's image as a query, with the variants only a query has (gap peels, the figure inside a frame,
 * turned back square, held by a ground), which 18 left out of every stored image; a mark's image for both sides.
 * 20: the parts (and the colour peels) also cut where two colours' hues lie apart (shared/engine/logo/parts.ts
 * COLOUR_HUE_EDGE). 21: a query's colour peels also take off a region of one colour too small to be a part at the
 * figure's edge (parts.ts MIN_SMALL_PEEL_SHARE). 22: the stored features carry every hash in every orientation
 * (stored-features.ts, the hash section), so that reading them hashes nothing. 23: a query drawn as line art filled
 * in, and a registry logo with enclosed ground filled in (kinds FILLED, SOLID and LINE_SOLID, shared/engine/logo/fill.ts).
 * 24: every registry logo filled in and widened by a pixel, a second SOLID copy (fill.ts widenedFigure). 25: a logo
 * drawn with a drop shadow under its figures hashed without it, a query's as it came kept as a variant ('shadowed',
 * shared/engine/logo/shadow.ts), a registry logo's print as drawn as a second 'grey' variant. 26: a registry logo
 * that is a small figure decoded again keeps its first, coarser decoding as a variant (COARSE, coarseCopy).
 */
export const FEATURES_VERSION = 26;

/** A sub-region of the logo hashed like a whole one: see shared/engine/logo/regions.ts. */
export interface LogoVariant extends LogoHashes {
  /**
   * a region (peel, crop), or 'soft': the whole registry logo shrunk as a small or scanned copy keeps it, or 'grey':
   * the whole registry logo as a black-and-white print keeps it, or 'grey-crop': that print cropped as the crops are,
   * or 'unframed': a query's figure inside a frame drawn round it (unframedFigure), compared as a whole query, or
   * 'turned': a tilted query turned back square (turnedFigure), compared as a whole query, or 'grounded': a figure
   * that a ground in a picture holds (groundedFigures), compared as a whole query, or 'shadowed': a query drawn with a
   * drop shadow under its figures as it came (the figure is hashed without it, seen.ts withoutDropShadow), compared
   * as a whole query, or 'filled': a query drawn as line art filled in, compared with whole logos and 'solid' ones,
   * or 'solid': a registry logo with the ground its ink encloses filled in, or 'line-solid': a registry logo drawn as
   * line art filled in, which a whole query meets too (shared/engine/logo/fill.ts)
   */
  kind: Region['kind'] | 'soft' | 'grey' | 'grey-crop' | typeof UNFRAMED | typeof TURNED | typeof GROUNDED | typeof SHADOWED | typeof FILLED | typeof SOLID | typeof LINE_SOLID | typeof COARSE;
  thumb: Uint8Array;
  /** log2(width / height) of its box */
  aspect: number;
  /** a peel's (or the unframed or turned figure's) colours where they lie (shared/engine/logo/colour.ts), the peeled element read as background */
  colour?: Uint8Array;
  /**
   * A registry crop that is symmetric with inner detail: its symmetric hash (from its thumbnail) and inner detail,
   * which a symmetric query meets as it meets a symmetric logo — an emblem cut below its name stays symmetric, and
   * its plain hash carries a copy's noise in the bits symmetry sets to 0.
   */
  symmetric?: SymmetricFeatures;
}

export interface LogoFeatures extends LogoHashes {
  /** THUMB_SIDE² levels of the prepared figure as it is (ink dark on light), for checking candidates */
  thumb: Uint8Array;
  /** The content box in the decoded image (≤ DECODE_SIDE; of the re-decoded region for a small figure). */
  box: [number, number, number, number];
  /** log2(width / height) of the box */
  aspect: number;
  /** the figure's peels (a query's) and crops (a registry logo's) */
  variants: LogoVariant[];
  /** present when the figure is symmetric (shared/engine/logo/hash.ts symmetricPhash) */
  symmetric?: SymmetricFeatures;
  /** the figure's parts (shared/engine/logo/parts.ts), each hashed like a whole one; none when it is one part */
  parts: LogoPart[];
  /** the figure's colours where they lie (shared/engine/logo/colour.ts), over the same box, as it is */
  colour: Uint8Array;
  /**
   * A registry logo in colour: the parts of its black-and-white print (none when the print is one part), which a
   * query without colour meets instead of the colour parts. Absent for a query and for a logo without colour (its
   * print is itself).
   */
  printParts?: LogoPart[];
  /**
   * A registry logo in colour whose print is symmetric with inner detail: the print's symmetric hash (from its grey
   * copy's thumbnail) and inner detail (gray differences), which a symmetric query without colour meets as well as
   * the logo's own.
   */
  printSymmetric?: SymmetricFeatures;
}

/** A part of the figure: its hashes, its thumbnail as it is, the shape of its box, where it lies and its share of the ink. */
export interface LogoPart extends LogoHashes, PartPlace {
  thumb: Uint8Array;
  aspect: number;
  /** the bits of its perceptual hash that carry information: 64, or fewer for a symmetric hash */
  informative: number;
}

/**
 * A part hashed: the hashes from its thumbnail, as for every stored figure, and its box's shape. A symmetric part
 * (a disc, a square, a star: most elements are) is looked up by its symmetric hash (hash.ts partHashes): the
 * plain one's bits for the terms symmetry leaves at 0 are set by a JPEG's noise, and its copy would be a dozen bits
 * away. Both sides of a pair are hashed so, and the thumbnails still have to correlate; the search's radius shrinks
 * with the bits that carry information (parts-match.ts).
 */
export function hashedPart(thumb: Uint8Array, place: PartPlace): LogoPart {
  return { ...partHashes(Float64Array.from(thumb)), thumb, aspect: aspectOf(place.box), box: place.box, share: place.share };
}

/** What a symmetric figure is also compared by: its symmetric hash and its inner detail (detail.ts). */
export interface SymmetricFeatures {
  /** ORIENTATIONS × [hi, lo], taken from the rounded thumbnail (so a stored figure gives it back) */
  phash: Uint32Array;
  /** THUMB_SIDE² levels of inner detail over the same box as the thumbnail, as it is (orientation 0) */
  detail: Uint8Array;
}

/** The symmetric features of a figure whose thumbnail is thumb, or undefined when it is not symmetric. */
export function symmetricFeatures(thumb: Uint8Array, detail: () => Uint8Array): SymmetricFeatures | undefined {
  const phash = symmetricPhash(Float64Array.from(thumb));
  return phash ? { phash, detail: detail() } : undefined;
}

/** Hashes and thumbnail of a prepared square; the hashes are taken from the rounded thumbnail, as stored. */
export function hashedThumb(pixels: Float64Array): LogoHashes & { thumb: Uint8Array } {
  const thumb = thumbnail(pixels);
  return { ...logoHashes(new Float64Array(thumb)), thumb };
}

/** A figure decoded again (decodedAgain) hashed as a variant of the given kind, with its colour grid. */
async function figureDecodedAgain(
  kind: LogoVariant['kind'], source: LogoSource, place: Place | null, seen: SeenImage, inner: [number, number, number, number], margin = 1,
): Promise<LogoVariant | null> {
  const figure = await decodedAgain(source, place, seen, inner, margin);
  if (!figure?.box) return null;
  const { rgb, img, box } = figure;
  return { kind, ...hashedThumb(prepareBox(img, box).pixels), aspect: aspectOf(box), colour: colourGrid(rgb.data, rgb.width, rgb.height, box) };
}

/**
 * The figure inside a frame drawn round it (regions.ts isFrame: a clipping's rule, a listing's border), decoded
 * again and hashed as a whole figure: a framed copy of a logo is the logo, and held to a peel's limits (the frame
 * peel) the resampling alone moved a plain figure's hash 10–12 bits.
 */
const unframedFigure = (source: LogoSource, place: Place | null, seen: SeenImage, inner: [number, number, number, number]) =>
  figureDecodedAgain(UNFRAMED, source, place, seen, inner);

/**
 * A query's peel decoded again and held to a peel's limits: one side of a long query cut at its widest empty gap
 * (regions.ts gapRegions: a figure with its name set beside it), or the figure inside a ring drawn round it
 * (regions.ts isEnclosure). Hashed from the whole image's decoding, the figure beside a long name was found 13 times
 * in 100 and the figure in a ring 10, decoded again 93 and 92 (logo/MEASUREMENTS.md, "Names set beside the figure"). As a
 * whole figure the sides flagged ten more of the quality set's holdout negatives; and decoding every blob peel
 * that leaves a figure much smaller than the whole again flagged 5 more negatives of the two sets.
 */
const peelDecodedAgain = (source: LogoSource, place: Place | null, seen: SeenImage, region: [number, number, number, number]) =>
  figureDecodedAgain('peel', source, place, seen, region);

/**
 * A query drawn tilted (skew.ts skewOf: its ink lines up with the rows and columns better at another angle) turned
 * back square and hashed as a whole figure, the variant TURNED; null for a query that is not tilted. A registry
 * logo is not turned: one drawn with its lines tilted is met as it is (logo/MEASUREMENTS.md, "Tilted copies": turning it too
 * flagged every other layout of a lone figure).
 */
function turnedFigure(seen: SeenImage): LogoVariant | null {
  const { rgb, img, box } = seen;
  const angle = box ? skewOf(img, box) : 0;
  if (angle === 0) return null;
  const back = seenImage(turnBack(rgb.data, rgb.width, rgb.height, angle, borderMedians(rgb.data, rgb.width, rgb.height, 3)));
  if (!back.box) return null;
  return { kind: TURNED, ...hashedThumb(prepareBox(back.img, back.box).pixels), aspect: aspectOf(back.box), colour: colourGrid(back.rgb.data, back.rgb.width, back.rgb.height, back.box) };
}

/**
 * The figures a picture's grounds hold (grounds.ts: a logo on a label on a product, in a listing's photo), each
 * decoded again and compared as a whole query, as the figure inside a frame is: the logo on the label is the whole
 * logo. On a probe of 100 registry logos of the quality set shown on a label on a product (a 480 × 400 JPEG), the
 * ink image of the whole picture found none of them; held to a peel's limits these found 55–69 of 100, as whole
 * figures 69–83, flagging 1 of 300 other logos shown so (logo/MEASUREMENTS.md, "Logos in a product photo"). Decoded without
 * a margin: a figure drawn to its label's edge would take in the product round the label, and the product's colour
 * its background.
 */
async function groundedFigures(source: LogoSource, place: Place | null, seen: SeenImage): Promise<LogoVariant[]> {
  const out: LogoVariant[] = [];
  for (const held of groundFigures(seen.rgb.data, seen.rgb.width, seen.rgb.height)) {
    const v = await figureDecodedAgain(GROUNDED, source, place, seen, held, 0);
    if (v) out.push(v);
  }
  return out;
}

/** The side a registry logo's soft copy is shrunk to: what a small or scanned copy of it keeps. */
const SOFT_SIDE = 36;

/**
 * A registry logo that is a small figure on a large canvas, as the whole image's decoding shows it (seen.ts
 * decodePlaced keeps it as `coarse` before decoding the figure again): a copy with an element or a line of text
 * added far off is too large to be decoded again, and its peel without them is this coarser figure. Met by a
 * query's peels only (pairs.ts pairKind).
 */
function coarseCopy(coarse: SeenImage | null): LogoVariant | null {
  if (!coarse?.box) return null;
  return { kind: COARSE, ...hashedThumb(prepareBox(coarse.img, coarse.box).pixels), aspect: aspectOf(coarse.box) };
}

/**
 * The figure shrunk to SOFT_SIDE and hashed again: a copy printed small, scanned or re-compressed has lost the fine
 * strokes the full-size registry image keeps, and meets this copy nearer. Null for a figure already that small.
 */
function softCopy(img: GrayImage, box: [number, number, number, number]): LogoVariant | null {
  const side = Math.max(box[2] - box[0], box[3] - box[1]);
  if (side <= SOFT_SIDE * 1.5) return null;
  const k = SOFT_SIDE / side;
  const width = Math.max(2, Math.round((box[2] - box[0]) * k));
  const height = Math.max(2, Math.round((box[3] - box[1]) * k));
  const small = resampleArea(img.data, img.width, box, width, height);
  const shrunk: GrayImage = { width, height, data: Uint8Array.from(small, (v) => Math.round(v)) };
  return { kind: 'soft', ...hashedThumb(prepareBox(shrunk, [0, 0, width, height]).pixels), aspect: aspectOf(box) };
}

/** A figure's parts (parts.ts), each hashed. */
function hashedParts(img: GrayImage, rgb: Uint8Array, box: [number, number, number, number], cut?: ColourCut): LogoPart[] {
  return partRegions(img, rgb, box, cut).map((r) => hashedPart(thumbnail(prepareBox(img, r.box, r.erase).pixels), r));
}

/**
 * A registry logo in colour printed in black and white (a gazette's usual copy): the whole print and its crops as
 * variants, and its parts. Its ink is read from the print's gray levels, where the colour ink reads each pixel's
 * largest channel difference — a yellow figure, full ink in colour, is a pale gray in print, and the grey copy's
 * hashes would otherwise meet the logo's nowhere; a print cropped as the logo's own crops are (a crop of a colour
 * logo printed in grey meets neither the colour crops nor the whole print); and the print cut into parts where its
 * gray levels change, as a query in grey is cut (two colours of one gray are one part in print), so that a print
 * that changed or added an element still meets the parts it kept. Null for a print left blank.
 */
function printOf(rgb: Rgb): { variants: LogoVariant[]; parts: LogoPart[]; symmetric: SymmetricFeatures | undefined } | null {
  const grey = printedGrey(rgb.data, rgb.width, rgb.height);
  const { img, box, seen } = seenInk(inkImage(grey, rgb.width, rgb.height, 1));
  if (!box) return null;
  const variants = [box, ...cropRegions(img, box, seen).map((r) => r.box)].map((b, i) => ({ kind: i === 0 ? 'grey' as const : 'grey-crop' as const, ...hashedThumb(prepareBox(img, b).pixels), aspect: aspectOf(b) }));
  // the parts are cut where the colour changes (parts.ts colourCut reads three channels), and the inner detail
  // reads three channels too: the print's three alike
  const printed = new Uint8Array(grey.length * 3);
  for (let i = 0, p = 0; i < grey.length; i++, p += 3) {
    const level = grey[i]!;
    printed[p] = level;
    printed[p + 1] = level;
    printed[p + 2] = level;
  }
  // a print without inner detail (a plain shape in grey) is left out: on the set with its filings in grey, plain
  // prints met 6 more fit negatives for 2 more copies (logo/MEASUREMENTS.md)
  const symmetric = symmetricFeatures(variants[0]!.thumb, () => detailThumb(innerDetail(printed, img), box));
  return { variants, parts: hashedParts(img, printed, box), symmetric: symmetric && hasDetail(symmetric.detail) ? symmetric : undefined };
}

/**
 * A crop's symmetric features when it is symmetric with inner detail, and that detail is an element inside it rather
 * than the ground a ring encloses (detail.ts MAX_ELEMENT_DETAIL); any other crop is left to its plain hashes.
 */
function symmetricCrop(thumb: Uint8Array, detail: () => Uint8Array): { symmetric?: SymmetricFeatures } {
  const symmetric = symmetricFeatures(thumb, detail);
  return symmetric && hasDetail(symmetric.detail) && detailShare(symmetric.detail) <= MAX_ELEMENT_DETAIL ? { symmetric } : {};
}

/** A query's variants (peels, the figure inside a frame, the query turned back square or with its shadow) search; a registry logo's (crops, its soft and grey copies) are searched. */
export const isQueryVariant = (v: Pick<LogoVariant, 'kind'>): boolean => isQueryKind(v.kind);
export const isRegistryVariant = (v: Pick<LogoVariant, 'kind'>): boolean => !isQueryVariant(v);

export interface FeatureOptions {
  /**
   * Whether to hash the registry-side variants, the crops, the soft copy and the print (default true): a registry
   * logo needs them (a query may be a crop of it, or a small copy); a query that will never be a registry logo (a
   * gazette's image, 以图查询) does not.
   */
  crops?: boolean;
  /**
   * Whether to hash the query-side variants, the peels, the figure inside a frame, the query turned back square or
   * with its drop shadow and the figures a ground holds (default true): an image searched for needs them; a
   * registry logo that is only ever searched (a benchmark's registry) does not.
   */
  queryVariants?: boolean;
}

/** The hashes of an encoded image, or a Chinese reason it has none (unreadable, blank). */
export async function logoFeatures(input: Buffer | Uint8Array, options: FeatureOptions = {}): Promise<Result<LogoFeatures>> {
  const decoded = await decodePlaced(input);
  if (!decoded.ok) return decoded;
  const { rgb, img, seen, box } = decoded.value.seen;
  if (!box) return fail('invalid-input', '图片为空白，没有可比对的图形');
  const registry = options.crops !== false;
  const query = options.queryVariants !== false;
  const cut = colourCut(img, rgb.data, box);
  const peels = query ? peelRegions(img, box, seen) : [];
  // a colour peel that leaves the box a blob peel leaves is the same figure hashed twice
  const colourPeeled = query ? colourPeels(img, box, seen.mask, cut).filter((c) => !peels.some((p) => p.box.every((v, i) => v === c.box[i]))) : [];
  const valleys = query ? valleyRegions(img, box, seen) : [];
  // a gap's side that a valley cut already leaves is the same figure hashed twice
  const gaps = query ? gapRegions(img, box, seen).filter((g) => !valleys.some((v) => v.box.every((x, i) => x === g.box[i]))) : [];
  const regions = [...peels, ...colourPeeled, ...valleys, ...gaps, ...(registry ? cropRegions(img, box, seen) : [])];
  // a query's gap sides and the figure inside an enclosure are hashed from their own decoding, not from this one
  const again = new Map<Region, LogoVariant>();
  for (const r of regions.filter((r) => r.enclosed || gaps.includes(r))) {
    const v = await peelDecodedAgain(decoded.value.source, decoded.value.place, decoded.value.seen, r.box);
    if (v) again.set(r, v);
  }
  let detail: GrayImage | undefined;
  const detailOf = () => (detail ??= innerDetail(rgb.data, img));
  const variants: LogoVariant[] = regions.map((r) => {
    const decodedApart = again.get(r);
    if (decodedApart) return decodedApart;
    const hashed = hashedThumb(prepareBox(img, r.box, r.erase).pixels);
    return {
      kind: r.kind, ...hashed, aspect: aspectOf(r.box),
      ...(r.kind === 'peel' ? { colour: colourGrid(rgb.data, rgb.width, rgb.height, r.box, r.erase) } : {}),
      ...(r.kind === 'crop' ? symmetricCrop(hashed.thumb, () => detailThumb(detailOf(), r.box)) : {}),
    };
  });
  // a query framed by a rule is compared by the figure inside it instead of by the frame's peel, the same figure
  // decoded coarser and held to a peel's limits (a registry logo is searched whole and by its crops, its frame and all)
  const framed = regions.findIndex((r) => r.frame);
  const unframed = framed >= 0 ? await unframedFigure(decoded.value.source, decoded.value.place, decoded.value.seen, regions[framed]!.box) : null;
  if (unframed) variants.splice(framed, 1, unframed);
  const turned = query ? turnedFigure(decoded.value.seen) : null;
  if (turned) variants.push(turned);
  // a query drawn with a drop shadow is hashed without it (seen.ts decodePlaced), and as it came, compared as a whole
  // query
  const shadowed = query ? decoded.value.shadowed : null;
  if (shadowed?.box) {
    variants.push({ kind: SHADOWED, ...hashedThumb(prepareBox(shadowed.img, shadowed.box).pixels), aspect: aspectOf(shadowed.box),
      colour: colourGrid(shadowed.rgb.data, shadowed.rgb.width, shadowed.rgb.height, shadowed.box) });
  }
  // (a frame's inside is a ground too: its figure decoded to the ink, without the frame peel's margin, found more of
  // the wrapped copies with a 4 px rule 16 px in than the unframed one alone, logo/MEASUREMENTS.md)
  if (query) variants.push(...await groundedFigures(decoded.value.source, decoded.value.place, decoded.value.seen));
  const soft = registry ? softCopy(img, box) : null;
  if (soft) variants.push(soft);
  const coarse = registry ? coarseCopy(decoded.value.coarse?.() ?? null) : null;
  if (coarse) variants.push(coarse);
  const colour = colourGrid(rgb.data, rgb.width, rgb.height, box);
  const print = registry && isChromatic(colour) ? printOf(rgb) : null;
  if (print) variants.push(...print.variants);
  // a registry logo drawn with a drop shadow is hashed without it, its print too; in grey a shadow is told from the
  // figures by its level alone and a grey copy's may go unread, so the print as drawn, shadow and all, is kept too
  const shadowedPrint = registry && decoded.value.shadowed ? printOf(decoded.value.shadowed.rgb) : null;
  if (shadowedPrint) variants.push(shadowedPrint.variants[0]!);
  const parts = hashedParts(img, rgb.data, box, cut);
  // only a registry logo with parts meets a line drawing (shared/engine/logo/pairs.ts pairKind): one without keeps
  // no filled-in copies
  const fill = filledFigures(img, box, { query, registry: registry && parts.length > 0 });
  for (const [kind, f] of [[FILLED, fill.filled], [fill.solid?.lineArt ? LINE_SOLID : SOLID, fill.solid], [SOLID, fill.widened]] as const) {
    if (f) variants.push({ kind, ...hashedThumb(prepareBox(f.img, f.box).pixels), aspect: aspectOf(f.box) });
  }
  const whole = hashedThumb(prepareBox(img, box).pixels);
  const symmetric = symmetricFeatures(whole.thumb, () => detailThumb(detailOf(), box));
  return ok({ ...whole, box, aspect: aspectOf(box), variants, ...(symmetric ? { symmetric } : {}), parts, colour,
    ...(print ? { printParts: print.parts } : {}), ...(print?.symmetric ? { printSymmetric: print.symmetric } : {}) });
}
