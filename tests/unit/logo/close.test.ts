// The close limits for two whole figures: a copy re-compressed hard enough that its thumbnail no longer correlates
// as the whole limits ask, but whose hashes stay near, is found through them; the index still answers as a scan.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { LogoIndex, type LogoRule, scanLogos } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';

/** Thin rules and rings in five colours: the strokes a heavy JPEG blurs and haloes most. */
const FINE_LINES = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#fff"/>
  <rect x="164" y="175" width="22" height="3" fill="#1d3f8f"/><rect x="89" y="160" width="98" height="3" fill="#207040"/>
  <circle cx="133" cy="153" r="15" fill="#20a0a0"/><rect x="82" y="135" width="82" height="3" fill="#1d3f8f"/>
  <circle cx="151" cy="125" r="46" fill="none" stroke="#8a2be2" stroke-width="3"/>
  <circle cx="45" cy="206" r="32" fill="none" stroke="#1d3f8f" stroke-width="3"/><rect x="102" y="150" width="94" height="3" fill="#1d3f8f"/></svg>`;

async function features(image: Buffer, crops: boolean): Promise<LogoFeatures> {
  const r = await logoFeatures(image, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Whole figures only: the crops, peels, symmetric hashes and parts would be other routes to the same logo. */
const wholeOnly = (rule: LogoRule): LogoRule => ({ ...rule, partial: undefined, peel: undefined, symmetric: undefined, parts: undefined });

describe('close limits for whole figures', () => {
  it('finds a small, hard-compressed JPEG of a fine-lined logo that the whole limits alone miss', async () => {
    const png = await sharp(Buffer.from(FINE_LINES)).png().toBuffer();
    const registered = await features(png, true);
    const copy = await features(await sharp(png).resize(143).jpeg({ quality: 13 }).toBuffer(), false);
    const stored = storedHashesOf([{ ...registered, variants: [] }]);
    const index = new LogoIndex(stored);
    const query = { ...copy, variants: [], parts: [], symmetric: undefined };
    expect(LOGO_RULE.close).toBeDefined();
    const found = index.search(query, wholeOnly(LOGO_RULE));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ index: 0, via: 'whole' });
    // its thumbnail correlates below the whole limits' floor: only the close limits take it
    expect(found[0]!.correlation).toBeLessThan(LOGO_RULE.minCorrelation);
    expect(found[0]!.phash).toBeLessThanOrEqual(LOGO_RULE.close!.maxPhash);
    expect(index.search(query, wholeOnly({ ...LOGO_RULE, close: undefined }))).toEqual([]);
    expect(scanLogos(stored, query, wholeOnly(LOGO_RULE))).toEqual(found);
  });

  it('answers like scanLogos when the close limits reach farther than the whole limits', () => {
    let seed = 31;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    const n = 1500;
    const words = (k: number) => new Uint32Array(k).map(() => next());
    const stored = { phash: words(2 * n), dhash: words(2 * n), thumb: new Uint8Array(n * 1024).map(() => next() & 255) };
    const index = new LogoIndex(stored);
    // the whole limits ask a correlation random thumbnails never reach; the close ones take any at a wider radius
    const rule: LogoRule = { maxPhash: 4, maxSum: 30, minCorrelation: 0.9, close: { maxPhash: 10, maxSum: 30, minCorrelation: -1 } };
    let closeOnly = 0;
    for (let q = 0; q < 120; q++) {
      const query = { phash: words(16), dhash: words(16), thumb: new Uint8Array(1024).map(() => next() & 255) };
      const i = next() % n;
      const v = next() % 8;
      query.phash[2 * v] = stored.phash[2 * i]!;
      // flip up to 12 bits of the low half: some pairs land inside the close radius only, some outside both
      query.phash[2 * v + 1] = (stored.phash[2 * i + 1]! ^ ((1 << (next() % 13)) - 1)) >>> 0;
      query.dhash[2 * v] = stored.dhash[2 * i]!;
      query.dhash[2 * v + 1] = stored.dhash[2 * i + 1]!;
      const found = index.search(query, rule);
      expect(found).toEqual(scanLogos(stored, query, rule));
      closeOnly += found.filter((m) => m.phash > rule.maxPhash).length;
    }
    expect(closeOnly).toBeGreaterThan(20);
  });
});
