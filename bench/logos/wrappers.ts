// Copies the quality set does not draw, measured apart: how a registry logo fares when the copy comes wrapped as a
// gazette clipping or a listing's picture does — white margin, a number printed below, tinted paper, light on dark,
// grey, blurred, small, a thin rule drawn round it (at the edge, further in, wider; and round a logo on a tinted
// ground pasted into a white page), tilted (a page scanned askew, a photo taken at a slant), stretched (a picture
// forced into a fixed box; 0.6 wide is beyond the allowance, limits.ts STRETCH_ALLOWANCE), with a name set beside
// it (regions.ts gapRegions), in a ring drawn round it (regions.ts isEnclosure) and as a label on a product in a
// photo (grounds.ts: centred, in a corner, before a busy backdrop); and redrawn as line art, its edges only, with a
// drop shadow (shadow.ts), or filled with gradients fading downward. WRAPPED registry logos of the quality set
// (every 7th), each copied every way as a JPEG and searched among its 1,000 logos with their crops under the shipped
// rule. Prints one line: the copies found per way, and the copies whose hits were all other logos.
//   wrappers.ts DATA_DIR [WAY [FIRST]]   (the quality set's folder, drawn by quality.ts; WAY: only the ways whose name
//   holds it; FIRST: the first logo copied, 0 by default — another start copies other logos, a probe not tuned on)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { logoFeatures } from '../../electron/logos/features';
import { LogoIndex } from '../../shared/engine/logo/logo-index';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { hashFiles, storedOf } from './hashing';
import { filteredSvg, gradientSvg, logoSvg, type Logo, SHADOWS } from './draw';
import { registryLogos } from './dataset';

const WRAPPED = 100;

/** The logo on its own ground widened by `at` + 10 pixels, a rule of `stroke` pixels drawn `at` pixels in. */
async function framed(image: Buffer, at: number, stroke = 2): Promise<Buffer> {
  const { data } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const ground = { r: data[0]!, g: data[1]!, b: data[2]! };
  const meta = await sharp(image).metadata();
  const w = meta.width! + 2 * at + 20;
  const h = meta.height! + 2 * at + 20;
  const rule = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect x="${at}" y="${at}" width="${w - 2 * at}" height="${h - 2 * at}" fill="none" stroke="#000" stroke-width="${stroke}"/></svg>`;
  const widened = await sharp(image).flatten({ background: ground }).extend({ top: at + 10, bottom: at + 10, left: at + 10, right: at + 10, background: ground }).png().toBuffer();
  return sharp(widened).composite([{ input: Buffer.from(rule), left: 0, top: 0 }]).jpeg({ quality: 80 }).toBuffer();
}

/** The logo as it is (its own ground, tinted or white) pasted into a white page 20 pixels wider, a rule round it. */
async function pasted(image: Buffer): Promise<Buffer> {
  const meta = await sharp(image).metadata();
  const w = meta.width! + 40;
  const h = meta.height! + 40;
  const rule = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect x="3" y="3" width="${w - 6}" height="${h - 6}" fill="none" stroke="#000" stroke-width="2"/></svg>`;
  return sharp({ create: { width: w, height: h, channels: 3, background: '#fff' } })
    .composite([{ input: image, left: 20, top: 20 }, { input: Buffer.from(rule), left: 0, top: 0 }]).jpeg({ quality: 80 }).toBuffer();
}

const WAYS: Record<string, (image: Buffer) => Promise<Buffer>> = {
  'as drawn': (b) => sharp(b).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer(),
  'white margin': async (b) => {
    const m = await sharp(b).metadata();
    return sharp(b).flatten({ background: '#fff' }).extend({ bottom: m.height!, left: m.width! / 2, right: m.width! / 2, background: '#fff' }).jpeg({ quality: 80 }).toBuffer();
  },
  'number below': async (b) => {
    const m = await sharp(b).metadata();
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height! + 40}"><text x="4" y="${m.height! + 30}" font-size="16" fill="#000">第 12345678 号</text></svg>`;
    return sharp({ create: { width: m.width!, height: m.height! + 40, channels: 3, background: '#fff' } })
      .composite([{ input: b, left: 0, top: 0 }, { input: Buffer.from(text), left: 0, top: 0 }]).jpeg({ quality: 80 }).toBuffer();
  },
  'tinted paper': (b) => sharp(b).flatten({ background: '#f3ead2' }).modulate({ brightness: 0.97 }).jpeg({ quality: 70 }).toBuffer(),
  'light on dark': (b) => sharp(b).flatten({ background: '#fff' }).negate().jpeg({ quality: 80 }).toBuffer(),
  grey: (b) => sharp(b).flatten({ background: '#fff' }).grayscale().jpeg({ quality: 80 }).toBuffer(),
  blurred: (b) => sharp(b).flatten({ background: '#fff' }).blur(1.5).jpeg({ quality: 70 }).toBuffer(),
  '64 px': (b) => sharp(b).flatten({ background: '#fff' }).resize(64).jpeg({ quality: 80 }).toBuffer(),
  'rule at the edge': (b) => framed(b, 3),
  'rule 10 px in': (b) => framed(b, 10),
  '4 px rule 16 px in': (b) => framed(b, 16, 4),
  'pasted into a ruled page': pasted,
  'tilted 3°': (b) => tilted(b, 3),
  'tilted −6°': (b) => tilted(b, -6),
  'tilted 10°': (b) => tilted(b, 10),
  'tilted −14°': (b) => tilted(b, -14),
  'tilted 25°': (b) => tilted(b, 25),
  'stretched 1.15 wide': (b) => stretched(b, 1.15, 1),
  'stretched 1.3 tall': (b) => stretched(b, 1, 1.3),
  'stretched 1.5 wide': (b) => stretched(b, 1.5, 1),
  'squeezed 0.6 wide': (b) => stretched(b, 0.6, 1),
  'name beside': nameBeside,
  'in a ring': inRing,
  'label on a product': (b) => onProduct(b, 0.6, false, false),
  'label in a product\'s corner': (b) => onProduct(b, 0.35, true, false),
  'label on a product, busy backdrop': (b) => onProduct(b, 0.5, false, true),
};

/**
 * A listing's photo (480 × 400): a shaded backdrop (busy: thirty faint discs on it), a shaded product before it,
 * and on the product the logo as a label on its own white ground, `share` of the product's side, centred or in
 * its upper left corner. The colours follow from the image's size, so every run draws the same photos.
 */
async function onProduct(image: Buffer, share: number, corner: boolean, busy: boolean): Promise<Buffer> {
  const W = 480, H = 400;
  const hue = (image.length * 7) % 360;
  const disc = (k: number) => `<circle cx="${(k * 149) % W}" cy="${(k * 83) % H}" r="${4 + ((k * 37) % 20)}" fill="hsl(${(k * 53) % 360},30%,${50 + ((k * 17) % 30)}%)" opacity="0.5"/>`;
  const photo = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs>` +
    `<linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${(hue + 180) % 360},15%,88%)"/><stop offset="1" stop-color="hsl(${(hue + 180) % 360},20%,68%)"/></linearGradient>` +
    `<linearGradient id="p" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,55%)"/><stop offset="1" stop-color="hsl(${hue},45%,38%)"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#b)"/>${busy ? Array.from({ length: 30 }, (_, k) => disc(k)).join('') : ''}` +
    `<rect x="${W * 0.18}" y="${H * 0.1}" width="${W * 0.64}" height="${H * 0.85}" rx="24" fill="url(#p)"/></svg>`;
  const side = Math.round(Math.min(W * 0.64, H * 0.85) * share);
  const label = await sharp(image).flatten({ background: '#fff' }).resize(side, side, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
  const left = corner ? Math.round(W * 0.18 + 16) : Math.round((W - label.info.width) / 2);
  const top = corner ? Math.round(H * 0.1 + 16) : Math.round((H - label.info.height) / 2);
  return sharp(Buffer.from(photo)).composite([{ input: label.data, left, top }]).jpeg({ quality: 82 }).toBuffer();
}

/** The logo on white in the middle of a canvas half again as wide, a 5 px ring drawn round it (a seal, a badge). */
async function inRing(image: Buffer): Promise<Buffer> {
  const { width } = await sharp(image).metadata();
  const side = Math.round(width! * 1.5);
  const ring = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="100%" height="100%" fill="#fff"/>` +
    `<circle cx="${side / 2}" cy="${side / 2}" r="${side / 2 - 6}" fill="none" stroke="#333" stroke-width="5"/></svg>`;
  const at = Math.round((side - width!) / 2);
  return sharp(Buffer.from(ring)).composite([{ input: await sharp(image).flatten({ background: '#fff' }).png().toBuffer(), left: at, top: at }])
    .jpeg({ quality: 80 }).toBuffer();
}

/** Four characters (the set's own glyph outlines) 24 pixels beside the logo on white: a combination mark in a row. */
const NAME: Logo = { background: '#ffffff', figures: [], texts: [{ text: '青海湖畔', font: 0, x: 50, y: 50, size: 22, colour: '#1c1c1c' }] };

async function nameBeside(image: Buffer): Promise<Buffer> {
  const { width, height } = await sharp(image).metadata();
  const name = await sharp(Buffer.from(logoSvg(NAME, height!))).trim().png().toBuffer({ resolveWithObject: true });
  return sharp({ create: { width: width! + 24 + name.info.width, height: height!, channels: 3, background: '#ffffff' } })
    .composite([{ input: await sharp(image).flatten({ background: '#fff' }).png().toBuffer(), left: 0, top: 0 },
      { input: name.data, left: width! + 24, top: Math.round((height! - name.info.height) / 2) }])
    .jpeg({ quality: 80 }).toBuffer();
}

/** The logo on white resized to fx times its width and fy times its height (a picture forced into a fixed box). */
async function stretched(image: Buffer, fx: number, fy: number): Promise<Buffer> {
  const { width, height } = await sharp(image).metadata();
  return sharp(image).flatten({ background: '#fff' }).resize(Math.round(width! * fx), Math.round(height! * fy), { fit: 'fill' })
    .jpeg({ quality: 80 }).toBuffer();
}

/** The logo on white turned clockwise by degrees, the uncovered corners white. */
const tilted = (image: Buffer, degrees: number) => sharp(image).flatten({ background: '#fff' }).rotate(degrees, { background: '#fff' }).jpeg({ quality: 80 }).toBuffer();

/**
 * Copies redrawn from the logo itself rather than made from its image: the whole logo as line art, every figure and
 * glyph its edges only (a squatter's outline of a filled emblem), in a thin and a heavier stroke; and with a drop
 * shadow under its figures and name (shared/engine/logo/shadow.ts): soft and black, solid and grey, deep and black;
 * and every figure and glyph filled with a gradient from its colour to 60 % or 30 % of it (a flat logo "modernised").
 */
const REDRAWN: Record<string, (logo: Logo) => Promise<Buffer>> = {
  'outline 3 px': (l) => sharp(Buffer.from(logoSvg(l, 256, undefined, 3))).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer(),
  'outline 6 px': (l) => sharp(Buffer.from(logoSvg(l, 256, undefined, 6))).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer(),
  'soft shadow': (l) => shadowed(l, SHADOWS.soft),
  'grey shadow': (l) => shadowed(l, SHADOWS.grey),
  'deep shadow': (l) => shadowed(l, SHADOWS.deep),
  'grey shadow, printed grey': async (l) => sharp(await shadowed(l, SHADOWS.grey)).grayscale().jpeg({ quality: 80 }).toBuffer(),
  'fading to 60 %': (l) => sharp(Buffer.from(gradientSvg(logoSvg(l, 256), 0.6))).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer(),
  'fading to 30 %': (l) => sharp(Buffer.from(gradientSvg(logoSvg(l, 256), 0.3))).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer(),
};

/** The logo drawn again with a drop shadow under its figures and name, as a JPEG. */
const shadowed = (logo: Logo, primitive: string) =>
  sharp(Buffer.from(filteredSvg(logoSvg(logo, 256), primitive))).flatten({ background: '#fff' }).jpeg({ quality: 80 }).toBuffer();

async function main() {
  const [dir, only, firstArg] = process.argv.slice(2);
  const first = Number(firstArg ?? 0);
  if (!dir) throw new Error('usage: wrappers.ts DATA_DIR');
  const registry = readFileSync(path.join(dir, 'registry.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]!);
  const set = await hashFiles(registry.map((f) => path.join(dir, f)), 8, { crops: true });
  const index = new LogoIndex(storedOf(set));
  const out: string[] = [];
  const logos = registryLogos();
  if (logos.length !== registry.length) throw new Error(`the set's registry holds ${registry.length} logos, the default drawing ${logos.length}`);
  const ways = [
    ...Object.entries(WAYS).map(([way, make]) => [way, (j: number) => make(readFileSync(path.join(dir, registry[j]!)))] as const),
    ...Object.entries(REDRAWN).map(([way, make]) => [way, (j: number) => make(logos[j]!)] as const),
  ];
  for (const [way, make] of ways.filter(([way]) => !only || way.includes(only))) {
    let found = 0;
    let elsewhere = 0;
    for (let k = 0; k < WRAPPED; k++) {
      const j = (first + k * 7) % registry.length;
      const f = await logoFeatures(await make(j), { crops: false });
      if (!f.ok) continue;
      const hits = index.search(f.value, LOGO_RULE);
      if (hits.some((m) => m.index === j)) found++;
      else if (hits.length) elsewhere++;
    }
    out.push(`${way} ${found}/${WRAPPED}${elsewhere ? ` (${elsewhere} only elsewhere)` : ''}`);
  }
  console.log(`wrapped copies of ${WRAPPED} registry logos found (JPEG, among ${registry.length} logos): ${out.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
