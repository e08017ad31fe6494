// A registry logo that is a small figure on a large canvas is decoded again from its own region (seen.ts
// decodePlaced), and keeps its first, coarser decoding as a variant (COARSE): a copy with a name set far under the
// figure is too large to be decoded again, and its peel without the name is that coarser figure. Only a query's
// peels meet it, and only in the logo's colours (a small element inside the figure fades at that resolution).
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { decodeFeatures, encodeFeatures } from '../../../electron/logos/stored-features';
import { LogoIndex, type LogoQuery, scanLogos } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { plainFigures } from '../../../shared/engine/logo/entries';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { COARSE } from '../../../shared/engine/logo/variant-kinds';

const SIDE = 256;
const hexagon = (fill: string) => `<polygon points="128,78 171,103 171,153 128,178 85,153 85,103" fill="${fill}"/>`;
/** A mark drawn as its figure alone, in the middle of the canvas: under half the canvas, so decoded again. */
const figureAlone = (figure: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${SIDE}" height="${SIDE}"><rect width="100%" height="100%" fill="#fff"/>${figure}</svg>`;
/** The same figure with a name set far under it (a bar the width of a line of text). */
const withName = (figure: string) => figureAlone(`${figure}<rect x="58" y="222" width="140" height="14" fill="#555"/>`);
/** A figure that is no plain one: a disc with a bar beside it. */
const discAndBar = (disc: string, bar: string) => `<circle cx="112" cy="128" r="30" fill="${disc}"/><rect x="150" y="100" width="14" height="56" fill="${bar}"/>`;

async function features(svg: string, options: { crops?: false } = {}): Promise<LogoFeatures> {
  const r = await logoFeatures(await sharp(Buffer.from(svg)).png().toBuffer(), options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const asQuery = (f: LogoFeatures): LogoQuery => f;
/** The registry of one logo, with or without its coarse copy. */
const registryOf = (f: LogoFeatures, coarse = true) => storedHashesOf([{ ...f, variants: f.variants.filter((v) => coarse || v.kind !== COARSE) }]);

describe('a small registry figure\'s coarse copy', () => {
  it('is kept for a small figure on a large canvas only, and read back from the images table', async () => {
    const small = await features(figureAlone(hexagon('#3a86c8')));
    expect(small.variants.filter((v) => v.kind === COARSE)).toHaveLength(1);
    // a figure that fills its canvas is decoded once; a query keeps no coarse copy
    const filling = await features(`<svg xmlns="http://www.w3.org/2000/svg" width="${SIDE}" height="${SIDE}"><rect width="100%" height="100%" fill="#fff"/>
      <polygon points="128,8 238,70 238,186 128,248 18,186 18,70" fill="#3a86c8"/></svg>`);
    expect(filling.variants.some((v) => v.kind === COARSE)).toBe(false);
    expect((await features(figureAlone(hexagon('#3a86c8')), { crops: false })).variants.some((v) => v.kind === COARSE)).toBe(false);
    const back = decodeFeatures(encodeFeatures(small))!;
    expect(back.variants.map((v) => [v.kind, v.phash, v.dhash, v.thumb, v.aspect])).toEqual(small.variants.map((v) => [v.kind, v.phash, v.dhash, v.thumb, v.aspect]));
  });

  it('lets a copy with a name set under a plain figure be found by its peel, in the logo\'s colours only', async () => {
    const logo = await features(figureAlone(hexagon('#3a86c8')));
    const stored = registryOf(logo);
    expect(Array.from(plainFigures(stored))).toEqual([1]);
    const copy = asQuery(await features(withName(hexagon('#3a86c8')), { crops: false }));
    expect(copy.variants!.some((v) => v.kind === 'peel')).toBe(true);
    const found = new LogoIndex(stored).search(copy, LOGO_RULE);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'peel']]);
    expect(scanLogos(stored, copy, LOGO_RULE)).toEqual(found);
    // the peel against the figure as decoded again (the registry without its coarse copy): not found
    expect(new LogoIndex(registryOf(logo, false)).search(copy, LOGO_RULE)).toEqual([]);
    // another firm's hexagon with a name under it, in an orange as far from the ground as the logo's blue (the same
    // ink, so the same hashes): the same shape, not the logo's colours
    const other = asQuery(await features(withName(hexagon('#c8863a')), { crops: false }));
    expect(other.variants!.filter((v) => v.kind === 'peel').map((v) => v.phash)).toEqual(copy.variants!.filter((v) => v.kind === 'peel').map((v) => v.phash));
    expect(new LogoIndex(stored).search(other, LOGO_RULE)).toEqual([]);
    expect(scanLogos(stored, other, LOGO_RULE)).toEqual([]);
  });

  it('is met by a query\'s peels only: the whole query drawn small is left to the whole logo and its soft copy', async () => {
    const logo = await features(figureAlone(discAndBar('#c22', '#1d3f8f')));
    const coarse = logo.variants.find((v) => v.kind === COARSE)!;
    // the logo as a registry of its coarse copy alone: its own hashes put out of every query's reach
    const away = (hashes: Uint32Array) => hashes.map((w) => ~w >>> 0);
    const stored = storedHashesOf([{ ...logo, phash: away(logo.phash), dhash: away(logo.dhash), variants: [coarse], symmetric: undefined }]);
    expect(Array.from(plainFigures(stored))).toEqual([0]);
    const index = new LogoIndex(stored);
    // a whole query that is the coarse copy itself: not met
    const whole: LogoQuery = { phash: coarse.phash, dhash: coarse.dhash, thumb: coarse.thumb, aspect: coarse.aspect, variants: [], parts: [], colour: logo.colour };
    expect(index.search(whole, LOGO_RULE)).toEqual([]);
    expect(scanLogos(stored, whole, LOGO_RULE)).toEqual([]);
    // a copy with a name set under it, by its peel: met in the logo's colours, not in others of the same ink
    const peelOf = async (disc: string, bar: string) => ({ ...asQuery(await features(withName(discAndBar(disc, bar)), { crops: false })), parts: [], symmetric: undefined });
    expect(index.search(await peelOf('#c22', '#1d3f8f'), LOGO_RULE).map((m) => [m.index, m.via])).toEqual([[0, 'peel']]);
    const recoloured = await peelOf('#2c2', '#8f1d3f');
    expect(recoloured.variants!.filter((v) => v.kind === 'peel').map((v) => v.phash)).toEqual((await peelOf('#c22', '#1d3f8f')).variants!.filter((v) => v.kind === 'peel').map((v) => v.phash));
    expect(index.search(recoloured, LOGO_RULE)).toEqual([]);
  });
});
