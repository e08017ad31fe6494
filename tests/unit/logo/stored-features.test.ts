// The features as the images table keeps them: read back equal to those computed; an older layout is refused.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures } from '../../../electron/logos/features';
import { decodeFeatures, encodeFeatures, featuresCurrent, queryFromStored } from '../../../electron/logos/stored-features';

const logo = () => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><rect x="30" y="20" width="60" height="100" fill="#1d3f8f"/>
  <circle cx="130" cy="70" r="40" fill="#c22"/><rect x="40" y="160" width="120" height="16" fill="#333"/></svg>`)).png().toBuffer();

describe('stored logo features', () => {
  it('reads back the thumbnail, box shape and parts with the hashes computed', async () => {
    const f = await logoFeatures(await logo());
    if (!f.ok) throw new Error(f.error.message);
    const blob = encodeFeatures(f.value);
    expect(featuresCurrent(blob)).toBe(true);
    const back = decodeFeatures(blob)!;
    expect(back.thumb).toEqual(f.value.thumb);
    expect(back.aspect).toBe(f.value.aspect);
    expect(back.variants.map((v) => [v.kind, v.aspect])).toEqual(f.value.variants.map((v) => [v.kind, v.aspect]));
    back.variants.forEach((v, k) => expect([v.phash, v.dhash]).toEqual([f.value.variants[k]!.phash, f.value.variants[k]!.dhash]));
    const query = queryFromStored(blob)!;
    expect([query.phash, query.dhash]).toEqual([f.value.phash, f.value.dhash]);
    expect(query.variants!.every((v) => v.kind === 'peel')).toBe(true);
  });

  it('refuses the layout before the trailer, another version and a cut-short column', async () => {
    const f = await logoFeatures(await logo());
    if (!f.ok) throw new Error(f.error.message);
    const blob = encodeFeatures(f.value);
    expect(decodeFeatures(blob.subarray(0, 1024))).toBeNull();
    const other = Buffer.from(blob);
    other[1024 + 3] = 1;
    expect(decodeFeatures(other)).toBeNull();
    expect(decodeFeatures(blob.subarray(0, blob.length - 1))).toBeNull();
    expect(queryFromStored(blob.subarray(0, 1024))).toBeNull();
  });
});
