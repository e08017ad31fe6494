// A registry crop that is symmetric with inner detail keeps its symmetric hash and detail (features.ts
// symmetricCrop): a copy of an emblem cut below its name is symmetric, and its plain hash carries the copy's noise in
// the bits symmetry sets to 0, so the plain crop limits miss it where the symmetric ones take it.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { symmetricPhash } from '../../../shared/engine/logo/hash';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';

/**
 * A seal (a white cross cut into a red square: one part, the cross its enclosed ground) above a short name drawn
 * as a bar at its left. Cut below the name, a copy is one part, which parts cannot match.
 */
const INSIDE = '<rect x="108" y="60" width="24" height="100" fill="#fff"/><rect x="70" y="98" width="100" height="24" fill="#fff"/>';
const EMBLEM = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="100%" height="100%" fill="#fff"/>
  <rect x="30" y="20" width="180" height="180" fill="#c02020"/>${INSIDE}<rect x="30" y="210" width="100" height="12" fill="#333"/></svg>`;
const render = () => sharp(Buffer.from(EMBLEM)).flatten({ background: '#fff' });

async function features(image: Promise<Buffer>, crops = false): Promise<LogoFeatures> {
  const r = await logoFeatures(await image, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The emblem without its name, as a crop copy gives it: cut above the name, a margin put back, re-encoded. */
const cutCopy = async (quality: number, side: number) => sharp(await render().extract({ left: 0, top: 0, width: 240, height: 205 }).png().toBuffer())
  .extend({ top: 10, bottom: 10, left: 10, right: 10, background: '#fff' }).resize(side).jpeg({ quality }).toBuffer();

describe('symmetric crops of a registry logo', () => {
  it('take a degraded copy cut below the name, which the plain crop limits miss', async () => {
    const logo = await features(render().png().toBuffer(), true);
    expect(logo.variants.some((v) => v.kind === 'crop' && v.symmetric)).toBe(true);
    const { symmetric: _whole, ...asymmetricWhole } = logo;
    const withoutCrops = { ...asymmetricWhole, variants: logo.variants.map(({ symmetric: _crop, ...v }) => v) };
    for (const copy of [await features(cutCopy(50, 160)), await features(cutCopy(85, 240))]) {
      expect(copy.symmetric).toBeDefined();
      const stored = storedHashesOf([logo]);
      const found = new LogoIndex(stored).search(copy, LOGO_RULE);
      expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
      expect(scanLogos(stored, copy, LOGO_RULE)).toEqual(found);
      expect(new LogoIndex(storedHashesOf([withoutCrops])).search(copy, LOGO_RULE)).toEqual([]);
    }
  });

  it('do not take a seal of the same outline with other shapes cut into it', async () => {
    const logo = await features(render().png().toBuffer(), true);
    // two bars cut side by side where the cross was
    const other = EMBLEM.replace(INSIDE, '<rect x="70" y="60" width="24" height="100" fill="#fff"/><rect x="146" y="60" width="24" height="100" fill="#fff"/>');
    expect(other).not.toBe(EMBLEM);
    const copy = await features(sharp(await sharp(Buffer.from(other)).flatten({ background: '#fff' }).extract({ left: 0, top: 0, width: 240, height: 205 }).png().toBuffer())
      .extend({ top: 10, bottom: 10, left: 10, right: 10, background: '#fff' }).jpeg({ quality: 40 }).toBuffer());
    expect(copy.symmetric).toBeDefined();
    const stored = storedHashesOf([logo]);
    expect(new LogoIndex(stored).search(copy, LOGO_RULE)).toEqual([]);
    expect(scanLogos(stored, copy, LOGO_RULE)).toEqual([]);
  });

  it('are not kept for a ring, whose inner detail is the ground it encloses, shared by every ring', async () => {
    const ring = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="100%" height="100%" fill="#fff"/>
      <circle cx="120" cy="105" r="70" fill="none" stroke="#1d3f8f" stroke-width="28"/><rect x="30" y="210" width="100" height="12" fill="#333"/></svg>`;
    const logo = await features(sharp(Buffer.from(ring)).flatten({ background: '#fff' }).png().toBuffer(), true);
    // crops cut below the name are a ring, symmetric, yet compared by their plain hashes only
    expect(logo.variants.some((v) => v.kind === 'crop' && symmetricPhash(Float64Array.from(v.thumb)))).toBe(true);
    expect(logo.variants.some((v) => v.symmetric)).toBe(false);
  });
});
