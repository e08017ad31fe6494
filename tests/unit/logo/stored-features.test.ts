// The features as the images table keeps them: read back equal to those computed; an older layout is refused.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { COLOUR_BYTES } from '../../../shared/engine/logo/colour';
import { decodeFeatures, encodeFeatures, featuresCurrent, queryFromStored } from '../../../electron/logos/stored-features';

const logo = () => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><rect x="30" y="20" width="60" height="100" fill="#1d3f8f"/>
  <circle cx="130" cy="70" r="40" fill="#c22"/><rect x="40" y="160" width="120" height="16" fill="#333"/></svg>`)).png().toBuffer();

const PART_BYTES = 5 + 1024;
/** The bytes of the last section: the count of the symmetric crops and, for each, its place and inner detail. */
const cropBytes = (f: LogoFeatures) => 1 + f.variants.filter((v) => v.symmetric).length * (1 + 1024);
/**
 * The bytes of the hash section, last: every figure's two hashes in 8 orientations (128 bytes), each part's and its
 * informative bits, each symmetric hash (64 bytes).
 */
const hashBytes = (f: LogoFeatures) => 128 * (1 + f.variants.length) + 129 * (f.parts.length + (f.printParts?.length ?? 0)) +
  64 * ((f.symmetric ? 1 : 0) + (f.printSymmetric ? 1 : 0) + f.variants.filter((v) => v.symmetric).length);
/** The bytes after the print's section: the symmetric crops, then the hash section. */
const tailBytes = (f: LogoFeatures) => cropBytes(f) + hashBytes(f);
/** The bytes after the colour grids: the count of the print's parts and each of them, then the symmetric crops and the hashes. */
const printBytes = (f: LogoFeatures) => (f.printParts ? 1 + f.printParts.length * PART_BYTES + 1 + (f.printSymmetric ? 1024 : 0) : 1) + tailBytes(f);

describe('stored logo features', () => {
  it('reads back the thumbnail, box shape and parts with the hashes computed', async () => {
    const f = await logoFeatures(await logo());
    if (!f.ok) throw new Error(f.error.message);
    const blob = encodeFeatures(f.value);
    expect(featuresCurrent(blob)).toBe(true);
    const back = decodeFeatures(blob)!;
    expect(back.thumb).toEqual(f.value.thumb);
    // every hash in every orientation is read from the column, equal to the one computed
    expect([back.phash, back.dhash]).toEqual([f.value.phash, f.value.dhash]);
    expect(back.aspect).toBe(f.value.aspect);
    expect(back.variants.map((v) => [v.kind, v.aspect])).toEqual(f.value.variants.map((v) => [v.kind, v.aspect]));
    // a registry logo in colour keeps its grey copy (what a black-and-white print of it gives) and the print's
    // crops among them
    expect(back.variants.filter((v) => v.kind === 'grey')).toHaveLength(1);
    expect(back.variants.filter((v) => v.kind === 'grey-crop')).toHaveLength(8);
    back.variants.forEach((v, k) => expect([v.phash, v.dhash]).toEqual([f.value.variants[k]!.phash, f.value.variants[k]!.dhash]));
    const query = queryFromStored(blob)!;
    expect([query.phash, query.dhash]).toEqual([f.value.phash, f.value.dhash]);
    expect(query.variants!.every((v) => v.kind === 'peel')).toBe(true);
    // the figure's three elements, each in its own colour, are its parts, read back with their places and hashes
    expect(f.value.parts).toHaveLength(3);
    expect(back.parts).toEqual(f.value.parts);
    expect(query.parts).toEqual(f.value.parts);
    // and the colour grid, which the colour second chance compares, and each peel's, for the peels' colour tier
    expect(back.colour).toEqual(f.value.colour);
    expect(query.colour).toEqual(f.value.colour);
    const peels = f.value.variants.filter((v) => v.kind === 'peel');
    expect(peels.length).toBeGreaterThan(0);
    expect(peels.every((v) => v.colour?.length === COLOUR_BYTES)).toBe(true);
    expect(query.variants!.map((v) => v.colour)).toEqual(peels.map((v) => v.colour));
    expect(back.variants.filter((v) => v.kind !== 'peel').every((v) => v.colour === undefined)).toBe(true);
    // and its print's parts: the navy bar and the red disc, one gray in print, are one part there
    expect(f.value.printParts).toHaveLength(2);
    expect(back.printParts).toEqual(f.value.printParts);
  });

  it('stores no print parts for a query or a logo without colour, and refuses a print part that lost its box', async () => {
    const asQuery = await logoFeatures(await logo(), { crops: false });
    const inGrey = await logoFeatures(await sharp(await logo()).greyscale().png().toBuffer());
    if (!asQuery.ok || !inGrey.ok) throw new Error('unreadable');
    for (const f of [asQuery.value, inGrey.value]) {
      expect(f.printParts).toBeUndefined();
      expect(decodeFeatures(encodeFeatures(f))!.printParts).toBeUndefined();
    }
    const f = await logoFeatures(await logo());
    if (!f.ok) throw new Error(f.error.message);
    const blob = Buffer.from(encodeFeatures(f.value));
    // the last print part's box with no width (the print is not symmetric: its flag, 0, comes after it)
    expect(f.value.printSymmetric).toBeUndefined();
    const lastPart = blob.length - tailBytes(f.value) - 1 - PART_BYTES;
    blob[lastPart + 2] = blob[lastPart]!;
    expect(decodeFeatures(blob)).toBeNull();
  });

  it('refuses a column that lost a peel\'s colour grid, and will not store a peel without one', async () => {
    const f = await logoFeatures(await logo());
    if (!f.ok) throw new Error(f.error.message);
    const blob = encodeFeatures(f.value);
    expect(featuresCurrent(blob.subarray(0, blob.length - COLOUR_BYTES))).toBe(false);
    const { colour: _dropped, ...bare } = f.value.variants.find((v) => v.kind === 'peel')!;
    expect(() => encodeFeatures({ ...f.value, variants: [bare] })).toThrow(/colour grid/);
  });

  it('reads back a framed query\'s unframed figure with its colour grid, which the query searches with', async () => {
    const framed = await sharp(await logo()).extend({ top: 16, bottom: 16, left: 16, right: 16, background: '#fff' })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="232" height="232"><rect x="6" y="6" width="220" height="220" fill="none" stroke="#000" stroke-width="3"/></svg>'), left: 0, top: 0 }])
      .jpeg({ quality: 85 }).toBuffer();
    const f = await logoFeatures(framed, { crops: false });
    if (!f.ok) throw new Error(f.error.message);
    const unframed = f.value.variants.filter((v) => v.kind === 'unframed');
    expect(unframed).toHaveLength(1);
    const blob = encodeFeatures(f.value);
    const query = queryFromStored(blob)!;
    const back = query.variants!.filter((v) => v.kind === 'unframed');
    expect(back.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour])).toEqual(unframed.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour]));
    expect(query.variants!.length).toBe(f.value.variants.length);
    const { colour: _dropped, ...bare } = unframed[0]!;
    expect(() => encodeFeatures({ ...f.value, variants: [bare] })).toThrow(/unframed without its colour grid/);
  });

  it('reads back a tilted query\'s turned figure with its colour grid, which the query searches with', async () => {
    const tilted = await sharp(await logo()).flatten({ background: '#fff' }).rotate(8, { background: '#fff' }).jpeg({ quality: 85 }).toBuffer();
    const f = await logoFeatures(tilted, { crops: false });
    if (!f.ok) throw new Error(f.error.message);
    const turned = f.value.variants.filter((v) => v.kind === 'turned');
    expect(turned).toHaveLength(1);
    const query = queryFromStored(encodeFeatures(f.value))!;
    const back = query.variants!.filter((v) => v.kind === 'turned');
    expect(back.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour])).toEqual(turned.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour]));
    const { colour: _dropped, ...bare } = turned[0]!;
    expect(() => encodeFeatures({ ...f.value, variants: [bare] })).toThrow(/turned without its colour grid/);
  });

  it('reads back a line drawing filled in, without a colour grid, and a registry logo filled in', async () => {
    // a ring over a name drawn as its edges: filled in for the query's side (a disc over the name), and for the
    // registry's side, as a line drawing whose solid copy a whole query meets too
    const ringOutline = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/>
      <circle cx="100" cy="80" r="62" fill="none" stroke="#c22" stroke-width="3"/><circle cx="100" cy="80" r="44" fill="none" stroke="#c22" stroke-width="3"/>
      <rect x="50" y="160" width="100" height="24" fill="none" stroke="#1d3f8f" stroke-width="3"/></svg>`)).png().toBuffer();
    const f = await logoFeatures(ringOutline);
    if (!f.ok) throw new Error(f.error.message);
    const kinds = f.value.variants.map((v) => v.kind);
    expect(kinds.filter((k) => k === 'filled')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'line-solid')).toHaveLength(1);
    // and, as every registry logo, its filled-in copy widened a pixel (for an outline in a heavier stroke)
    expect(kinds.filter((k) => k === 'solid')).toHaveLength(1);
    const blob = encodeFeatures(f.value);
    const back = decodeFeatures(blob)!;
    expect(back.variants.map((v) => [v.kind, v.phash, v.dhash, v.thumb, v.aspect])).toEqual(f.value.variants.map((v) => [v.kind, v.phash, v.dhash, v.thumb, v.aspect]));
    const query = queryFromStored(blob)!;
    const filled = query.variants!.find((v) => v.kind === 'filled')!;
    expect(filled.colour).toBeUndefined();
    expect([filled.phash, filled.thumb]).toEqual([f.value.variants.find((v) => v.kind === 'filled')!.phash, f.value.variants.find((v) => v.kind === 'filled')!.thumb]);
    // the registry's solid copy is no query's variant
    expect(query.variants!.some((v) => v.kind === 'line-solid')).toBe(false);
  });

  it('reads back the figure a label on a product holds, with its colour grid, which the query searches with', async () => {
    const photo = '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="400"><defs><linearGradient id="b" x1="0" y1="0" x2="0" y2="1">' +
      '<stop offset="0" stop-color="#e4e8ee"/><stop offset="1" stop-color="#a9b3bf"/></linearGradient></defs>' +
      '<rect width="100%" height="100%" fill="url(#b)"/><rect x="90" y="40" width="300" height="340" rx="24" fill="#8a4f9e"/></svg>';
    const label = await sharp(await logo()).resize(180).png().toBuffer();
    const f = await logoFeatures(await sharp(Buffer.from(photo)).composite([{ input: label, left: 150, top: 110 }]).jpeg({ quality: 85 }).toBuffer(), { crops: false });
    if (!f.ok) throw new Error(f.error.message);
    const grounded = f.value.variants.filter((v) => v.kind === 'grounded');
    expect(grounded).toHaveLength(1);
    const back = queryFromStored(encodeFeatures(f.value))!.variants!.filter((v) => v.kind === 'grounded');
    expect(back.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour])).toEqual(grounded.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour]));
  });

  it('reads back a shadowed query\'s figure as it came, with its colour grid, which the query searches with', async () => {
    const shadowed = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><defs><filter id="s">
      <feDropShadow dx="6" dy="6" stdDeviation="0" flood-color="#999"/></filter></defs><rect width="200" height="200" fill="#fff"/>
      <g filter="url(#s)"><rect x="30" y="20" width="60" height="100" fill="#1d3f8f"/><circle cx="130" cy="70" r="40" fill="#c22"/></g></svg>`))
      .jpeg({ quality: 85 }).toBuffer();
    const f = await logoFeatures(shadowed, { crops: false });
    if (!f.ok) throw new Error(f.error.message);
    const shadowedVariant = f.value.variants.filter((v) => v.kind === 'shadowed');
    expect(shadowedVariant).toHaveLength(1);
    const back = queryFromStored(encodeFeatures(f.value))!.variants!.filter((v) => v.kind === 'shadowed');
    expect(back.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour])).toEqual(shadowedVariant.map((v) => [v.phash, v.dhash, v.thumb, v.aspect, v.colour]));
  });

  it('refuses a column whose parts were cut short or whose part lost its box', async () => {
    const f = await logoFeatures(await logo());
    if (!f.ok) throw new Error(f.error.message);
    const blob = encodeFeatures(f.value);
    expect(decodeFeatures(blob.subarray(0, blob.length - 1))).toBeNull();
    // the last part lies before the colour grids (the figure's and its peels')
    const grids = (1 + f.value.variants.filter((v) => v.kind === 'peel').length) * COLOUR_BYTES;
    const lastPart = blob.length - printBytes(f.value) - grids - PART_BYTES;
    const flat = Buffer.from(blob);
    // a box with no height
    flat[lastPart + 3] = flat[lastPart + 1]!;
    expect(decodeFeatures(flat)).toBeNull();
  });

  it('reads back a symmetric figure\'s symmetric hash and colour detail, and refuses a trailer that lost them', async () => {
    const badge = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
      <rect width="200" height="200" fill="#fff"/><circle cx="100" cy="100" r="80" fill="#1d3f8f"/>
      <rect x="70" y="60" width="60" height="80" fill="#e8c020"/></svg>`)).png().toBuffer();
    const f = await logoFeatures(badge);
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.symmetric).toBeDefined();
    const blob = encodeFeatures(f.value);
    expect(featuresCurrent(blob)).toBe(true);
    expect(decodeFeatures(blob)!.symmetric).toEqual(f.value.symmetric);
    expect(queryFromStored(blob)!.symmetric).toEqual(f.value.symmetric);
    // the flag says a detail follows (before the parts): with the flag cleared the column is not this version's
    const grids = (1 + f.value.variants.filter((v) => v.kind === 'peel').length) * COLOUR_BYTES;
    const flagAt = blob.length - printBytes(f.value) - grids - (1 + f.value.parts.length * PART_BYTES) - 1025;
    expect(blob[flagAt]).toBe(1);
    const cleared = Buffer.from(blob);
    cleared[flagAt] = 0;
    expect(decodeFeatures(cleared)).toBeNull();
    // its print is symmetric too, with gray detail: read back with its symmetric hash (its grey copy's thumbnail's)
    expect(f.value.printSymmetric).toBeDefined();
    expect(decodeFeatures(blob)!.printSymmetric).toEqual(f.value.printSymmetric);
    // the print's flag follows its parts, then its detail and the symmetric crops: cleared, the column is not this version's
    const printFlagAt = blob.length - tailBytes(f.value) - 1 - 1024;
    expect(blob[printFlagAt]).toBe(1);
    const printCleared = Buffer.from(blob);
    printCleared[printFlagAt] = 0;
    expect(decodeFeatures(printCleared)).toBeNull();
    // an asymmetric figure stores no detail
    const plain = await logoFeatures(await logo());
    if (!plain.ok) throw new Error(plain.error.message);
    expect(plain.value.symmetric).toBeUndefined();
    expect(decodeFeatures(encodeFeatures(plain.value))!.symmetric).toBeUndefined();
  });

  it('reads back a plain symmetric logo in colour, whose print keeps no symmetric detail', async () => {
    // a star in one colour: its grey copy is symmetric, but a print without inner detail keeps none (features.ts printOf)
    const star = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
      <rect width="200" height="200" fill="#fff"/><polygon points="100,10 125,80 195,80 140,120 160,190 100,150 40,190 60,120 5,80 75,80" fill="#b8860b"/></svg>`)).png().toBuffer();
    const f = await logoFeatures(star);
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.printParts).toBeDefined();
    expect(f.value.printSymmetric).toBeUndefined();
    const back = decodeFeatures(encodeFeatures(f.value));
    expect(back).not.toBeNull();
    expect(back!.printSymmetric).toBeUndefined();
    expect(back!.printParts).toEqual(f.value.printParts);
    expect(back!.symmetric).toEqual(f.value.symmetric);
  });

  it('refuses the layout before the trailer, another version and a cut-short column', async () => {
    const f = await logoFeatures(await logo());
    if (!f.ok) throw new Error(f.error.message);
    const blob = encodeFeatures(f.value);
    expect(decodeFeatures(blob.subarray(0, 1024))).toBeNull();
    const other = Buffer.from(blob);
    other[1024 + 3] = 1;
    expect(decodeFeatures(other)).toBeNull();
    expect(decodeFeatures(blob.subarray(0, blob.length - 1))).toBeNull();
    expect(queryFromStored(blob.subarray(0, 1024))).toBeNull();
  });
});

describe('stored symmetric crops', () => {
  // a badge above an asymmetric name (two bars of unequal length): the whole is not symmetric, the crop that cuts
  // the name off is, with inner detail (a pale bar on a disc on a square)
  const emblem = () => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300">
    <rect width="100%" height="100%" fill="#fff"/><rect x="30" y="20" width="180" height="180" fill="#c02020"/>
    <circle cx="120" cy="110" r="36" fill="#20a040"/><rect x="108" y="84" width="24" height="52" fill="#f0e0a0"/>
    <rect x="30" y="236" width="180" height="16" fill="#333"/><rect x="30" y="262" width="90" height="30" fill="#333"/></svg>`)).png().toBuffer();

  it('reads back each symmetric crop\'s inner detail with the symmetric hash of its thumbnail', async () => {
    const f = await logoFeatures(await emblem());
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.symmetric).toBeUndefined();
    const symmetricCrops = f.value.variants.filter((v) => v.symmetric);
    expect(symmetricCrops.length).toBeGreaterThan(0);
    expect(symmetricCrops.every((v) => v.kind === 'crop')).toBe(true);
    const blob = encodeFeatures(f.value);
    expect(featuresCurrent(blob)).toBe(true);
    const back = decodeFeatures(blob)!;
    back.variants.forEach((v, k) => expect(v.symmetric).toEqual(f.value.variants[k]!.symmetric));
    // a query keeps no crops, so none of their symmetric features
    const asQuery = await logoFeatures(await emblem(), { crops: false });
    if (!asQuery.ok) throw new Error(asQuery.error.message);
    expect(asQuery.value.variants.some((v) => v.symmetric)).toBe(false);
  });

  it('refuses a symmetric crop listed at a variant that is not a crop, or a section cut short', async () => {
    const f = await logoFeatures(await emblem());
    if (!f.ok) throw new Error(f.error.message);
    const blob = encodeFeatures(f.value);
    const count = f.value.variants.filter((v) => v.symmetric).length;
    const sectionAt = blob.length - hashBytes(f.value) - 1 - count * 1025;
    expect(blob[sectionAt]).toBe(count);
    const moved = Buffer.from(blob);
    // the first listed crop's place pointed at the soft copy
    moved[sectionAt + 1] = f.value.variants.findIndex((v) => v.kind === 'soft');
    expect(decodeFeatures(moved)).toBeNull();
    expect(decodeFeatures(blob.subarray(0, blob.length - 1))).toBeNull();
    const { symmetric, ...soft } = f.value.variants.find((v) => v.symmetric)!;
    expect(() => encodeFeatures({ ...f.value, variants: [{ ...soft, kind: 'soft', symmetric }] })).toThrow(/not a crop/);
  });
});
