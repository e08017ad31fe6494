// The structural second chance (LogoRule.structural): a degraded copy whose thumbnails correlate a little under the
// rule's limit is still found when its windows agree, and another logo laid out alike, correlating as much, is not.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { hamming, ORIENTATIONS, THUMB_SIDE, thumbCorrelation } from '../../../shared/engine/logo/hash';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import type { LogoRule } from '../../../shared/engine/logo/limits';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { thumbStructure } from '../../../shared/engine/logo/structure';

/** A triangle and a right-hand element above a long and a short bar: asymmetric, compared as a whole. */
const logoSvg = (right: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
  <rect width="100%" height="100%" fill="#fff"/><polygon points="20,160 60,40 100,160" fill="#1d3f8f"/>${right}
  <rect x="30" y="190" width="180" height="18" fill="#a02020"/><rect x="30" y="214" width="110" height="10" fill="#a02020"/></svg>`;
const SQUARE = '<rect x="130" y="70" width="80" height="90" fill="#208040"/>';
const render = (svg: string) => sharp(Buffer.from(svg)).flatten({ background: '#fff' });

async function features(image: Promise<Buffer>): Promise<LogoFeatures> {
  const r = await logoFeatures(await image, { crops: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The orientation of q whose thumbnail correlates best with s, with that correlation and the structure there. */
function bestOrientation(q: LogoFeatures, s: LogoFeatures) {
  let best = { v: 0, correlation: -2, structure: 0, phash: 64 };
  for (let v = 0; v < ORIENTATIONS; v++) {
    const correlation = thumbCorrelation(q.thumb, v, s.thumb);
    if (correlation > best.correlation) best = { v, correlation, structure: thumbStructure(q.thumb, v, s.thumb), phash: hamming(q.phash, v * 2, s.phash, 0) };
  }
  return best;
}

describe('structural similarity of thumbnails', () => {
  it('is 1 for the same thumbnail in its orientation, the same either way round, and lower for another figure', () => {
    const n = THUMB_SIDE;
    const a = new Uint8Array(n * n).fill(255);
    for (let y = 4; y < 20; y++) for (let x = 3; x < 12; x++) a[y * n + x] = 0;
    for (let y = 24; y < 28; y++) for (let x = 3; x < 29; x++) a[y * n + x] = 40;
    const mirrored = a.map((_, i) => a[Math.floor(i / n) * n + (n - 1 - (i % n))]!);
    const b = new Uint8Array(n * n).fill(255);
    for (let y = 4; y < 20; y++) for (let x = 18; x < 29; x++) b[y * n + x] = 0;
    expect(thumbStructure(a, 0, a)).toBeCloseTo(1, 12);
    // orientation 1 reads the query mirrored left-right, as thumbCorrelation does
    expect(thumbStructure(mirrored, 1, a)).toBeCloseTo(1, 12);
    expect(thumbStructure(mirrored, 0, a)).toBeLessThan(0.9);
    expect(thumbStructure(a, 0, b)).toBeCloseTo(thumbStructure(b, 0, a), 12);
    expect(thumbStructure(a, 0, b)).toBeLessThan(0.9);
  });

  it('takes a scanned copy correlating under the limit when its windows agree, and not another logo correlating as much', async () => {
    const original = await features(render(logoSvg(SQUARE)).png().toBuffer());
    const index = new LogoIndex(storedHashesOf([{ ...original, variants: [] }]));
    const scanned = await features(render(logoSvg(SQUARE)).rotate(1.5, { background: '#fff' }).blur(2).jpeg({ quality: 40 }).toBuffer());
    const others = {
      'a hexagon for the square': await features(render(logoSvg('<polygon points="150,70 190,70 210,115 190,160 150,160 130,115" fill="#208040"/>')).png().toBuffer()),
    };
    const copy = bestOrientation(scanned, original);
    // a rule whose correlation limit the copy misses; only its structural limits can take it
    const strict: LogoRule = { ...LOGO_RULE, minCorrelation: copy.correlation + 0.01, partial: undefined, peel: undefined, parts: undefined, structural: undefined, colour: undefined, byDhash: undefined, colourCells: undefined };
    const second: LogoRule = { ...strict, structural: { minCorrelation: 0.9, minStructure: LOGO_RULE.structural!.minStructure } };
    expect(copy.phash).toBeLessThanOrEqual(strict.maxPhash);
    expect(copy.structure).toBeGreaterThan(second.structural!.minStructure);
    expect(index.search(scanned, strict)).toEqual([]);
    const found = index.search(scanned, second);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'whole']]);
    expect(found).toEqual(scanLogos(index.stored, scanned, second));
    // asking more of the windows than the copy's agree refuses it again
    expect(index.search(scanned, { ...second, structural: { minCorrelation: 0.9, minStructure: copy.structure + 0.001 } })).toEqual([]);
    for (const [name, other] of Object.entries(others)) {
      const near = bestOrientation(other, original);
      // the other logo correlates as well as the second chance asks and its hashes are as near, but its windows differ
      expect(near.correlation, name).toBeGreaterThan(second.structural!.minCorrelation);
      expect(near.phash, name).toBeLessThanOrEqual(strict.maxPhash);
      expect(near.structure, name).toBeLessThan(second.structural!.minStructure);
      expect(index.search(other, second), name).toEqual([]);
      expect(scanLogos(index.stored, other, second), name).toEqual([]);
    }
    // the same figure stored as a crop (a registry variant) of another registry logo gets no second chance: crops and peels are partial
    // by making, and at the 10,000-logo registry they brought most of the new flags among unrelated filings
    const unrelated = others['a hexagon for the square'];
    const asCrop = new LogoIndex(storedHashesOf([{ ...unrelated, variants: [{ phash: original.phash, dhash: original.dhash, thumb: original.thumb, aspect: original.aspect }] }]));
    const partial = { maxPhash: strict.maxPhash, maxSum: strict.maxSum, minCorrelation: strict.minCorrelation, maxAspect: strict.maxAspect };
    const loose = { ...second, partial: { ...partial, minCorrelation: second.structural!.minCorrelation } };
    // (the crop is compared: with its correlation limit at the second chance's, the copy meets it through the crop)
    expect(asCrop.search(scanned, loose).map((m) => [m.index, m.via])).toEqual([[0, 'crop']]);
    expect(asCrop.search(scanned, { ...second, partial })).toEqual([]);
    expect(scanLogos(asCrop.stored, scanned, { ...second, partial })).toEqual([]);
  });
});
