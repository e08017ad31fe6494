// Logo features end to end on images drawn here as SVG and rendered by sharp: copies that are mirrored, turned,
// recoloured or scaled stay near; a different figure is far; unreadable and blank images are refused in Chinese.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { logoDistance } from '../../../shared/engine/logo/match';

/** An asymmetric figure (a flag on a pole beside a disc), so that a mirror or a turn really changes the pixels. */
function flagSvg(opts: { fg?: string; accent?: string; bg?: string; size?: number; margin?: number } = {}): string {
  const { fg = '#1d3f8f', accent = '#d22', bg = '#fff', size = 240, margin = 20 } = opts;
  const s = (size - 2 * margin) / 200;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="${bg}"/>
    <g transform="translate(${margin},${margin}) scale(${s})">
      <rect x="20" y="10" width="14" height="180" fill="${fg}"/>
      <polygon points="34,14 150,40 34,86" fill="${accent}"/>
      <circle cx="140" cy="150" r="38" fill="${fg}"/>
    </g></svg>`;
}

function otherSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
    <rect width="100%" height="100%" fill="#fff"/>
    <rect x="30" y="100" width="180" height="40" fill="#222"/>
    <rect x="100" y="30" width="40" height="180" fill="#222"/>
    <circle cx="60" cy="60" r="16" fill="#222"/></svg>`;
}

const png = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

async function features(image: Buffer | Promise<Buffer>): Promise<LogoFeatures> {
  const r = await logoFeatures(await image);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Distance of b's best orientation to a as stored. */
function distance(a: LogoFeatures, b: LogoFeatures) {
  const stored = { phash: a.phash.slice(0, 2), dhash: a.dhash.slice(0, 2) };
  return logoDistance(b, stored, 0);
}

describe('logo features', () => {
  it('finds a mirrored, turned, recoloured or scaled copy near and a different figure far', async () => {
    const original = await features(png(flagSvg()));
    const copies = {
      mirrored: await features(sharp(await png(flagSvg())).flop().png().toBuffer()),
      turned: await features(sharp(await png(flagSvg())).rotate(90).png().toBuffer()),
      upsideDown: await features(sharp(await png(flagSvg())).rotate(180).png().toBuffer()),
      recoloured: await features(png(flagSvg({ fg: '#0a7d35', accent: '#f0a000' }))),
      reversed: await features(png(flagSvg({ fg: '#fff', accent: '#eee', bg: '#123' }))),
      scaled: await features(png(flagSvg({ size: 90, margin: 4 }))),
      jpeg: await features(sharp(await png(flagSvg())).jpeg({ quality: 35 }).toBuffer()),
    };
    const other = distance(original, await features(png(otherSvg())));
    for (const [name, copy] of Object.entries(copies)) {
      const d = distance(original, copy);
      expect({ name, near: d.phash <= 10 && d.dhash <= 12 }).toEqual({ name, near: true });
      expect(d.phash + d.dhash).toBeLessThan(other.phash + other.dhash);
    }
    expect(other.phash + other.dhash).toBeGreaterThan(40);
  });

  it('reports which orientation matched: a left-right mirror is orientation 1, a half turn 3', async () => {
    const original = await features(png(flagSvg()));
    const mirrored = await features(sharp(await png(flagSvg())).flop().png().toBuffer());
    const halfTurn = await features(sharp(await png(flagSvg())).rotate(180).png().toBuffer());
    expect(distance(original, mirrored).orientation).toBe(1);
    expect(distance(original, halfTurn).orientation).toBe(3);
    // as it is, the mirror is not near: the turns are what find it
    const asIs = { phash: original.phash.slice(0, 2), dhash: original.dhash.slice(0, 2) };
    const unturned = { phash: mirrored.phash.slice(0, 2), dhash: mirrored.dhash.slice(0, 2) };
    expect(logoDistance(unturned, asIs, 0).phash).toBeGreaterThan(15);
  });

  it('crops to the content: the same figure on a larger canvas with a wide margin hashes the same', async () => {
    const tight = await features(png(flagSvg({ size: 200, margin: 2 })));
    const loose = await features(png(flagSvg({ size: 600, margin: 220 })));
    const d = distance(tight, loose);
    expect(d.phash + d.dhash).toBeLessThanOrEqual(10);
  });

  it('keeps a recoloured logo within a few bits: pale yellow, dark ground or gray, the figure reads the same', async () => {
    const original = await features(png(flagSvg()));
    const recolours = [
      { fg: '#f5d000', accent: '#7a3' },
      { fg: '#eee', accent: '#9cf', bg: '#202838' },
      { fg: '#555', accent: '#999', bg: '#f4f0e8' },
    ];
    for (const colours of recolours) {
      const copy = await features(png(flagSvg(colours)));
      const d = distance(original, copy);
      expect({ colours, phash: d.phash <= 4, dhash: d.dhash <= 6 }).toEqual({ colours, phash: true, dhash: true });
    }
  });

  it('refuses unreadable bytes and a blank image with a Chinese message', async () => {
    const garbage = await logoFeatures(Buffer.from('not an image at all'));
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.error.message).toMatch(/^无法读取图片/);
    const blank = await logoFeatures(await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fff' } }).png().toBuffer());
    expect(blank).toEqual({ ok: false, error: { kind: 'invalid-input', message: '图片为空白，没有可比对的图形' } });
  });
});
