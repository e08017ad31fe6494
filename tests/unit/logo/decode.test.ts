// Decoding logos: small plain PNGs through pngjs, everything else through libvips, with the same pixels either way
// (transparency on white, fitted inside DECODE_SIDE²) and a Chinese reason for what cannot be read.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeWithSharp, DECODE_SIDE, IN_THREAD_PIXELS, openLogo, plainPng, type Rgb } from '../../../electron/logos/decode';
import { logoFeatures } from '../../../electron/logos/features';
import { bmpAsPng, readBmp } from '../../../electron/logos/bmp';
import { plainJpeg, readJpeg } from '../../../electron/logos/jpeg';
import { writeBmp } from '../../fixtures/bmp-writer';

/** A figure with soft edges and a half-transparent part, on a transparent ground. */
const svg = (side: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${Math.round(side * 0.75)}" viewBox="0 0 200 150">
  <circle cx="70" cy="70" r="50" fill="#1d3f8f"/><rect x="110" y="30" width="70" height="90" fill="#d22" fill-opacity="0.5"/>
  <path d="M20,140 L180,130" stroke="#093" stroke-width="6"/></svg>`;

const meanDifference = (a: Rgb, b: Rgb) => {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
};

/** A JPEG without its APP2 ICC_PROFILE segments. */
function withoutIccProfile(jpeg: Buffer): Buffer {
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const end = at + 2 + jpeg.readUInt16BE(at + 2);
    if (!(jpeg[at + 1] === 0xe2 && jpeg.toString('latin1', at + 4, at + 15) === 'ICC_PROFILE')) kept.push(jpeg.subarray(at, end));
    at = end;
  }
  kept.push(jpeg.subarray(at));
  return Buffer.concat(kept);
}

async function decoded(bytes: Buffer): Promise<Rgb> {
  const rgb = await openLogo(bytes).decode();
  if (!rgb.ok) throw new Error(rgb.error.message);
  return rgb.value;
}

describe('logo decoding', () => {
  it('reads a small PNG itself, and a large, 16-bit, interlaced or profiled one, or a JPEG, through libvips', async () => {
    const small = await sharp(Buffer.from(svg(240))).png().toBuffer();
    expect(plainPng(small)).toBe(true);
    expect(plainPng(await sharp(Buffer.from(svg(2400))).png().toBuffer())).toBe(false);
    expect(plainPng(await sharp(Buffer.from(svg(240))).png({ progressive: true }).toBuffer())).toBe(false);
    expect(plainPng(await sharp(Buffer.from(svg(240))).toColourspace('rgb16').png().toBuffer())).toBe(false);
    expect(plainPng(await sharp(Buffer.from(svg(240))).withIccProfile('p3').png().toBuffer())).toBe(false);
    expect(plainPng(await sharp(Buffer.from(svg(240))).jpeg().toBuffer())).toBe(false);
  });

  it('gives the pixels libvips gives: transparency on white, fitted inside the decoded side', async () => {
    for (const side of [60, 240, 900]) {
      const bytes = await sharp(Buffer.from(svg(side))).png().toBuffer();
      const mine = await decoded(bytes);
      expect(Math.max(mine.width, mine.height)).toBe(DECODE_SIDE);
      const theirs = await decodeWithSharp(bytes);
      if (!theirs.ok) throw new Error(theirs.error.message);
      // the same resampler after either reader (libvips shrinks the 900 px one to 512 first)
      expect(meanDifference(mine, theirs.value)).toBeLessThan(side > 512 ? 2 : 0.5);
      // a transparent corner is white
      expect([...mine.data.subarray(0, 3)]).toEqual([255, 255, 255]);
    }
  });

  it('hashes a PNG as it hashes the same image in a format libvips reads', async () => {
    const raw = await sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).raw().toBuffer({ resolveWithObject: true });
    const asPng = await sharp(raw.data, { raw: raw.info }).png().toBuffer();
    const asTiff = await sharp(raw.data, { raw: raw.info }).tiff({ compression: 'lzw' }).toBuffer();
    const a = await logoFeatures(asPng);
    const b = await logoFeatures(asTiff);
    if (!a.ok || !b.ok) throw new Error('unreadable');
    // one resampler for every format: the same pixels give the same features
    expect([...a.value.phash]).toEqual([...b.value.phash]);
    expect([...a.value.thumb]).toEqual([...b.value.thumb]);
    expect(a.value.variants.map((v) => v.kind)).toEqual(b.value.variants.map((v) => v.kind));
  });

  it('refuses a damaged PNG with a Chinese reason, whichever reader saw it first', async () => {
    const bytes = await sharp(Buffer.from(svg(240))).png().toBuffer();
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    const f = await logoFeatures(cut);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error.message).toMatch(/^无法读取图片/);
    const garbage = Buffer.concat([bytes.subarray(0, 40), Buffer.alloc(200, 7)]);
    const g = await logoFeatures(garbage);
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.error.message).toMatch(/^无法读取图片/);
  });
});

describe('BMP logos (bmp-ts; libvips has no BMP reader)', () => {
  /** An opaque RGBA raster of the figure, few enough colours for an 8-bit palette. */
  async function raster() {
    const { data, info } = await sharp(Buffer.from(svg(180))).flatten({ background: '#fff' }).png({ colours: 16 }).toBuffer({ resolveWithObject: true })
      .then(({ data: png }) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true }));
    return { width: info.width, height: info.height, data: new Uint8Array(data) };
  }

  it('reads 24-bit, 8-bit palette and 32-bit BMPs, bottom-up and top-down, as the same pixels and features as the PNG', async () => {
    const rgba = await raster();
    const png = await sharp(rgba.data, { raw: { width: rgba.width, height: rgba.height, channels: 4 } }).png().toBuffer();
    const fromPng = await decoded(png);
    // the whole figure's hashes compared: neither side's variants are this test's question
    const whole = { crops: false, queryVariants: false };
    const features = await logoFeatures(png, whole);
    if (!features.ok) throw new Error(features.error.message);
    for (const [kind, topDown] of [['24', false], ['24', true], ['8', false], ['32', false]] as const) {
      const bmp = writeBmp(rgba, kind, topDown);
      expect(readBmp(bmp)).toEqual({ ok: true, value: rgba });
      expect(await decoded(bmp)).toEqual(fromPng);
      const f = await logoFeatures(bmp, whole);
      if (!f.ok) throw new Error(f.error.message);
      expect([...f.value.phash]).toEqual([...features.value.phash]);
      expect([...f.value.thumb]).toEqual([...features.value.thumb]);
    }
    // five images hashed with every orientation: about 1.5 s on a quiet machine, more beside other work
  }, 30_000);

  it('stores a BMP as the lossless PNG of its pixels', async () => {
    const rgba = await raster();
    const png = await bmpAsPng(writeBmp(rgba));
    if (!png.ok) throw new Error(png.error.message);
    const back = await sharp(png.value).ensureAlpha().raw().toBuffer();
    expect(new Uint8Array(back)).toEqual(rgba.data);
  });

  it('refuses a cut or empty BMP with a Chinese reason', async () => {
    const bmp = writeBmp(await raster());
    for (const bad of [bmp.subarray(0, 20), bmp.subarray(0, 200), Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])]) {
      const f = await logoFeatures(bad);
      expect(f.ok).toBe(false);
      if (!f.ok) expect(f.error.message).toMatch(/^无法读取 BMP 图片：/);
    }
  });
});

describe('JPEG logos', () => {
  it('fits a gazette-size JPEG and a large one as the PNG of the same figure looks (one resampler for all formats)', async () => {
    for (const side of [240, 1600]) {
      const flat = sharp(Buffer.from(svg(side))).flatten({ background: '#fff' });
      const fromJpeg = await decoded(await flat.clone().jpeg({ quality: 95 }).toBuffer());
      const fromPng = await decoded(await flat.clone().png().toBuffer());
      expect(Math.max(fromJpeg.width, fromJpeg.height)).toBe(DECODE_SIDE);
      expect(meanDifference(fromJpeg, fromPng)).toBeLessThan(side > 512 ? 4 : 1.5);
    }
    // a grey JPEG is three equal channels, as libvips gives it
    const grey = await decoded(await sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).greyscale().jpeg().toBuffer());
    expect(grey.data.length).toBe(grey.width * grey.height * 3);
    expect(grey.data[300 * 3]).toBe(grey.data[300 * 3 + 1]);
  });

  it('reads a small plain JPEG itself (mozjpeg), and a CMYK, colour-profiled or large one through libvips', async () => {
    const flat = () => sharp(Buffer.from(svg(240))).flatten({ background: '#fff' });
    expect(plainJpeg(await flat().jpeg().toBuffer(), IN_THREAD_PIXELS)).toBe(true);
    expect(plainJpeg(await flat().jpeg({ progressive: true }).toBuffer(), IN_THREAD_PIXELS)).toBe(true);
    expect(plainJpeg(await flat().greyscale().jpeg().toBuffer(), IN_THREAD_PIXELS)).toBe(true);
    expect(plainJpeg(await flat().toColourspace('cmyk').jpeg().toBuffer(), IN_THREAD_PIXELS)).toBe(false);
    expect(plainJpeg(await flat().withIccProfile('p3').jpeg().toBuffer(), IN_THREAD_PIXELS)).toBe(false);
    expect(plainJpeg(await sharp(Buffer.from(svg(2400))).flatten({ background: '#fff' }).jpeg().toBuffer(), IN_THREAD_PIXELS)).toBe(false);
    expect(plainJpeg(await flat().png().toBuffer(), IN_THREAD_PIXELS)).toBe(false);
  });

  it('gives the pixels libvips gives for a plain JPEG, baseline or progressive, colour or grey', async () => {
    for (const make of [
      () => sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).jpeg({ quality: 80 }),
      () => sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).jpeg({ quality: 60, progressive: true }),
      () => sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).greyscale().jpeg(),
    ]) {
      const bytes = await make().toBuffer();
      expect(await readJpeg(bytes)).not.toBeNull();
      const theirs = await decodeWithSharp(bytes);
      if (!theirs.ok) throw new Error(theirs.error.message);
      // two IDCTs and chroma upsamplers round differently; after the fitting the levels agree within a step or two
      expect(meanDifference(await decoded(bytes), theirs.value)).toBeLessThan(1);
    }
  });

  it('reads a CMYK JPEG through libvips, in its colours, and an EXIF-turned one unturned as libvips does', async () => {
    const cmyk = await sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).toColourspace('cmyk').jpeg().toBuffer();
    expect(await readJpeg(cmyk)).toBeNull();
    const rgb = await decoded(cmyk);
    const fromPng = await decoded(await sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).png().toBuffer());
    expect(meanDifference(rgb, fromPng)).toBeLessThan(12);
    // sharp writes an orientation only with an sRGB profile beside it, which would send the file to libvips
    const turned = withoutIccProfile(await sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).jpeg().withMetadata({ orientation: 6 }).toBuffer());
    expect((await sharp(turned).metadata()).orientation).toBe(6);
    expect(plainJpeg(turned, IN_THREAD_PIXELS)).toBe(true);
    const theirs = await decodeWithSharp(turned);
    if (!theirs.ok) throw new Error(theirs.error.message);
    expect(meanDifference(await decoded(turned), theirs.value)).toBeLessThan(1);
  });

  it('refuses a cut JPEG with a Chinese reason', async () => {
    const bytes = await sharp(Buffer.from(svg(240))).flatten({ background: '#fff' }).jpeg().toBuffer();
    const f = await logoFeatures(bytes.subarray(0, Math.floor(bytes.length / 3)));
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error.message).toMatch(/^无法读取图片/);
  });
});
