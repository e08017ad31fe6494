// Symmetric emblems, measured apart: the generated set's logos are drawn at random and almost never symmetric, but
// real emblems often are (rings, shields, seals). Each of the first SYMMETRIC registry logos of the quality set is
// made symmetric (its left half and the mirror of it) and copied three ways — turned upside down and saved as JPEG,
// shrunk and saved as JPEG, scanned (a slight turn, blur, JPEG) — and searched among the symmetric logos under the
// shipped rule. Prints one line: the share of copies found per way, and the hits on other logos.
//   symmetric.ts DATA_DIR   (the quality set's folder, drawn by quality.ts)
import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { logoFeatures } from '../../electron/logos/features';
import { hasDetail } from '../../shared/engine/logo/detail';
import { LogoIndex } from '../../shared/engine/logo/logo-index';
import { COLOUR_BYTES } from '../../shared/engine/logo/colour';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { between, rng } from './draw';
import { type HashedSet, queryOf, storedOf } from './hashing';

const SYMMETRIC = 300;
const WAYS = ['upside-down JPEG', 'small JPEG', 'scanned'] as const;

/** The image with its right half replaced by the mirror of its left half. */
async function symmetric(file: string): Promise<Buffer> {
  const { data, info } = await sharp(file).flatten({ background: '#fff' }).raw().toBuffer({ resolveWithObject: true });
  const half = Math.floor(info.width / 2);
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < half; x++) {
      for (let c = 0; c < info.channels; c++) data[(y * info.width + info.width - 1 - x) * info.channels + c] = data[(y * info.width + x) * info.channels + c]!;
    }
  }
  return sharp(data, { raw: info }).png().toBuffer();
}

async function copy(r: () => number, way: (typeof WAYS)[number], image: Buffer): Promise<Buffer> {
  if (way === 'upside-down JPEG') return sharp(image).flip().jpeg({ quality: Math.round(between(r, 40, 85)) }).toBuffer();
  if (way === 'small JPEG') return sharp(image).resize(Math.round(between(r, 100, 180))).jpeg({ quality: Math.round(between(r, 30, 70)) }).toBuffer();
  return sharp(image).rotate(between(r, -1, 1), { background: '#fff' }).blur(between(r, 0.5, 1.2)).jpeg({ quality: 65 }).toBuffer();
}

async function main() {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: symmetric DATA_DIR');
  const registryDir = path.join(dir, 'registry');
  const files = readdirSync(registryDir).sort().slice(0, SYMMETRIC).map((f) => path.join(registryDir, f));
  const r = rng(4_242);
  const n = files.length;
  const set: HashedSet = { phash: new Uint32Array(n * 16), dhash: new Uint32Array(n * 16), thumb: new Uint8Array(n * 1024), failed: new Map(), variants: [], aspect: new Float64Array(n), symmetric: [], parts: [], printParts: [], printSymmetric: [], colour: new Uint8Array(n * COLOUR_BYTES) };
  const copies: Array<{ of: number; way: (typeof WAYS)[number]; bytes: Buffer }> = [];
  for (const [i, file] of files.entries()) {
    const image = await symmetric(file);
    const f = await logoFeatures(image);
    if (!f.ok) throw new Error(`${file}: ${f.error.message}`);
    set.phash.set(f.value.phash, i * 16);
    set.dhash.set(f.value.dhash, i * 16);
    set.thumb.set(f.value.thumb, i * 1024);
    set.aspect[i] = f.value.aspect;
    set.variants[i] = f.value.variants;
    set.symmetric[i] = f.value.symmetric;
    set.parts[i] = f.value.parts;
    set.printParts[i] = f.value.printParts;
    set.printSymmetric[i] = f.value.printSymmetric;
    set.colour.set(f.value.colour, i * COLOUR_BYTES);
    for (const way of WAYS) copies.push({ of: i, way, bytes: await copy(r, way, image) });
  }
  const index = new LogoIndex(storedOf(set));
  // figures with inner detail (shared/engine/logo/detail.ts) and plain ones meet different limits: count them apart
  const detailed = new Set(set.symmetric.flatMap((s, i) => (s && hasDetail(s.detail) ? [i] : [])));
  const foundDetailed = new Map<string, number>();
  const foundPlain = new Map<string, number>();
  const found = new Map<string, number>();
  let others = 0;
  for (const c of copies) {
    const f = await logoFeatures(c.bytes, { crops: false });
    if (!f.ok) continue;
    const q: HashedSet = { phash: f.value.phash, dhash: f.value.dhash, thumb: f.value.thumb, failed: new Map(), variants: [f.value.variants], aspect: Float64Array.of(f.value.aspect), symmetric: [f.value.symmetric], parts: [f.value.parts], printParts: [undefined], printSymmetric: [undefined], colour: f.value.colour };
    const hits = index.search(queryOf(q, 0), LOGO_RULE);
    if (hits.some((h) => h.index === c.of)) {
      found.set(c.way, (found.get(c.way) ?? 0) + 1);
      const tally = detailed.has(c.of) ? foundDetailed : foundPlain;
      tally.set(c.way, (tally.get(c.way) ?? 0) + 1);
    }
    others += hits.filter((h) => h.index !== c.of).length;
  }
  console.log(`symmetric emblems (${n} registry logos made symmetric, ${copies.length} copies): found ` +
    WAYS.map((w) => `${w} ${((found.get(w) ?? 0) / n).toFixed(3)}`).join(', ') + `; hits on other emblems ${others}; ` +
    `of the ${detailed.size} with inner detail (another colour inside the ink, or ground it encloses): ` +
    WAYS.map((w) => `${w} ${((foundDetailed.get(w) ?? 0) / Math.max(1, detailed.size)).toFixed(3)}`).join(', ') +
    `; of the ${n - detailed.size} plain figures (compared by LogoRule.symmetricPlain): ` +
    WAYS.map((w) => `${w} ${((foundPlain.get(w) ?? 0) / Math.max(1, n - detailed.size)).toFixed(3)}`).join(', '));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
