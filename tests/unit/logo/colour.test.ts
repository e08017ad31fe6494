// The colour second chance (LogoRule.colour): two whole figures whose thumbnails miss the rule's correlation limit
// are still taken when their colours lie where the logo's do — a degraded copy keeps them; the same shapes drawn in
// other colours (which the ink image cannot tell apart) do not.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { COLOUR_BYTES, colourDistance } from '../../../shared/engine/logo/colour';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import { GREY_PEEL, GREY_PEEL_STRICT, type LogoRule } from '../../../shared/engine/logo/limits';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';

/** A triangle, a square and two bars in three colours: asymmetric, compared as a whole. */
const logoSvg = (triangle: string, square: string, bars: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
  <rect width="100%" height="100%" fill="#fff"/><polygon points="20,160 60,40 100,160" fill="${triangle}"/>
  <rect x="130" y="70" width="80" height="90" fill="${square}"/>
  <rect x="30" y="190" width="180" height="18" fill="${bars}"/><rect x="30" y="214" width="110" height="10" fill="${bars}"/></svg>`;
const ORIGINAL = logoSvg('#1d3f8f', '#208040', '#a02020');
const render = (svg: string) => sharp(Buffer.from(svg)).flatten({ background: '#fff' });

async function features(image: Promise<Buffer>): Promise<LogoFeatures> {
  const r = await logoFeatures(await image, { crops: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * Whole figures only, under the shipped rule's hash and shape limits, with the thumbnails' own limit out of reach:
 * only the colour limits can take a pair.
 */
const colourOnly = (colour: LogoRule['colour']): LogoRule => ({
  maxPhash: LOGO_RULE.maxPhash, maxSum: LOGO_RULE.maxSum, maxAspect: LOGO_RULE.maxAspect, minCorrelation: 2, ...(colour ? { colour } : {}),
});

describe('colour grids', () => {
  it('are alike for the same figure in its orientation and far apart for its colours swapped', async () => {
    const a = await features(render(ORIGINAL).png().toBuffer());
    const mirrored = await features(render(ORIGINAL).flop().png().toBuffer());
    const swapped = await features(render(logoSvg('#a02020', '#1d3f8f', '#208040')).png().toBuffer());
    expect(a.colour).toHaveLength(COLOUR_BYTES);
    expect(colourDistance(a.colour, 0, a.colour)).toBe(0);
    // orientation 1 reads the query mirrored left-right, as the thumbnails' correlation does
    expect(colourDistance(mirrored.colour, 1, a.colour)).toBeLessThan(1);
    expect(colourDistance(mirrored.colour, 0, a.colour)).toBeGreaterThan(10);
    expect(colourDistance(swapped.colour, 0, a.colour)).toBeGreaterThan(20);
  });

  it('meet for a copy on tinted paper, as a scan gives it, and stay far for a recolour', async () => {
    const a = await features(render(ORIGINAL).png().toBuffer());
    // every channel dimmed by 8 %, the white paper with it: raw, the copy lies as far as another design
    const tinted = await features(render(ORIGINAL).linear(0.92, 0).png().toBuffer());
    const recoloured = await features(render(logoSvg('#e0a000', '#b03090', '#00a0c0')).png().toBuffer());
    expect(colourDistance(tinted.colour, 0, a.colour)).toBeLessThan(4);
    expect(colourDistance(recoloured.colour, 0, a.colour)).toBeGreaterThan(20);
    // the balance goes no further than 15 %: a copy at half brightness is not the logo's colours
    const dark = await features(render(ORIGINAL).linear(0.5, 0).png().toBuffer());
    expect(colourDistance(dark.colour, 0, a.colour)).toBeGreaterThan(20);
  });

  it('take a JPEG copy in its colours through the colour limits, and refuse the same shapes in other colours', async () => {
    const original = await features(render(ORIGINAL).png().toBuffer());
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    const index = new LogoIndex(stored);
    const copy = await features(render(ORIGINAL).resize(150).jpeg({ quality: 40 }).toBuffer());
    const recoloured = await features(render(logoSvg('#e0a000', '#b03090', '#00a0c0')).png().toBuffer());
    const rule = colourOnly({ minCorrelation: 0.8, maxDistance: 10 });
    const found = index.search(copy, rule);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'whole']]);
    expect(scanLogos(stored, copy, rule)).toEqual(found);
    // without the colour limits, or asking closer colours than a JPEG keeps, the same pair is not taken
    expect(index.search(copy, colourOnly(undefined))).toEqual([]);
    expect(index.search(copy, colourOnly({ minCorrelation: 0.8, maxDistance: 0.5 }))).toEqual([]);
    // the recolour's ink is the same figure (the hashes and thumbnails cannot tell), its colours are not
    expect(index.search(recoloured, LOGO_RULE).map((m) => m.index)).toEqual([0]);
    expect(index.search(recoloured, rule)).toEqual([]);
    expect(scanLogos(stored, recoloured, rule)).toEqual([]);
  });

  it('give no second chance to a registry without colour grids (features stored before them)', async () => {
    const original = await features(render(ORIGINAL).png().toBuffer());
    const { colour: _dropped, ...withoutColour } = original;
    const index = new LogoIndex(storedHashesOf([{ ...withoutColour, variants: [] }]));
    const copy = await features(render(ORIGINAL).resize(150).jpeg({ quality: 40 }).toBuffer());
    expect(index.search(copy, colourOnly({ minCorrelation: 0.8, maxDistance: 10 }))).toEqual([]);
  });
});

describe('a registry logo printed in black and white', () => {
  // a yellow figure beside a navy one: in colour both are full ink, in a grey print the yellow is a pale gray
  const yellowAndNavy = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
    <rect width="100%" height="100%" fill="#fff"/><polygon points="20,200 70,40 120,200" fill="#f0d000"/>
    <rect x="140" y="60" width="80" height="140" fill="#1d3f8f"/></svg>`;
  /** The yellow-and-navy logo as the registry stores it: with its crops, soft copy, grey copy and the print's crops. */
  async function registryLogo(): Promise<LogoFeatures> {
    const r = await logoFeatures(await render(yellowAndNavy).png().toBuffer());
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }
  /**
   * Asserts that the logo is found for the print through `via` alone (the index and the scan agreeing), and not
   * once its variants of the kinds `dropped` says are left out. Returns the logo as stored.
   */
  function expectFoundOnlyWith(
    logo: LogoFeatures, print: LogoFeatures, via: string, dropped: (kind: string) => boolean,
  ): ReturnType<typeof storedHashesOf> {
    const stored = storedHashesOf([logo]);
    const found = new LogoIndex(stored).search(print, LOGO_RULE);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, via]]);
    expect(scanLogos(stored, print, LOGO_RULE)).toEqual(found);
    const without = storedHashesOf([{ ...logo, variants: logo.variants.filter((v) => !dropped(v.kind)) }]);
    expect(new LogoIndex(without).search(print, LOGO_RULE)).toEqual([]);
    return stored;
  }

  it('is found through the logo\'s grey copy, which a logo without colour does not get', async () => {
    const logo = await registryLogo();
    expect(logo.variants.filter((v) => v.kind === 'grey')).toHaveLength(1);
    const print = await features(render(yellowAndNavy).greyscale().jpeg({ quality: 70 }).toBuffer());
    expect(print.variants.some((v) => v.kind === 'grey')).toBe(false);
    // without its grey copy and its crops the logo's colour ink and the print's gray levels meet nowhere
    const stored = expectFoundOnlyWith(logo, print, 'crop', (kind) => kind.startsWith('grey'));
    // the grey copy stands for the print only: the same figure with colours is compared with the logo's colour ink
    expect(new LogoIndex(stored).search({ ...print, colour: logo.colour }, LOGO_RULE)).toEqual([]);
    expect(scanLogos(stored, { ...print, colour: logo.colour }, LOGO_RULE)).toEqual([]);
    // a logo in black and white is its own print
    const inGrey = await logoFeatures(await render(yellowAndNavy).greyscale().png().toBuffer());
    if (!inGrey.ok) throw new Error(inGrey.error.message);
    expect(inGrey.value.variants.some((v) => v.kind === 'grey')).toBe(false);
  });

  it('is met by a peel of a print with an element added, only when the peel is without colour', async () => {
    const logo = await registryLogo();
    // the print of a copy with a disc added beside the figure, above its right edge
    const withDisc = yellowAndNavy.replace('</svg>', '<circle cx="222" cy="18" r="14" fill="#202020"/></svg>');
    const print = await features(render(withDisc).greyscale().jpeg({ quality: 85 }).toBuffer());
    const peels = print.variants.filter((v) => v.kind === 'peel');
    expect(peels.length).toBeGreaterThan(0);
    // without its grey copy the logo is not found: the peel's gray levels and the logo's colour ink differ, and a
    // peel never meets the print's crops
    const stored = expectFoundOnlyWith(logo, print, 'peel', (kind) => kind === 'grey');
    // a peel in colour, or one with no colours known, is not a print: it never meets the grey copy
    for (const colour of [logo.colour, undefined]) {
      const query = { ...print, variants: peels.map((v) => ({ ...v, colour })) };
      expect(new LogoIndex(stored).search(query, LOGO_RULE)).toEqual([]);
      expect(scanLogos(stored, query, LOGO_RULE)).toEqual([]);
    }
  });

  it('holds a print\'s peel to a colour peel\'s hashes where the grey copy keeps the layout, and exactly where the print left a plain shape', async () => {
    // the copy: a disc added above the right edge, printed in grey, scaled to 200 px and saved as a JPEG at 40
    const print = (svg: string) => features(render(svg.replace('</svg>', '<circle cx="222" cy="18" r="14" fill="#202020"/></svg>'))
      .greyscale().resize(200).jpeg({ quality: 40 }).toBuffer());
    // a dark red triangle beside the navy block: both dark in grey, the print keeps the two figures
    const redAndNavy = yellowAndNavy.replace('#f0d000', '#a01818');
    const logo = await logoFeatures(await render(redAndNavy).png().toBuffer());
    if (!logo.ok) throw new Error(logo.error.message);
    const stored = storedHashesOf([logo.value]);
    const copy = await print(redAndNavy);
    const found = new LogoIndex(stored).search(copy, LOGO_RULE);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'peel']]);
    expect(scanLogos(stored, copy, LOGO_RULE)).toEqual(found);
    // two bits from the grey copy: beyond GREY_PEEL_STRICT, within GREY_PEEL
    expect(found[0]!.phash).toBeGreaterThan(GREY_PEEL_STRICT.maxPhash);
    expect(found[0]!.phash).toBeLessThanOrEqual(GREY_PEEL.maxPhash);
    // the yellow triangle is a pale gray in print, and the print is the navy block alone, a plain shape any firm may
    // use: its peel, as near, is held to GREY_PEEL_STRICT and not taken
    const plain = storedHashesOf([await registryLogo()]);
    const pale = await print(yellowAndNavy);
    expect(new LogoIndex(plain).search(pale, LOGO_RULE)).toEqual([]);
    expect(scanLogos(plain, pale, LOGO_RULE)).toEqual([]);
  });

  it('is met by a crop of its print through the grey copy\'s crops, which only a query without colour meets', async () => {
    const logo = await registryLogo();
    expect(logo.variants.filter((v) => v.kind === 'grey-crop')).toHaveLength(8);
    // the print with its left tenth cut off (the yellow triangle's tip), as a gazette's crop gives it
    const cropped = await render(yellowAndNavy).greyscale().extract({ left: 32, top: 0, width: 208, height: 240 }).jpeg({ quality: 85 }).toBuffer();
    const print = await features(Promise.resolve(cropped));
    const stored = expectFoundOnlyWith(logo, print, 'crop', (kind) => kind === 'grey-crop');
    // the same crop with colours known is compared with the logo's colour ink, not its print
    expect(new LogoIndex(stored).search({ ...print, colour: logo.colour }, LOGO_RULE)).toEqual([]);
  });

  it('is met by a print that changed an element through the print\'s parts, where navy and red are one gray', async () => {
    // a navy square against a red disc (one part in print), an L and a square apart; the copy turns the square
    // into a star
    const drawn = (last: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
      <rect width="100%" height="100%" fill="#fff"/><rect x="30" y="30" width="90" height="90" fill="#1d3f8f"/>
      <circle cx="150" cy="75" r="42" fill="#c02020"/><polygon points="24,130 60,130 60,190 120,190 120,222 24,222" fill="#208040"/>
      ${last}</svg>`;
    const square = '<rect x="150" y="150" width="60" height="60" fill="#7a2a9a"/>';
    const star = '<polygon points="180,140 192,172 226,172 198,192 208,224 180,204 152,224 162,192 134,172 168,172" fill="#7a2a9a"/>';
    const r = await logoFeatures(await render(drawn(square)).png().toBuffer());
    if (!r.ok) throw new Error(r.error.message);
    const logo = r.value;
    expect(logo.parts).toHaveLength(4);
    expect(logo.printParts).toHaveLength(3);
    const print = await features(render(drawn(star)).greyscale().png().toBuffer());
    expect(print.parts).toHaveLength(3);
    const stored = storedHashesOf([logo]);
    const found = new LogoIndex(stored).search(print, LOGO_RULE);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'parts']]);
    expect(scanLogos(stored, print, LOGO_RULE)).toEqual(found);
    // compared with the colour parts, the print's merged square and disc meet neither, and the L alone is too little
    const { printParts: _dropped, ...withoutPrint } = logo;
    expect(new LogoIndex(storedHashesOf([withoutPrint])).search(print, LOGO_RULE)).toEqual([]);
    // the copy in colour meets the colour parts, not the print's
    const inColour = await features(render(drawn(star)).png().toBuffer());
    expect(new LogoIndex(storedHashesOf([withoutPrint])).search(inColour, LOGO_RULE).map((m) => [m.index, m.via])).toEqual([[0, 'parts']]);
    expect(new LogoIndex(storedHashesOf([{ ...logo, parts: [] }])).search(inColour, LOGO_RULE)).toEqual([]);
  });

  it('is met by a degraded print of a symmetric badge through the print\'s symmetric hash and gray detail', async () => {
    // a red square, a green disc on it and a pale bar inside: symmetric, with inner detail in colour and in print
    const badge = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="100%" height="100%" fill="#fff"/>
      <rect x="20" y="20" width="200" height="200" fill="#c02020"/><circle cx="120" cy="120" r="70" fill="#20a040"/>
      <rect x="95" y="60" width="50" height="120" fill="#f0e0a0"/></svg>`;
    const r = await logoFeatures(await render(badge).png().toBuffer());
    if (!r.ok) throw new Error(r.error.message);
    const logo = r.value;
    expect(logo.symmetric).toBeDefined();
    expect(logo.printSymmetric).toBeDefined();
    const { printSymmetric: _dropped, ...withoutPrint } = logo;
    for (const print of [
      await features(render(badge).greyscale().resize(100).jpeg({ quality: 15 }).toBuffer()),
      await features(render(badge).greyscale().blur(1.5).rotate(180).jpeg({ quality: 50 }).toBuffer()),
    ]) {
      const stored = storedHashesOf([logo]);
      const found = new LogoIndex(stored).search(print, LOGO_RULE);
      expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
      expect(scanLogos(stored, print, LOGO_RULE)).toEqual(found);
      // the logo's own symmetric hash and colour detail do not meet the print's gray levels
      expect(new LogoIndex(storedHashesOf([withoutPrint])).search(print, LOGO_RULE)).toEqual([]);
      // with colours known the query is not a print: the print's entry is not compared
      const asColour = { ...print, colour: logo.colour };
      expect(new LogoIndex(stored).search(asColour, LOGO_RULE).some((m) => m.via === 'symmetric')).toBe(false);
      expect(scanLogos(stored, asColour, LOGO_RULE).some((m) => m.via === 'symmetric')).toBe(false);
    }
  });
});
