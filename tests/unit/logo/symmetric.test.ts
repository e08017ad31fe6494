// Symmetric emblems: a JPEG or scanned copy of a badge is found through its symmetric hash and its colour detail,
// while another badge of the same outline, or a plain shape, is not.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { hamming, orient, symmetricPhash, thumbCorrelation } from '../../../shared/engine/logo/hash';
import { innerDetail, detailAgrees, detailThumb, enclosesGround, hasDetail } from '../../../shared/engine/logo/detail';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import type { LogoRule } from '../../../shared/engine/logo/limits';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { inkImage, maskBox, prepareGray } from '../../../shared/engine/logo/prepare';
import { seeOf } from '../../../shared/engine/logo/regions';

/** A badge symmetric about its vertical axis: a disc, an element inside it in another colour, a bar below it. */
function badgeSvg(inner: 'star' | 'ring' | 'none', colours = { disc: '#1d3f8f', inner: '#e8c020', bar: '#1d3f8f' }): string {
  const element = inner === 'star'
    ? `<polygon points="120,52 136,100 186,100 146,128 160,176 120,148 80,176 94,128 54,100 104,100" fill="${colours.inner}"/>`
    : inner === 'ring' ? `<circle cx="120" cy="112" r="42" fill="none" stroke="${colours.inner}" stroke-width="16"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
    <rect width="100%" height="100%" fill="#fff"/>
    <circle cx="120" cy="112" r="90" fill="${colours.disc}"/>${element}
    <rect x="60" y="208" width="120" height="16" fill="${colours.bar}"/></svg>`;
}

const render = (svg: string) => sharp(Buffer.from(svg)).flatten({ background: '#fff' });

async function features(image: Promise<Buffer>, crops = true): Promise<LogoFeatures> {
  const r = await logoFeatures(await image, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The registry of these logos as the app builds it (crops and soft copy as a registry logo has them). */
const registryOf = (logos: LogoFeatures[]) => storedHashesOf(logos.map((f) => ({ ...f, variants: f.variants.filter((v) => v.kind !== 'peel') })));

describe('symmetric figures', () => {
  it('gives a symmetric hash to a symmetric figure only, and the hash of a turned figure is the turned hash', () => {
    const w = 64;
    const bar = new Uint8Array(w * w).fill(255);
    // a T, symmetric about its vertical axis
    for (let y = 8; y < 56; y++) for (let x = 8; x < 56; x++) if (y < 20 || (x >= 26 && x < 38)) bar[y * w + x] = 0;
    const symmetric = prepareGray({ width: w, height: w, data: bar })!.pixels;
    const base = symmetricPhash(symmetric)!;
    expect(base).not.toBeNull();
    for (let v = 0; v < 8; v++) expect(hamming(symmetricPhash(orient(symmetric, v))!, 0, base, v * 2)).toBe(0);
    // an L is symmetric about no axis
    const l = new Uint8Array(w * w).fill(255);
    for (let y = 8; y < 56; y++) for (let x = 8; x < 56; x++) if (x < 20 || y >= 44) l[y * w + x] = 0;
    expect(symmetricPhash(prepareGray({ width: w, height: w, data: l })!.pixels)).toBeNull();
  });

  it('finds a badge printed as a small JPEG or scanned, and not another badge of the same outline', async () => {
    const badge = await features(render(badgeSvg('star')).png().toBuffer());
    const other = await features(render(badgeSvg('ring')).png().toBuffer());
    expect(badge.symmetric && other.symmetric).toBeTruthy();
    const index = new LogoIndex(registryOf([badge, other]));
    const copies = {
      'small JPEG': render(badgeSvg('star')).resize(130).jpeg({ quality: 45 }).toBuffer(),
      scanned: render(badgeSvg('star')).rotate(0.6, { background: '#fff' }).blur(1).jpeg({ quality: 60 }).toBuffer(),
      'upside down JPEG': render(badgeSvg('star')).flip().jpeg({ quality: 50 }).toBuffer(),
    };
    for (const [form, image] of Object.entries(copies)) {
      const query = await features(image, false);
      const found = index.search(query, LOGO_RULE);
      expect(found.map((m) => m.index), form).toEqual([0]);
      // the index answers as a scan of every entry does
      expect(found).toEqual(scanLogos(index.stored, query, LOGO_RULE));
      // the plain hashes alone miss the small and the scanned copy: JPEG noise sets the bits symmetry leaves at 0
      // (the badge's parts, the disc, the star and the bar, are compared by symmetric hashes of their own; the
      // difference hashes with the colours, LogoRule.byDhash, are another way to such a copy)
      if (form !== 'upside down JPEG') expect(index.search(query, { ...LOGO_RULE, symmetric: undefined, symmetricClose: undefined, symmetricDetailed: undefined, parts: undefined, byDhash: undefined, colourCells: undefined }), form).toEqual([]);
    }
  });

  it('reads the inner detail and not the rim: a plain disc has none, a disc with a star has it in any colours or cut out', async () => {
    const detailOf = async (svg: string, jpeg: boolean) => {
      const image = await (jpeg ? render(svg).jpeg({ quality: 50 }) : render(svg).png()).toBuffer();
      const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const ink = inkImage(data, info.width, info.height, 3);
      const box = maskBox(seeOf(ink).mask, ink.width, [0, 0, ink.width, ink.height])!;
      return detailThumb(innerDetail(data, ink), box);
    };
    expect(hasDetail(await detailOf(badgeSvg('none'), true))).toBe(false);
    const star = await detailOf(badgeSvg('star'), false);
    const recoloured = await detailOf(badgeSvg('star', { disc: '#0a6030', inner: '#f08080', bar: '#0a6030' }), true);
    expect(hasDetail(star) && hasDetail(recoloured)).toBe(true);
    expect(detailAgrees(recoloured, 0, star, 0, 0.8)).toBe(true);
    // a one-colour seal: the star cut out of the disc is enclosed ground, and reads as the star did
    const cut = await detailOf(badgeSvg('star', { disc: '#b01818', inner: '#ffffff', bar: '#b01818' }), true);
    expect(hasDetail(cut)).toBe(true);
    expect(detailAgrees(cut, 0, star, 0, 0.8)).toBe(true);
    expect(detailAgrees(await detailOf(badgeSvg('ring'), true), 0, star, 0, 0.8)).toBe(false);
  });

  it('matches two plain figures through the plain limits only when they are the same figure in its colours, and a plain one never with one carrying detail', async () => {
    const hexagon = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
      <rect width="100%" height="100%" fill="#fff"/><polygon points="120,30 198,75 198,165 120,210 42,165 42,75" fill="${fill}"/></svg>`;
    const disc = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
      <rect width="100%" height="100%" fill="#fff"/><circle cx="120" cy="120" r="90" fill="#10c060"/></svg>`;
    const registered = await features(render(hexagon('#2a7fd0')).png().toBuffer());
    const filed = await features(render(hexagon('#2a7fd0')).jpeg({ quality: 60 }).toBuffer(), false);
    expect(registered.symmetric && filed.symmetric).toBeTruthy();
    expect(hasDetail(registered.symmetric!.detail) || hasDetail(filed.symmetric!.detail)).toBe(false);
    const onlySymmetric: LogoRule = { maxPhash: -1, maxSum: -1, minCorrelation: 2, symmetric: { ...LOGO_RULE.symmetric!, maxPhash: 64, maxSum: 128, minCorrelation: 0 } };
    const index = new LogoIndex(registryOf([registered]));
    // the detail tiers never compare two plain figures
    expect(index.search(filed, onlySymmetric)).toEqual([]);
    // the plain limits do: the same hexagon printed as a JPEG, whose plain hash the JPEG has moved
    const plainOnly: LogoRule = { ...onlySymmetric, symmetricPlain: LOGO_RULE.symmetricPlain! };
    const found = index.search(filed, plainOnly);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
    expect(found).toEqual(scanLogos(index.stored, filed, plainOnly));
    // the same outline in another colour is another firm's hexagon (PLAIN_MAX_COLOUR_DISTANCE); printed in black and
    // white, where no colour tells them apart, it is still met
    const green = await features(render(hexagon('#10c060')).jpeg({ quality: 60 }).toBuffer(), false);
    expect(index.search(green, plainOnly)).toEqual([]);
    expect(scanLogos(index.stored, green, plainOnly)).toEqual([]);
    const printed = await features(render(hexagon('#10c060')).greyscale().jpeg({ quality: 60 }).toBuffer(), false);
    expect(index.search(printed, plainOnly).map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
    expect(scanLogos(index.stored, printed, plainOnly)).toEqual(index.search(printed, plainOnly));
    // another plain figure is not the same figure
    expect(index.search(await features(render(disc).jpeg({ quality: 60 }).toBuffer(), false), plainOnly)).toEqual([]);
    // a badge with inner detail and the same badge without it (a plain disc over a bar) never meet, in either direction
    const badge = await features(render(badgeSvg('star')).png().toBuffer());
    const plainBadge = await features(render(badgeSvg('none')).png().toBuffer());
    const both: LogoRule = { ...plainOnly, symmetric: { ...plainOnly.symmetric!, minDetailCorrelation: -1 }, symmetricPlain: { ...LOGO_RULE.symmetricPlain!, maxPhash: 64, maxSum: 128, minCorrelation: 0 } };
    expect(new LogoIndex(registryOf([badge])).search(plainBadge, both)).toEqual([]);
    expect(new LogoIndex(registryOf([plainBadge])).search(badge, both)).toEqual([]);
    expect(scanLogos(registryOf([badge]), plainBadge, both)).toEqual([]);
  });

  it('takes a figure whose hashes and thumbnail agree closely though its inner detail agrees less (a character of the name changed)', async () => {
    const badge = await features(render(badgeSvg('star')).png().toBuffer());
    const close = LOGO_RULE.symmetricClose!;
    expect(close.minDetailCorrelation).toBeLessThan(LOGO_RULE.symmetric!.minDetailCorrelation);
    // the same figure, its detail changed in one place: the star's upper half erased, as a changed element would be
    const T = 32;
    const detail = Uint8Array.from(badge.symmetric!.detail, (v, i) => (Math.floor(i / T) < 16 ? 0 : v));
    const corr = thumbCorrelation(detail, 0, badge.symmetric!.detail, 0);
    expect(corr).toBeGreaterThanOrEqual(close.minDetailCorrelation);
    expect(corr).toBeLessThan(LOGO_RULE.symmetric!.minDetailCorrelation);
    const changed = { ...badge, variants: [], parts: [], symmetric: { ...badge.symmetric!, detail } };
    const index = new LogoIndex(registryOf([badge]));
    const found = index.search(changed, LOGO_RULE);
    expect(found.map((m) => m.index)).toEqual([0]);
    expect(found).toEqual(scanLogos(index.stored, changed, LOGO_RULE));
    const noPlain: LogoRule = { ...LOGO_RULE, maxPhash: -1, partial: undefined, peel: undefined, parts: undefined, byDhash: undefined, colourCells: undefined };
    expect(index.search(changed, noPlain).map((m) => m.via)).toEqual(['symmetric']);
    expect(index.search(changed, { ...noPlain, symmetricClose: undefined })).toEqual([]);
    // a thumbnail that agrees less (another badge of the same outline) is held to the symmetric limits' detail
    const ring = await features(render(badgeSvg('ring')).png().toBuffer(), false);
    expect(thumbCorrelation(ring.thumb, 0, badge.thumb, 0)).toBeLessThan(close.minCorrelation);
    expect(index.search({ ...ring, symmetric: { ...ring.symmetric!, detail } }, noPlain)).toEqual([]);
  });

  it('takes a figure whose thumbnail agrees less when its inner detail agrees more (a scan\'s grain over the same badge)', async () => {
    const badge = await features(render(badgeSvg('star')).png().toBuffer());
    const main = LOGO_RULE.symmetric!;
    const detailed = LOGO_RULE.symmetricDetailed!;
    expect(detailed.minCorrelation).toBeLessThan(main.minCorrelation);
    expect(detailed.minDetailCorrelation).toBeGreaterThan(main.minDetailCorrelation);
    // grain over the thumbnail, the least that takes it below the symmetric limits' correlation
    const grained = (amplitude: number) => Uint8Array.from(badge.thumb, (v, i) => Math.max(0, Math.min(255, v + ((((i * 7919) % 61) - 30) * amplitude) / 30)));
    let amplitude = 10;
    while (thumbCorrelation(grained(amplitude), 0, badge.thumb, 0) >= main.minCorrelation) amplitude += 5;
    const thumb = grained(amplitude);
    expect(thumbCorrelation(thumb, 0, badge.thumb, 0)).toBeGreaterThanOrEqual(detailed.minCorrelation);
    const scanned = { ...badge, thumb, variants: [], parts: [] };
    const index = new LogoIndex(registryOf([badge]));
    const onlyDetail: LogoRule = { ...LOGO_RULE, maxPhash: -1, partial: undefined, peel: undefined, parts: undefined, symmetricPlain: undefined, byDhash: undefined, colourCells: undefined };
    const found = index.search(scanned, onlyDetail);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
    expect(found).toEqual(scanLogos(index.stored, scanned, onlyDetail));
    expect(index.search(scanned, { ...onlyDetail, symmetricDetailed: undefined })).toEqual([]);
    // the same grain over a figure whose detail agrees only as much as the symmetric limits ask is not enough
    const T = 32;
    const changedDetail = Uint8Array.from(badge.symmetric!.detail, (v, i) => (Math.floor(i / T) < 16 ? 0 : v));
    const agreement = thumbCorrelation(changedDetail, 0, badge.symmetric!.detail, 0);
    expect(agreement).toBeLessThan(detailed.minDetailCorrelation);
    expect(index.search({ ...scanned, symmetric: { ...badge.symmetric!, detail: changedDetail } }, onlyDetail)).toEqual([]);
  });

  it('holds two rings, whose inner detail is the ground they enclose, to the plain figures\' limits and never the detailed tier\'s', async () => {
    // a ring over a bar (a name): every ring encloses the same ground, and another firm's ring over another name
    // correlates as well as a scan of this one
    const ringSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="100%" height="100%" fill="#fff"/>
      <circle cx="120" cy="104" r="74" fill="none" stroke="#1d3f8f" stroke-width="30"/><rect x="60" y="206" width="120" height="16" fill="#1d3f8f"/></svg>`;
    const ring = await features(render(ringSvg).png().toBuffer());
    expect(ring.symmetric && hasDetail(ring.symmetric.detail)).toBe(true);
    expect(enclosesGround(ring.symmetric!.detail, 0, ring.thumb, 0)).toBe(true);
    const badge = await features(render(badgeSvg('star')).png().toBuffer());
    expect(enclosesGround(badge.symmetric!.detail, 0, badge.thumb, 0)).toBe(false);
    const main = LOGO_RULE.symmetric!;
    const detailed = LOGO_RULE.symmetricDetailed!;
    const plain = LOGO_RULE.symmetricPlain!;
    expect(plain.minCorrelation).toBeGreaterThan(main.minCorrelation);
    const onlyDetail: LogoRule = { ...LOGO_RULE, maxPhash: -1, partial: undefined, peel: undefined, parts: undefined, symmetricPlain: undefined, byDhash: undefined, colourCells: undefined };
    const withPlain: LogoRule = { ...onlyDetail, symmetricPlain: plain };
    const grained = (thumb: Uint8Array, amplitude: number) => Uint8Array.from(thumb, (v, i) => Math.max(0, Math.min(255, v + ((((i * 7919) % 61) - 30) * amplitude) / 30)));
    // a figure's thumbnail grained to just under a correlation, its detail as it is
    const under = (f: LogoFeatures, limit: number) => {
      let amplitude = 2;
      while (thumbCorrelation(grained(f.thumb, amplitude), 0, f.thumb, 0) >= limit) amplitude += 2;
      return { ...f, thumb: grained(f.thumb, amplitude), variants: [], parts: [] };
    };
    const ringIndex = new LogoIndex(registryOf([ring]));
    const badgeIndex = new LogoIndex(registryOf([badge]));
    // under the symmetric limits' thumbnails: the detailed tier takes the badge, whose detail is a star inside it, not the ring
    const [scannedRing, scannedBadge] = [under(ring, main.minCorrelation), under(badge, main.minCorrelation)];
    expect(thumbCorrelation(scannedRing.thumb, 0, ring.thumb, 0)).toBeGreaterThanOrEqual(detailed.minCorrelation);
    expect(thumbCorrelation(scannedBadge.thumb, 0, badge.thumb, 0)).toBeGreaterThanOrEqual(detailed.minCorrelation);
    expect(ringIndex.search(scannedRing, withPlain)).toEqual([]);
    expect(scanLogos(ringIndex.stored, scannedRing, withPlain)).toEqual([]);
    expect(badgeIndex.search(scannedBadge, withPlain).map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
    // within the symmetric limits but under the plain figures' thumbnails: the badge is taken, the ring is not
    const [fainterRing, fainterBadge] = [under(ring, plain.minCorrelation), under(badge, plain.minCorrelation)];
    expect(thumbCorrelation(fainterRing.thumb, 0, ring.thumb, 0)).toBeGreaterThanOrEqual(main.minCorrelation);
    expect(ringIndex.search(fainterRing, withPlain)).toEqual([]);
    expect(scanLogos(ringIndex.stored, fainterRing, withPlain)).toEqual([]);
    expect(badgeIndex.search(fainterBadge, withPlain).map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
    // and grained less, within the plain figures' limits, the ring is taken
    const lightly = { ...ring, thumb: grained(ring.thumb, 2), variants: [], parts: [] };
    expect(thumbCorrelation(lightly.thumb, 0, ring.thumb, 0)).toBeGreaterThanOrEqual(plain.minCorrelation);
    const found = ringIndex.search(lightly, withPlain);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'symmetric']]);
    expect(scanLogos(ringIndex.stored, lightly, withPlain)).toEqual(found);
  });
});
