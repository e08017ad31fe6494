// A combination mark laid out in a row: a registry logo copied with a name set beside it (a squatter's own name, a
// shop's slogan). The query's box is long; cut at its widest empty gap (regions.ts gapRegions) each side is decoded
// again and held to a peel's limits (features.ts sideFigure), so the figure beside the name meets its logo.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { LogoIndex } from '../../../shared/engine/logo/logo-index';
import type { LogoRule } from '../../../shared/engine/logo/limits';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { logoSvg, randomLogo, randomText, randomTextLine, rng, type Logo } from '../../../bench/logos/draw';

async function features(bytes: Buffer, crops = false): Promise<LogoFeatures> {
  const r = await logoFeatures(bytes, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The logo (256 px) with a four-character name beside it, 24 px apart, as a JPEG. */
async function withNameBeside(logo: Buffer, name: Logo): Promise<Buffer> {
  const drawn = await sharp(Buffer.from(logoSvg(name, 256))).trim().png().toBuffer({ resolveWithObject: true });
  const width = 256 + 24 + drawn.info.width;
  return sharp({ create: { width, height: 256, channels: 3, background: '#ffffff' } })
    .composite([{ input: logo, left: 0, top: 0 }, { input: drawn.data, left: 280, top: Math.round((256 - drawn.info.height) / 2) }])
    .jpeg({ quality: 85 }).toBuffer();
}

describe('a registry logo copied with a name beside it', () => {
  it('is found by the figure beside the name, through its side peel', async () => {
    const r = rng(31);
    // a rule that compares no peel: what it still finds, the whole or the parts found
    const noPeels: LogoRule = { ...LOGO_RULE, peel: { maxPhash: -1, maxSum: -1, minCorrelation: 2 }, peelByDhash: undefined };
    let found = 0;
    let foundWithoutPeels = 0;
    for (let i = 0; i < 10; i++) {
      const logo = randomLogo(r);
      logo.background = '#ffffff';
      const drawn = await sharp(Buffer.from(logoSvg(logo, 256))).png().toBuffer();
      const index = new LogoIndex(storedHashesOf([await features(drawn, true)]));
      const name: Logo = { background: '#ffffff', figures: [], texts: [{ ...randomTextLine(r, 50), text: randomText(r, 4), size: 22 }] };
      const copy = await features(await withNameBeside(drawn, name));
      if (index.search(copy, LOGO_RULE).some((m) => m.index === 0)) found++;
      if (index.search(copy, noPeels).some((m) => m.index === 0)) foundWithoutPeels++;
    }
    // all 10 here, and none without the peels (before the gap cuts, 10 of 100 such copies were found: engine README)
    expect(found).toBeGreaterThanOrEqual(9);
    expect(foundWithoutPeels).toBeLessThanOrEqual(1);
  });

});
