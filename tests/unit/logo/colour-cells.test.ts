// The colour cells' last chance (LogoRule.colourCells): two whole figures whose hashes lie past the whole limits and
// whose thumbnails correlate less — a minor figure changed — are still taken when most of their colour cells agree,
// which another design or the same shapes in other colours never do.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { colourAgreement, colourDistance } from '../../../shared/engine/logo/colour';
import { hamming } from '../../../shared/engine/logo/hash';
import { LogoIndex, type LogoQuery, scanLogos } from '../../../shared/engine/logo/logo-index';
import type { LogoRule } from '../../../shared/engine/logo/limits';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';

/** A large triangle, a minor figure at the right, a bar below. */
const logoSvg = (minor: string, colours = ['#1d3f8f', '#208040', '#a02020']) => `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
  <rect width="100%" height="100%" fill="#fff"/><polygon points="20,170 80,30 140,170" fill="${colours[0]}"/>
  ${minor.replace('FILL', colours[1]!)}<rect x="20" y="190" width="200" height="24" fill="${colours[2]}"/></svg>`;
const SQUARE = '<rect x="160" y="100" width="60" height="60" fill="FILL"/>';
const DISC = '<circle cx="190" cy="130" r="30" fill="FILL"/>';

async function features(svg: string): Promise<LogoFeatures> {
  const r = await logoFeatures(await sharp(Buffer.from(svg)).png().toBuffer(), { crops: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const wholeOnly = (q: LogoFeatures): LogoQuery => ({ ...q, variants: [], parts: [], symmetric: undefined });

/** The query with bits of its perceptual hash (as it is) flipped where it agrees with `logo`, until `distance` apart. */
function drifted(q: LogoFeatures, logo: LogoFeatures, distance: number): LogoQuery {
  const phash = q.phash.slice();
  for (let bit = 0; bit < 64 && hamming(phash, 0, logo.phash, 0) < distance; bit++) {
    const word = bit >> 5;
    const mask = 1 << (bit & 31);
    if (((phash[word]! ^ logo.phash[word]!) & mask) === 0) phash[word] = (phash[word]! ^ mask) >>> 0;
  }
  return { ...wholeOnly(q), phash };
}

/** Whole figures only under limits no pair meets, and the colour cells' limits under test. */
const rule = (colourCells?: LogoRule['colourCells']): LogoRule => ({
  maxPhash: LOGO_RULE.maxPhash, maxSum: LOGO_RULE.maxSum, minCorrelation: 2, ...(colourCells ? { colourCells } : {}),
});
const LIMITS = { maxPhash: 14, maxSum: 24, minCorrelation: 0.8, minAgreement: 0.9, maxAspect: 0.15 };

describe('colour cells', () => {
  it('agree but for the cells a changed minor figure covers, and disagree for colours swapped', async () => {
    const original = await features(logoSvg(SQUARE));
    const changed = await features(logoSvg(DISC));
    const swapped = await features(logoSvg(SQUARE, ['#a02020', '#1d3f8f', '#208040']));
    expect(colourAgreement(original.colour, 0, original.colour)).toBe(1);
    const agreement = colourAgreement(changed.colour, 0, original.colour);
    expect(agreement).toBeGreaterThanOrEqual(0.9);
    expect(agreement).toBeLessThan(1);
    expect(colourAgreement(swapped.colour, 0, original.colour)).toBeLessThan(0.6);
    // the mean distance spreads the change over the whole grid; the cells count it where it is
    expect(colourDistance(changed.colour, 0, original.colour)).toBeGreaterThan(0);
  });

  it('take a copy with a minor figure changed, past the whole hash radius, and not the same shapes in other colours', async () => {
    const original = await features(logoSvg(SQUARE));
    const stored = storedHashesOf([{ ...original, variants: [] }]);
    const index = new LogoIndex(stored);
    const changed = drifted(await features(logoSvg(DISC)), original, 12);
    expect(hamming(changed.phash, 0, stored.phash, 0)).toBe(12);

    expect(index.search(changed, rule())).toEqual([]);
    const found = index.search(changed, rule(LIMITS));
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'whole']]);
    expect(scanLogos(stored, changed, rule(LIMITS))).toEqual(found);
    // asking every cell to agree, or hashes nearer than the drift: not taken
    expect(index.search(changed, rule({ ...LIMITS, minAgreement: 1 }))).toEqual([]);
    expect(index.search(changed, rule({ ...LIMITS, maxPhash: 10 }))).toEqual([]);

    const recoloured = drifted(await features(logoSvg(DISC, ['#e0a000', '#b03090', '#00a0c0'])), original, 12);
    expect(index.search(recoloured, rule(LIMITS))).toEqual([]);
    expect(scanLogos(stored, recoloured, rule(LIMITS))).toEqual([]);
    // the same copy printed in grey, as far: no colour tier compares a grid without colour, so the index does not
    // search that far for it, and a scan of every logo agrees
    const printed = await logoFeatures(await sharp(Buffer.from(logoSvg(DISC))).greyscale().png().toBuffer(), { crops: false });
    if (!printed.ok) throw new Error(printed.error.message);
    const grey = drifted(printed.value, original, 12);
    expect(index.search(grey, rule(LIMITS))).toEqual([]);
    expect(scanLogos(stored, grey, rule(LIMITS))).toEqual([]);
    // a registry stored without colour grids gives no such chance
    const { colour: _dropped, ...withoutColour } = original;
    expect(new LogoIndex(storedHashesOf([{ ...withoutColour, variants: [] }])).search(changed, rule(LIMITS))).toEqual([]);
  });
});
