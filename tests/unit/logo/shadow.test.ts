// A drop shadow under a copy's figures joins their ink, widens the box and moves every hash; found and painted back
// as ground (shadow.ts), the copy is the logo again. What must not happen: a figure's own grey, or the pale rims a
// dark figure's edges leave in a JPEG, read as a shadow.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { decodeContent } from '../../../electron/logos/seen';
import { encodeFeatures, queryFromStored } from '../../../electron/logos/stored-features';
import { LogoIndex } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { shadowOf, withoutShadow } from '../../../shared/engine/logo/shadow';
import { SHADOWED } from '../../../shared/engine/logo/variant-kinds';
import { filteredSvg, logoSvg, randomLogo, rng, SHADOWS } from '../../../bench/logos/draw';

/** Three bytes a pixel: white, with the given pixels in the given colours. */
function painted(side: number, paint: (x: number, y: number) => [number, number, number] | null): Uint8Array {
  const data = new Uint8Array(side * side * 3).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const c = paint(x, y);
      if (c) data.set(c, (y * side + x) * 3);
    }
  }
  return data;
}

const inBox = (x: number, y: number, [x0, y0, x1, y1]: number[]) => x >= x0! && x < x1! && y >= y0! && y < y1!;
const RED: [number, number, number] = [200, 20, 30];
const GREY: [number, number, number] = [150, 150, 150];

async function features(bytes: Buffer, registry = false): Promise<LogoFeatures> {
  const r = await logoFeatures(bytes, registry ? {} : { crops: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const jpeg = (svg: string) => sharp(Buffer.from(svg)).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer();

/**
 * 24 logos as the quality set draws them (on white), each copied by `copyOf` from its SVG: how many copies a registry
 * of their logo finds, how many it finds with the copy as it came searched whole (its SHADOWED variant, or the copy
 * itself when no shadow was read), and how many were read as shadowed. Each copy searches alike as the images table
 * keeps it.
 */
async function shadowedCopiesFound(seed: number, copyOf: (svg: string) => Promise<Buffer>): Promise<{ found: number; asItCame: number; detected: number }> {
  const r = rng(seed);
  let found = 0;
  let asItCame = 0;
  let detected = 0;
  for (let i = 0; i < 24; i++) {
    const logo = randomLogo(r);
    logo.background = '#ffffff';
    const registry = new LogoIndex(storedHashesOf([await features(await sharp(Buffer.from(logoSvg(logo, 256))).png().toBuffer(), true)]));
    const copy = await features(await copyOf(logoSvg(logo, 256)));
    const hit = registry.search(copy, LOGO_RULE).length > 0;
    if (hit) found++;
    expect(registry.search(queryFromStored(encodeFeatures(copy))!, LOGO_RULE).length > 0).toBe(hit);
    const shadowed = copy.variants.filter((v) => v.kind === SHADOWED);
    detected += shadowed.length;
    const whole = shadowed[0] ? { ...copy, ...shadowed[0], variants: [], parts: [], symmetric: undefined } : copy;
    if (registry.search(whole, LOGO_RULE).length) asItCame++;
  }
  return { found, asItCame, detected };
}

describe('a drop shadow', () => {
  it('is found by its offset and painted back as ground', () => {
    const square = [30, 30, 80, 80];
    const rgb = painted(100, (x, y) => (inBox(x, y, square) ? RED : inBox(x, y, [34, 34, 84, 84]) ? GREY : null));
    const shadow = shadowOf(rgb, 100, 100);
    expect(shadow).toMatchObject({ dx: 4, dy: 4 });
    const clean = withoutShadow(rgb, 100, 100, shadow!);
    expect(clean).toEqual(painted(100, (x, y) => (inBox(x, y, square) ? RED : null)));
  });

  it('is not a figure\'s own grey element, nor a grey figure beside another', () => {
    // a grey bar below a red square: grey, but nowhere the square moved would put it
    const bar = painted(100, (x, y) => (inBox(x, y, [30, 20, 70, 60]) ? RED : inBox(x, y, [20, 70, 80, 78]) ? GREY : null));
    expect(shadowOf(bar, 100, 100)).toBeNull();
    // a grey square overlapping a red one by far more than a shadow's offset
    const pair = painted(100, (x, y) => (inBox(x, y, [20, 20, 60, 60]) ? RED : inBox(x, y, [40, 40, 85, 85]) ? GREY : null));
    expect(shadowOf(pair, 100, 100)).toBeNull();
  });

  it('is found in a print in grey by its level, and a lighter figure behind a darker one is not taken for it', () => {
    const level = (v: number): [number, number, number] => [v, v, v];
    // a dark grey square over its lighter grey shadow: every pixel is the ground darkened, the figure too
    const square = [30, 30, 80, 80];
    const printed = painted(100, (x, y) => (inBox(x, y, square) ? level(90) : inBox(x, y, [34, 34, 84, 84]) ? level(170) : null));
    expect(shadowOf(printed, 100, 100)).toMatchObject({ dx: 4, dy: 4 });
    // a light grey disc half hidden behind a darker square: far more of it shows than a shadow's band
    const behind = painted(100, (x, y) => (inBox(x, y, [20, 20, 60, 60]) ? level(60) : (x - 62) ** 2 + (y - 62) ** 2 < 26 ** 2 ? level(170) : null));
    expect(shadowOf(behind, 100, 100)).toBeNull();
  });

  it('is not the pale rim a dark figure leaves in a JPEG', async () => {
    // navy and dark purple blend with white into near-greys along every edge
    const r = rng(7);
    for (let i = 0; i < 12; i++) {
      const logo = randomLogo(r);
      logo.background = '#ffffff';
      for (const f of logo.figures) f.colour = i % 2 ? '#1f2756' : '#4a1037';
      for (const t of logo.texts) t.colour = '#1f2756';
      const seen = await decodeContent(await jpeg(logoSvg(logo, 256)));
      if (!seen.ok) throw new Error(seen.error.message);
      expect(shadowOf(seen.value.rgb.data, seen.value.rgb.width, seen.value.rgb.height)).toBeNull();
    }
  });

  it('under a copy\'s figures and name (8 px, blurred) no longer hides the logo', async () => {
    const { found, asItCame, detected } = await shadowedCopiesFound(2026, (svg) => jpeg(filteredSvg(svg, SHADOWS.deep)));
    expect(detected).toBe(24);
    // all 24 found; as they came, whole, 13
    expect(found).toBeGreaterThanOrEqual(22);
    expect(asItCame).toBeLessThanOrEqual(found - 6);
  });

  it('under a copy printed in grey no longer hides the logo either', async () => {
    const { found, asItCame } = await shadowedCopiesFound(4242, async (svg) =>
      sharp(await jpeg(filteredSvg(svg, SHADOWS.grey))).grayscale().jpeg({ quality: 80 }).toBuffer());
    // 12 of 24 found, 5 as they came, shadow and all: in grey a shadow is told from the figures by its level alone,
    // and a figure printed lighter than the shadow reads as shade (shadow.ts shadowInGrey)
    expect(found).toBeGreaterThanOrEqual(10);
    expect(asItCame).toBeLessThanOrEqual(found - 5);
  });

  it('drawn under a registry logo does not hide it from a copy drawn without, nor from its print in grey', async () => {
    const r = rng(77);
    let found = 0;
    let printFound = 0;
    for (let i = 0; i < 16; i++) {
      const logo = randomLogo(r);
      logo.background = '#ffffff';
      const drawing = await sharp(Buffer.from(filteredSvg(logoSvg(logo, 256), SHADOWS.deep))).png().toBuffer();
      const registry = new LogoIndex(storedHashesOf([await features(drawing, true)]));
      if (registry.search(await features(await jpeg(logoSvg(logo, 256))), LOGO_RULE).length) found++;
      // the logo as drawn printed in grey, whose shadow the grey levels may not tell: the print as drawn is kept
      if (registry.search(await features(await sharp(drawing).grayscale().jpeg({ quality: 80 }).toBuffer()), LOGO_RULE).length) printFound++;
    }
    // all 16 found; 11 when the registry logo is hashed with its shadow
    expect(found).toBeGreaterThanOrEqual(15);
    // all 16 prints found; 5 without the print as drawn
    expect(printFound).toBe(16);
  });
});
