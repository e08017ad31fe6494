// Two whole figures found by their difference hashes (LogoRule.byDhash): a copy whose perceptual hash has drifted
// past the whole figures' radius — the DCT terms near zero of a near-symmetric or faint figure flip under a
// re-scaling — is still taken while its difference hash, thumbnail and colours stay where the logo's are, up to
// BY_DHASH_PHASH bits unless the logo is a plain figure; never when its colours are another's, its
// difference hash has drifted too, or the registry has no colour grids. A peel
// nearly identical to a logo (limits.ts IDENTICAL_PEEL) is taken whatever its perceptual hash, up to a quarter of it.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { hamming } from '../../../shared/engine/logo/hash';
import { isChromatic } from '../../../shared/engine/logo/colour';
import { LogoIndex, type LogoQuery, scanLogos } from '../../../shared/engine/logo/logo-index';
import { BY_DHASH_PHASH, IDENTICAL_PEEL, type LogoRule } from '../../../shared/engine/logo/limits';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { plainFigures } from '../../../shared/engine/logo/entries';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';

const logoSvg = (a: string, b: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
  <rect width="100%" height="100%" fill="#fff"/><polygon points="20,160 60,40 100,160" fill="${a}"/>
  <rect x="130" y="70" width="80" height="90" fill="${b}"/><rect x="30" y="190" width="180" height="18" fill="${a}"/></svg>`;

async function features(svg: string): Promise<LogoFeatures> {
  const r = await logoFeatures(await sharp(Buffer.from(svg)).png().toBuffer(), { crops: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The query with `bits` of its perceptual hash flipped in every orientation (the high word's lowest bits). */
function drifted(q: LogoFeatures, bits: number, field: 'phash' | 'dhash' = 'phash'): LogoQuery {
  const hashes = q[field].slice();
  for (let v = 0; v < hashes.length; v += 2) hashes[v] = (hashes[v]! ^ ((1 << bits) - 1)) >>> 0;
  return { ...q, [field]: hashes, variants: [], parts: [], symmetric: undefined };
}

/** Whole figures only: the whole limits of the shipped rule, and the difference-hash limits under test. */
const rule = (byDhash?: LogoRule['byDhash']): LogoRule => ({
  maxPhash: LOGO_RULE.maxPhash, maxSum: LOGO_RULE.maxSum, minCorrelation: LOGO_RULE.minCorrelation, maxAspect: LOGO_RULE.maxAspect,
  ...(byDhash ? { byDhash } : {}),
});
const LIMITS = { maxDhash: 4, maxPhash: 14, minCorrelation: 0.9, maxDistance: 10, maxAspect: 0.15 };

describe('whole figures found by their difference hashes', () => {
  it('take a copy whose perceptual hash drifted past the radius, in its colours only', async () => {
    const original = await features(logoSvg('#1d3f8f', '#208040'));
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    const index = new LogoIndex(stored);
    const copy = drifted(original, 12);
    expect(hamming(copy.phash, 0, stored.phash, 0)).toBe(12);

    expect(index.search(copy, rule())).toEqual([]);
    const found = index.search(copy, rule(LIMITS));
    expect(found.map((m) => [m.index, m.via, m.phash, m.dhash])).toEqual([[0, 'whole', 12, 0]]);
    expect(scanLogos(stored, copy, rule(LIMITS))).toEqual(found);
    // with the difference hash drifted as well: not taken
    const both = drifted({ ...original, ...drifted(original, 6, 'dhash') } as LogoFeatures, 12);
    expect(index.search(both, rule(LIMITS))).toEqual([]);
    expect(scanLogos(stored, both, rule(LIMITS))).toEqual([]);
  });

  it('hold the perceptual hashes to the limits against a plain figure, to BY_DHASH_PHASH against any other', async () => {
    // a logo of three elements (no plain figure): a copy 18 bits past is still its difference hash, thumbnail and colours
    const original = await features(logoSvg('#1d3f8f', '#208040'));
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    expect(Array.from(plainFigures(stored))).toEqual([0]);
    const far = drifted(original, BY_DHASH_PHASH);
    expect(hamming(far.phash, 0, stored.phash, 0)).toBe(18);
    const found = new LogoIndex(stored).search(far, rule(LIMITS));
    expect(found.map((m) => [m.index, m.via, m.phash, m.dhash])).toEqual([[0, 'whole', 18, 0]]);
    expect(scanLogos(stored, far, rule(LIMITS))).toEqual(found);
    const farther = drifted(original, BY_DHASH_PHASH + 1);
    expect(new LogoIndex(stored).search(farther, rule(LIMITS))).toEqual([]);
    expect(scanLogos(stored, farther, rule(LIMITS))).toEqual([]);

    // a lone hexagon, symmetric without inner detail: one turned or resized keeps its difference hash, thumbnail and
    // colour, and only within the perceptual limit is it taken
    const hexagon = await features(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="100%" height="100%" fill="#fff"/>
      <polygon points="120,30 198,75 198,165 120,210 42,165 42,75" fill="#3a86c8"/></svg>`);
    expect(hexagon.symmetric).toBeDefined();
    const plainStored = storedHashesOf([{ ...hexagon, variants: [] }]);
    expect(Array.from(plainFigures(plainStored))).toEqual([1]);
    const plainIndex = new LogoIndex(plainStored);
    const near = { ...drifted(hexagon, 12), symmetric: undefined };
    expect(plainIndex.search(near, rule(LIMITS)).map((m) => [m.index, m.via, m.phash])).toEqual([[0, 'whole', 12]]);
    const past = { ...drifted(hexagon, 15), symmetric: undefined };
    expect(plainIndex.search(past, rule(LIMITS))).toEqual([]);
    expect(scanLogos(plainStored, past, rule(LIMITS))).toEqual([]);
  });

  it('refuse the same shapes in other colours, and a registry without colour grids', async () => {
    const original = await features(logoSvg('#1d3f8f', '#208040'));
    const recoloured = await features(logoSvg('#e0a000', '#b03090'));
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    const copy = drifted(recoloured, 12);
    expect(new LogoIndex(stored).search(copy, rule(LIMITS))).toEqual([]);
    expect(scanLogos(stored, copy, rule(LIMITS))).toEqual([]);

    const { colour: _dropped, ...withoutColour } = original;
    const bare = storedHashesOf([{ ...withoutColour, variants: [] }]);
    expect(new LogoIndex(bare).search(drifted(original, 12), rule(LIMITS))).toEqual([]);
  });

  it('leave a pair in black and white to the ink\'s own limits: grey grids hold no colour to tell a copy by', async () => {
    const grey = async (svg: string) => {
      const r = await logoFeatures(await sharp(Buffer.from(svg)).greyscale().png().toBuffer(), { crops: false });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const original = await grey(logoSvg('#1d3f8f', '#208040'));
    expect(isChromatic(original.colour)).toBe(false);
    expect(isChromatic((await features(logoSvg('#1d3f8f', '#208040'))).colour)).toBe(true);
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    const copy = drifted(original, 12);
    expect(new LogoIndex(stored).search(copy, rule(LIMITS))).toEqual([]);
    expect(scanLogos(stored, copy, rule(LIMITS))).toEqual([]);
    // the same pair is taken by the ink's limits when its hashes come within them
    expect(new LogoIndex(stored).search(drifted(original, 0), rule(LIMITS)).map((m) => m.via)).toEqual(['whole']);
  });

  it('take a copy with an element added beside the figure by its peel, in the peel\'s colours only', async () => {
    const original = await features(logoSvg('#1d3f8f', '#208040'));
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    const index = new LogoIndex(stored);
    const withDisc = (a: string, b: string) => logoSvg(a, b).replace('</svg>', '<circle cx="224" cy="20" r="12" fill="#c03030"/></svg>');
    const peelOnly = (byDhash?: LogoRule['peelByDhash']): LogoRule => ({
      maxPhash: -1, maxSum: -1, minCorrelation: 2, peel: { maxPhash: 0, maxSum: 0, minCorrelation: 2 }, ...(byDhash ? { peelByDhash: byDhash } : {}),
    });
    const limits = { maxDhash: 4, maxPhash: 8, minCorrelation: 0.95, maxDistance: 6, maxAspect: 0.15 };
    const copyOf = async (svg: string): Promise<LogoQuery> => {
      const f = await features(svg);
      // the peel without the disc is the logo's figure; its perceptual hash moved as a JPEG or a re-scaling moves it
      const peels = f.variants.filter((v) => v.kind === 'peel').map((v) => ({ ...v, phash: v.phash.map((w, i) => (i % 2 === 0 ? (w ^ 0x3f) >>> 0 : w)) }));
      return { ...f, variants: peels, parts: [], symmetric: undefined };
    };
    const copy = await copyOf(withDisc('#1d3f8f', '#208040'));
    expect(copy.variants!.length).toBeGreaterThan(0);
    expect(index.search(copy, peelOnly())).toEqual([]);
    const found = index.search(copy, peelOnly(limits));
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'peel']]);
    expect(scanLogos(stored, copy, peelOnly(limits))).toEqual(found);
    // the same figure and disc in other colours: its peel's colours are not the logo's
    const recoloured = await copyOf(withDisc('#e0a000', '#b03090'));
    expect(index.search(recoloured, peelOnly(limits))).toEqual([]);
    expect(scanLogos(stored, recoloured, peelOnly(limits))).toEqual([]);
  });

  it('take a peel nearly identical to a logo whatever its perceptual hash, in the logo\'s colours and only through the peels\' difference-hash way in', async () => {
    const original = await features(logoSvg('#1d3f8f', '#208040'));
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    const index = new LogoIndex(stored);
    const withDisc = (a: string, b: string) => logoSvg(a, b).replace('</svg>', '<circle cx="224" cy="20" r="12" fill="#c03030"/></svg>');
    const strictPeelDhash = { maxDhash: 4, maxPhash: 8, minCorrelation: 0.95, maxDistance: 6, maxAspect: 0.6 };
    const peelOnly = (byDhash?: LogoRule['peelByDhash']): LogoRule => ({
      maxPhash: -1, maxSum: -1, minCorrelation: 2, peel: { maxPhash: 0, maxSum: 0, minCorrelation: 2 }, ...(byDhash ? { peelByDhash: byDhash } : {}),
    });
    /** the copy's peels with `bits` of their perceptual hash flipped (a near-symmetric figure's terms near zero) */
    const copyOf = async (svg: string, bits: number): Promise<LogoQuery> => {
      const f = await features(svg);
      const mask = 2 ** bits - 1;
      const peels = f.variants.filter((v) => v.kind === 'peel').map((v) => ({ ...v, phash: v.phash.map((w, i) => (i % 2 === 0 ? (w ^ mask) >>> 0 : w)) }));
      return { ...f, variants: peels, parts: [], symmetric: undefined };
    };
    // 12 bits: past the peels' own difference-hash limits (phash ≤ 8), within the nearly identical ones (≤ 16)
    const copy = await copyOf(withDisc('#1d3f8f', '#208040'), 12);
    const found = index.search(copy, peelOnly(strictPeelDhash));
    expect(found.map((m) => [m.index, m.via, m.phash])).toEqual([[0, 'peel', 12]]);
    expect(found[0]!.correlation).toBeGreaterThanOrEqual(IDENTICAL_PEEL.minCorrelation);
    expect(scanLogos(stored, copy, peelOnly(strictPeelDhash))).toEqual(found);
    // no difference-hash way in for peels: none; past a quarter of the bits: none; in other colours: none
    expect(index.search(copy, peelOnly())).toEqual([]);
    expect(scanLogos(stored, copy, peelOnly())).toEqual([]);
    const far = await copyOf(withDisc('#1d3f8f', '#208040'), 17);
    expect(index.search(far, peelOnly(strictPeelDhash))).toEqual([]);
    expect(scanLogos(stored, far, peelOnly(strictPeelDhash))).toEqual([]);
    const recoloured = await copyOf(withDisc('#e0a000', '#b03090'), 12);
    expect(index.search(recoloured, peelOnly(strictPeelDhash))).toEqual([]);
    expect(scanLogos(stored, recoloured, peelOnly(strictPeelDhash))).toEqual([]);
  });
});
