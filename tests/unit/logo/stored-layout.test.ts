// A registry's whole logos and their variants are laid out in one buffer each (match.ts storedHashesOf), and the
// index reads them as one run of entries without copying them (pairs.ts makeEntries): at 10,000 logos the
// variants' thumbnails are 190 MB. A registry laid out otherwise is copied, and either way the answers are the same.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf, type StoredHashes } from '../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';

const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`);
const LOGOS = [
  '<circle cx="80" cy="120" r="60" fill="#1a5fb4"/><rect x="150" y="70" width="70" height="100" fill="#c01c28"/>',
  '<polygon points="120,20 220,200 20,200" fill="#26a269"/><rect x="95" y="120" width="50" height="50" fill="#f5c211"/>',
  '<rect x="30" y="30" width="180" height="90" fill="#613583"/><circle cx="120" cy="175" r="45" fill="#e66100"/>',
];

async function features(image: Buffer | Promise<Buffer>, crops = false): Promise<LogoFeatures> {
  const r = await logoFeatures(await image, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Every array of a stored registry in a buffer of its own, as a registry laid out by other code would be. */
function apart(stored: StoredHashes): StoredHashes {
  const copy = <T>(value: T): T => (ArrayBuffer.isView(value) ? (value as unknown as Uint8Array).slice() as T : value);
  const each = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, copy(v)])) as T;
  return { ...each(stored), ...(stored.variants ? { variants: each(stored.variants) } : {}) };
}

describe('a stored registry', () => {
  it('keeps the logos and their variants in one buffer, which the index reads in place', async () => {
    const logos = await Promise.all(LOGOS.map((body) => features(sharp(svg(body)).png().toBuffer(), true)));
    const stored = storedHashesOf(logos);
    expect(stored.variants!.thumb.length).toBeGreaterThan(0);
    expect(stored.variants!.thumb.buffer).toBe(stored.thumb.buffer);
    expect(stored.variants!.thumb.byteOffset).toBe(stored.thumb.byteOffset + stored.thumb.byteLength);
    expect(stored.variants!.phash.buffer).toBe(stored.phash.buffer);

    // a mirrored JPEG of the second logo (met whole) and the third with the foot of its disc cut off, 8 % of its
    // height (met by a crop: a registry searches its crops, never its peels)
    const mirrored = await features(sharp(svg(LOGOS[1]!)).flop().jpeg({ quality: 70 }).toBuffer());
    const cut = await features(sharp(svg(LOGOS[2]!)).extract({ left: 0, top: 0, width: 240, height: 204 }).extend({ bottom: 12, background: '#fff' }).png().toBuffer());
    const inPlace = new LogoIndex(stored);
    const copied = new LogoIndex(apart(stored));
    expect(inPlace.search(mirrored, LOGO_RULE).map((m) => m.index)).toEqual([1]);
    const viaCrop = inPlace.search(cut, LOGO_RULE);
    expect(viaCrop.map((m) => [m.index, m.via])).toEqual([[2, 'crop']]);
    for (const q of [mirrored, cut]) {
      expect(copied.search(q, LOGO_RULE)).toEqual(inPlace.search(q, LOGO_RULE));
      expect(scanLogos(stored, q, LOGO_RULE)).toEqual(inPlace.search(q, LOGO_RULE));
    }
  });
});
