// A registry logo copied inside a ring drawn round it (a seal, a badge). The ring holds much of the ink and is no
// frame (regions.ts isFrame), but it encloses the rest (isEnclosure): the query's figure inside is peeled, decoded
// again and held to a peel's limits (features.ts peelDecodedAgain).
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { LogoIndex } from '../../../shared/engine/logo/logo-index';
import type { LogoRule } from '../../../shared/engine/logo/limits';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { logoSvg, randomLogo, rng } from '../../../bench/logos/draw';

async function features(bytes: Buffer, crops = false): Promise<LogoFeatures> {
  const r = await logoFeatures(bytes, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The 256 px logo in the middle of a 384 px canvas, a 5 px ring round it, as a JPEG. */
async function inRing(logo: Buffer): Promise<Buffer> {
  const ring = '<svg xmlns="http://www.w3.org/2000/svg" width="384" height="384"><rect width="100%" height="100%" fill="#fff"/>' +
    '<circle cx="192" cy="192" r="186" fill="none" stroke="#333" stroke-width="5"/></svg>';
  return sharp(Buffer.from(ring)).composite([{ input: logo, left: 64, top: 64 }]).jpeg({ quality: 85 }).toBuffer();
}

describe('a registry logo copied inside a ring', () => {
  it('is found by the figure inside, through its peel', async () => {
    const r = rng(33);
    const noPeels: LogoRule = { ...LOGO_RULE, peel: { maxPhash: -1, maxSum: -1, minCorrelation: 2 }, peelByDhash: undefined };
    let found = 0;
    let foundWithoutPeels = 0;
    for (let i = 0; i < 10; i++) {
      const logo = randomLogo(r);
      logo.background = '#ffffff';
      const drawn = await sharp(Buffer.from(logoSvg(logo, 256))).png().toBuffer();
      const index = new LogoIndex(storedHashesOf([await features(drawn, true)]));
      const copy = await features(await inRing(drawn));
      if (index.search(copy, LOGO_RULE).some((m) => m.index === 0)) found++;
      if (index.search(copy, noPeels).some((m) => m.index === 0)) foundWithoutPeels++;
    }
    // 9 of these 10 here, 1 without the peels (before the ring was peeled, 9 of 100 such copies: engine README)
    expect(found).toBeGreaterThanOrEqual(8);
    expect(foundWithoutPeels).toBeLessThanOrEqual(2);
  });
});
