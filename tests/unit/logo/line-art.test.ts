// A squatter may redraw a filled logo as line art: every figure and glyph its outline only. The outline shares almost
// no ink with the logo, so its hashes meet nothing; filled in (fill.ts) it is the logo's silhouette again, and it is
// compared with the registry's logos filled in alike — only logos with parts: a plain shape filled in is any firm's.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { decodeFeatures, encodeFeatures, queryFromStored } from '../../../electron/logos/stored-features';
import { filledIn, isLineArt } from '../../../shared/engine/logo/fill';
import { LogoIndex } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import type { GrayImage } from '../../../shared/engine/logo/prepare';
import { drawnInk } from './support/ink';
import { FILLED, LINE_SOLID, SOLID } from '../../../shared/engine/logo/variant-kinds';
import { logoSvg, randomLogo, rng } from '../../../bench/logos/draw';

const SIDE = 120;

const drawn = (set: (x: number, y: number) => boolean): GrayImage => drawnInk(set, SIDE);

const inSquare = (x: number, y: number) => x >= 30 && x < 90 && y >= 30 && y < 90;
const outline = (x: number, y: number) => inSquare(x, y) && !(x >= 32 && x < 88 && y >= 32 && y < 88);

async function features(bytes: Buffer, registry = false): Promise<LogoFeatures> {
  const r = await logoFeatures(bytes, registry ? {} : { crops: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const page = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`);
const jpeg = (svg: Buffer) => sharp(svg).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer();

/**
 * Logos as the quality set draws them (figures and a name on white), each redrawn as line art in strokes of `stroke`
 * pixels: how many of the 16 copies a registry of their logo finds, and how many it finds with `reduce` taking away
 * from the registry logo's or the copy's features what a test is about.
 */
async function outlineCopiesFound(
  stroke: number, reduce: { registry?: (f: LogoFeatures) => LogoFeatures; copy?: (f: LogoFeatures) => LogoFeatures },
): Promise<{ found: number; reduced: number }> {
  const r = rng(2026);
  let found = 0;
  let reduced = 0;
  for (let i = 0; i < 16; i++) {
    const logo = randomLogo(r);
    logo.background = '#ffffff';
    const registered = await features(await sharp(Buffer.from(logoSvg(logo, 256))).png().toBuffer(), true);
    const copy = await features(await jpeg(Buffer.from(logoSvg(logo, 256, undefined, stroke))));
    if (new LogoIndex(storedHashesOf([registered])).search(copy, LOGO_RULE).length) found++;
    const registry = new LogoIndex(storedHashesOf([(reduce.registry ?? ((f) => f))(registered)]));
    if (registry.search((reduce.copy ?? ((f) => f))(copy), LOGO_RULE).length) reduced++;
  }
  return { found, reduced };
}

describe('a line drawing filled in', () => {
  it('fills the ground its ink encloses, and only that', () => {
    const f = filledIn(drawn(outline));
    expect(f.added).toBe(56 * 56);
    expect(Array.from(f.img.data).filter((v) => v === 0)).toHaveLength(60 * 60);
    expect(isLineArt(drawn(outline), [30, 30, 90, 90], f)).toBe(true);
    // an outline open on one side encloses nothing; a filled square is no line art
    expect(filledIn(drawn((x, y) => outline(x, y) && !(x >= 88 && y >= 50 && y < 70))).added).toBe(0);
    expect(isLineArt(drawn(inSquare), [30, 30, 90, 90], filledIn(drawn(inSquare)))).toBe(false);
    // nor a square drawn in a stroke of 8 pixels, an eighth of its side: a ring or a frame drawn as a figure
    const heavy = (x: number, y: number) => inSquare(x, y) && !(x >= 38 && x < 82 && y >= 38 && y < 82);
    expect(filledIn(drawn(heavy)).added).toBe(44 * 44);
    expect(isLineArt(drawn(heavy), [30, 30, 90, 90], filledIn(drawn(heavy)))).toBe(false);
  });

  it('finds logos redrawn as their outlines, which their hashes alone do not', async () => {
    // 15 of these 16 found, 1 without the filled figure
    const { found, reduced } = await outlineCopiesFound(3, { copy: (f) => ({ ...f, variants: f.variants.filter((v) => v.kind !== FILLED) }) });
    expect(found).toBeGreaterThanOrEqual(11);
    expect(reduced).toBeLessThanOrEqual(2);
  });

  it('finds logos redrawn in a heavier outline by their filled-in copy widened a pixel', async () => {
    // filled in, each figure is widened by half the stroke: 13 of these 16 found, 9 without the widened copy (the
    // registry's last solid one)
    const { found, reduced } = await outlineCopiesFound(6, {
      registry: (f) => {
        const last = f.variants.map((v) => v.kind).lastIndexOf(SOLID);
        return { ...f, variants: f.variants.filter((_, k) => k !== last) };
      },
    });
    expect(found).toBeGreaterThanOrEqual(12);
    expect(reduced).toBeLessThanOrEqual(found - 3);
  });

  it('meets a ring by its outline, and a disc in the ring\'s place by nothing', async () => {
    const name = '<rect x="58" y="200" width="40" height="30" fill="#1a5fb4"/><rect x="108" y="200" width="40" height="30" fill="#1a5fb4"/><rect x="158" y="200" width="40" height="30" fill="#1a5fb4"/>';
    const ring = await features(await sharp(page(`<circle cx="128" cy="100" r="70" fill="none" stroke="#c01c28" stroke-width="24"/>${name}`)).png().toBuffer(), true);
    expect(ring.variants.some((v) => v.kind === SOLID)).toBe(true);
    const index = new LogoIndex(storedHashesOf([ring]));
    const edges = '<circle cx="128" cy="100" r="82" fill="none" stroke="#c01c28" stroke-width="3"/><circle cx="128" cy="100" r="58" fill="none" stroke="#c01c28" stroke-width="3"/>' +
      [58, 108, 158].map((x) => `<rect x="${x}" y="200" width="40" height="30" fill="none" stroke="#1a5fb4" stroke-width="3"/>`).join('');
    const outlined = await features(await jpeg(page(edges)));
    expect(outlined.variants.some((v) => v.kind === FILLED)).toBe(true);
    expect(index.search(outlined, LOGO_RULE).map((m) => m.index)).toEqual([0]);
    // and as the app keeps both, in the images table's thumb column
    const stored = new LogoIndex(storedHashesOf([decodeFeatures(encodeFeatures(ring))!]));
    expect(stored.search(queryFromStored(encodeFeatures(outlined))!, LOGO_RULE).map((m) => m.index)).toEqual([0]);
    // filled in, the ring and its outline are a disc over a name; a disc drawn filled is not line art, never meets
    // the ring's solid copy, and its whole is not the ring's
    const disc = await features(await jpeg(page(`<circle cx="128" cy="100" r="82" fill="#c01c28"/>${name}`)));
    expect(disc.variants.some((v) => v.kind === FILLED)).toBe(false);
    expect(index.search(disc, LOGO_RULE)).toEqual([]);
  });

  it('meets a filled-in copy of a registry logo drawn as line art', async () => {
    const shapes = (paint: (colour: string) => string) =>
      `<polygon points="80,30 95,75 140,75 103,102 117,147 80,120 43,147 57,102 20,75 65,75" ${paint('#c01c28')}/>` +
      `<rect x="150" y="50" width="80" height="80" ${paint('#1a5fb4')}/>` +
      [40, 100, 160].map((x) => `<rect x="${x}" y="190" width="50" height="34" ${paint('#26a269')}/>`).join('');
    const drawing = await features(await sharp(page(shapes((c) => `fill="none" stroke="${c}" stroke-width="3"`))).png().toBuffer(), true);
    expect(drawing.variants.filter((v) => v.kind === LINE_SOLID)).toHaveLength(1);
    const filledCopy = await features(await jpeg(page(shapes((c) => `fill="${c}"`))));
    expect(new LogoIndex(storedHashesOf([drawing])).search(filledCopy, LOGO_RULE).map((m) => m.index)).toEqual([0]);
    // the same logo filled in, kept as a solid copy only a line drawing meets, does not meet the filled-in copy
    const asSolid = { ...drawing, variants: drawing.variants.map((v) => (v.kind === LINE_SOLID ? { ...v, kind: SOLID } : v)) };
    expect(new LogoIndex(storedHashesOf([asSolid])).search(filledCopy, LOGO_RULE)).toEqual([]);
  });

  it('does not meet a plain shape, whose silhouette filled in is any firm\'s', async () => {
    // a leaf filled in from its outline lies 6 bits from the drawn leaf, thumbnails 0.999: near enough, but one shape
    const leaf = (paint: string) => `<path d="M30,226C30,100 100,30 226,30C226,150 150,226 30,226Z" ${paint}/>`;
    const index = new LogoIndex(storedHashesOf([await features(await sharp(page(leaf('fill="#26a269"'))).png().toBuffer(), true)]));
    const outlined = await features(await jpeg(page(leaf('fill="none" stroke="#26a269" stroke-width="3"'))));
    expect(outlined.variants.some((v) => v.kind === FILLED)).toBe(true);
    expect(index.search(outlined, LOGO_RULE)).toEqual([]);
  });
});
