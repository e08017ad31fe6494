// A gazette clipping or a listing's picture often comes with a thin rule drawn round the mark. The rule is one blob
// round all the rest, and round a small figure it holds more of the ink than an added element may (regions.ts
// PEEL_MAX_INK), so it is peeled whatever its share when it is a frame (regions.ts isFrame): a thin outline along
// all four sides of its box with every other blob inside it. A ring or a bracket is not one. A query's figure
// inside a frame is also decoded again and compared as a whole figure (features.ts unframedFigure): a framed copy
// of a logo is the logo.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { isRegistryVariant, logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { LogoIndex } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { findBlobs } from '../../../shared/engine/logo/blobs';
import { isFrame } from '../../../shared/engine/logo/regions';
import type { GrayImage } from '../../../shared/engine/logo/prepare';
import { drawnInk } from './support/ink';
import { logoSvg, randomLogo, rng } from '../../../bench/logos/draw';

const SIDE = 120;

const drawn = (set: (x: number, y: number) => boolean): GrayImage => drawnInk(set, SIDE);

const figure = (x: number, y: number) => x >= 50 && x < 70 && y >= 40 && y < 80;
const rule = (x: number, y: number) => (x >= 10 && x < 110 && y >= 10 && y < 110) && (x < 12 || x >= 108 || y < 12 || y >= 108);

/** Whether the outermost blob (the one whose box is largest) of img is read as a frame. */
function outerIsFrame(img: GrayImage): boolean {
  const blobs = findBlobs(img, [0, 0, SIDE, SIDE], 255);
  const area = (k: number) => (blobs.boxes[k]![2] - blobs.boxes[k]![0]) * (blobs.boxes[k]![3] - blobs.boxes[k]![1]);
  const outer = blobs.boxes.map((_, k) => k).sort((a, b) => area(b) - area(a))[0]!;
  return isFrame(blobs, outer, SIDE);
}

describe('a frame round a figure', () => {
  it('is a thin outline along all four sides with the rest inside it', () => {
    expect(outerIsFrame(drawn((x, y) => rule(x, y) || figure(x, y)))).toBe(true);
  });

  it('is not a ring, a bracket, nor an outline with ink beyond it', () => {
    const ring = (x: number, y: number) => Math.abs(Math.hypot(x - 60, y - 60) - 50) < 1.5;
    expect(outerIsFrame(drawn((x, y) => ring(x, y) || figure(x, y)))).toBe(false);
    // the rule without its right side
    expect(outerIsFrame(drawn((x, y) => (rule(x, y) && x < 108) || figure(x, y)))).toBe(false);
    // a figure half outside the rule
    expect(outerIsFrame(drawn((x, y) => rule(x, y) || (x >= 95 && x < 118 && y >= 50 && y < 60) || figure(x, y)))).toBe(false);
    // a solid square holds its ink inside the band too
    expect(outerIsFrame(drawn((x, y) => (x >= 10 && x < 110 && y >= 10 && y < 110 && !(x >= 40 && x < 80 && y >= 30 && y < 90)) || figure(x, y)))).toBe(false);
  });

  it('is taken off framed copies of registry logos, which are then found', async () => {
    // logos as the quality set draws them (figures and a name on white), each copied with a 4-pixel rule drawn
    // round it 16 pixels from the edge and saved as a JPEG: before frames were taken off, 1 of these 16 was found
    const r = rng(2026);
    let found = 0;
    for (let i = 0; i < 16; i++) {
      const logo = randomLogo(r);
      logo.background = '#ffffff';
      const svg = Buffer.from(logoSvg(logo, 256));
      const index = new LogoIndex(storedHashesOf([await features(await sharp(svg).png().toBuffer(), true)]));
      const framed = await sharp(svg).flatten({ background: '#fff' }).extend({ top: 26, bottom: 26, left: 26, right: 26, background: '#fff' })
        .composite([{ input: Buffer.from(FRAME), left: 0, top: 0 }]).jpeg({ quality: 80 }).toBuffer();
      if (index.search(await features(framed), LOGO_RULE).length > 0) found++;
    }
    expect(found).toBeGreaterThanOrEqual(14);
  });

  it('leaves a plain figure to be met as a whole figure, which its parts mostly are not', async () => {
    const bodies = [
      '<rect x="20" y="70" width="150" height="110" fill="#1c71d8"/><circle cx="200" cy="125" r="36" fill="#e01b24"/>',
      '<polygon points="128,30 220,190 36,190" fill="#26a269"/><rect x="60" y="205" width="136" height="18" fill="#333"/>',
      '<circle cx="128" cy="100" r="70" fill="#c01c28"/><rect x="100" y="72" width="56" height="56" fill="#fff"/><rect x="48" y="196" width="160" height="22" fill="#1a5fb4"/>',
    ];
    let withoutUnframed = 0;
    for (const body of bodies) {
      const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
      const index = new LogoIndex(storedHashesOf([await features(await sharp(Buffer.from(logo)).png().toBuffer(), true)]));
      for (const [inset, stroke] of [[3, 2], [16, 4]] as const) {
        const side = 256 + 2 * (inset + 10);
        const framedSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="100%" height="100%" fill="#fff"/>
          <rect x="${inset}" y="${inset}" width="${side - 2 * inset}" height="${side - 2 * inset}" fill="none" stroke="#000" stroke-width="${stroke}"/>
          <g transform="translate(${inset + 10} ${inset + 10})">${body}</g></svg>`;
        const copy = await features(await sharp(Buffer.from(framedSvg)).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer());
        expect(copy.variants.filter((v) => v.kind === 'unframed')).toHaveLength(1);
        expect(index.search(copy, LOGO_RULE).map((m) => [m.index, m.via])).toEqual([[0, 'whole']]);
        // (nor the figure the white inside the frame holds, a ground's: grounds.ts)
        if (index.search({ ...copy, variants: copy.variants.filter((v) => v.kind !== 'unframed' && v.kind !== 'grounded') }, LOGO_RULE).length) withoutUnframed++;
      }
    }
    // without the unframed figure, whose place the frame peel gave up, the parts find 1 of the 6 copies (with that peel, 2)
    expect(withoutUnframed).toBeLessThanOrEqual(2);
  });

  it('is not taken off a registry logo, whose frame is its design', async () => {
    const framedLogo = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="100%" height="100%" fill="#fff"/>
      <rect x="12" y="12" width="232" height="232" fill="none" stroke="#000" stroke-width="3"/><circle cx="128" cy="128" r="60" fill="#1c71d8"/></svg>`;
    const logo = await features(await sharp(Buffer.from(framedLogo)).png().toBuffer(), true);
    // the image kept for both roles has its figure inside the frame as a query's variant, which a registry built
    // from it never searches: the registry logo is compared whole and by its crops, frame and all
    expect(logo.variants.some((v) => v.kind === 'unframed')).toBe(true);
    expect(storedHashesOf([logo]).variants?.owner.length).toBe(logo.variants.filter(isRegistryVariant).length);
    expect(logo.variants.filter(isRegistryVariant).some((v) => v.kind === 'unframed' || v.kind === 'peel')).toBe(false);
  });
});

const FRAME = '<svg xmlns="http://www.w3.org/2000/svg" width="308" height="308"><rect x="16" y="16" width="276" height="276" fill="none" stroke="#000" stroke-width="4"/></svg>';

async function features(bytes: Buffer, crops = false): Promise<LogoFeatures> {
  const r = await logoFeatures(bytes, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
