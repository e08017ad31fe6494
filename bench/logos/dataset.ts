// The generated logo set (issue 12): registry logos drawn as SVG and rendered with sharp, imitations of ten kinds
// and negatives that share elements, labelled like the text sets (申请号,期望编号,类型) for ../shared/bench/score.mjs.
// Seeded: the same files on every run. Written once into a folder and reused (its done-v* file lists the rows).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import {
  between, CANVAS, emblemLogo, FONTS, lightBackground, type Logo, logoSvg, pick, randomColour, randomFigure, randomLogo, randomText,
  randomTextLine, rng, type Rand, SHAPES,
} from './draw';

export const IMITATION_KINDS = ['mirror', 'rotation', 'recolour', 'scale', 'crop', 'changed', 'added', 'text', 'jpeg', 'noise'] as const;
export const NEGATIVE_KINDS = ['layout', 'design', 'random'] as const;
export type Kind = (typeof IMITATION_KINDS)[number] | (typeof NEGATIVE_KINDS)[number];

export interface DatasetSize {
  /** registry logos that are imitated */
  targets: number;
  /** further registry logos nobody imitates (they can only be matched wrongly) */
  distractors: number;
  /** imitations per target and kind */
  perKind: number;
  /** negatives per target sharing its figures (layout) and its text (design), and unrelated ones */
  layoutPerTarget: number;
  designPerTarget: number;
  random: number;
}

export const DEFAULT_SIZE: DatasetSize = { targets: 100, distractors: 900, perKind: 2, layoutPerTarget: 20, designPerTarget: 20, random: 1000 };
/** Bump when the drawing changes, so a cached set is regenerated (the done file lists the rows). */
const VERSION = 5;
/** The share of registry logos drawn as symmetric emblems (emblemLogo), as many registered marks are. */
const EMBLEM_SHARE = 0.25;

export interface Row {
  id: string;
  expect: string;
  kind: Kind;
  /** the registry logo it was derived from ('' for unrelated negatives): the fit/holdout split follows it */
  family: string;
  file: string;
}

export const clone = (l: Logo): Logo => JSON.parse(JSON.stringify(l)) as Logo;
const png = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();
/**
 * A negative as a gazette prints it: a JPEG of middling quality. A clean render would keep its hash bits that only
 * rounding sets (the near-zero terms of a symmetric figure) and so be told apart by them, which no gazette image is.
 */
const gazette = (r: Rand, svg: string) => sharp(Buffer.from(svg)).flatten({ background: '#fff' }).jpeg({ quality: Math.round(between(r, 60, 90)) }).toBuffer();

/** FNV-1a of a string: the fit/holdout split (even → fit). */
export function splitOf(key: string): 'fit' | 'holdout' {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 'fit' : 'holdout';
}

/** Light figures on a dark ground: the same logo with figure and ground swapped in tone. */
function darkRecolour(r: Rand, l: Logo): Logo {
  const out = clone(l);
  out.background = `hsl(${Math.floor(r() * 360)},50%,${10 + Math.floor(r() * 10)}%)`;
  const light = () => `hsl(${Math.floor(r() * 360)},60%,${72 + Math.floor(r() * 20)}%)`;
  for (const f of out.figures) f.colour = light();
  for (const t of out.texts) t.colour = light();
  return out;
}

async function imitation(r: Rand, kind: (typeof IMITATION_KINDS)[number], l: Logo): Promise<Buffer> {
  const original = () => png(logoSvg(l));
  switch (kind) {
    case 'mirror':
      return r() < 0.5 ? sharp(await original()).flop().png().toBuffer() : sharp(await original()).flip().png().toBuffer();
    case 'rotation': {
      const turned = sharp(await original()).rotate(pick(r, [90, 180, 270]));
      return (r() < 0.3 ? sharp(await turned.png().toBuffer()).flop() : turned).png().toBuffer();
    }
    case 'recolour': {
      if (r() < 0.2) return png(logoSvg(darkRecolour(r, l)));
      const out = clone(l);
      out.background = lightBackground(r);
      for (const f of out.figures) f.colour = randomColour(r);
      for (const t of out.texts) t.colour = randomColour(r);
      return png(logoSvg(out));
    }
    case 'scale': {
      // the registered drawing at another size on a canvas with another margin: drawn again whole at that margin
      // (set v4), a figure the registered image's edge cuts showed more of itself, which is another drawing, not
      // this one scaled (6 of the 9 scale copies v4's three holdouts missed, logo/MEASUREMENTS.md)
      const side = Math.round(between(r, 80, 720));
      const margin = Math.round(side * between(r, 0.01, 0.3));
      const inner = Math.max(8, side - 2 * margin);
      return sharp(await png(logoSvg(l, inner))).extend({ top: margin, bottom: margin, left: margin, right: margin, background: l.background }).png().toBuffer();
    }
    case 'crop': {
      const trimmed = await sharp(await original()).trim().png().toBuffer({ resolveWithObject: true });
      const { width: w, height: h } = trimmed.info;
      const cut = () => between(r, 0.04, 0.1);
      const side = Math.floor(r() * 4);
      const left = side === 0 ? Math.round(w * cut()) : 0;
      const top = side === 1 ? Math.round(h * cut()) : 0;
      const right = side === 2 ? Math.round(w * cut()) : 0;
      const bottom = side === 3 ? Math.round(h * cut()) : 0;
      return sharp(trimmed.data).extract({ left, top, width: w - left - right, height: h - top - bottom })
        .extend({ top: 12, bottom: 12, left: 12, right: 12, background: l.background }).png().toBuffer();
    }
    case 'changed': {
      const out = clone(l);
      const t = out.texts[0];
      if (t && (out.figures.length < 2 || r() < 0.4)) {
        const chars = [...t.text];
        chars[Math.floor(r() * chars.length)] = randomText(r, 1);
        t.text = chars.join('');
      } else {
        // a minor figure when there is one: the main figure is the mark's heart
        const f = out.figures.length > 1 ? out.figures[1 + Math.floor(r() * (out.figures.length - 1))]! : out.figures[0]!;
        f.shape = pick(r, SHAPES.filter((s) => s !== f.shape));
      }
      return png(logoSvg(out));
    }
    case 'added': {
      const out = clone(l);
      out.figures.push({ ...randomFigure(r, between(r, 10, 20)), x: pick(r, [8, 92]), y: between(r, 10, 90) });
      return png(logoSvg(out));
    }
    case 'text': {
      const out = clone(l);
      out.texts.push({ ...randomTextLine(r, pick(r, [3, 101])), size: between(r, 6, 9) });
      return png(logoSvg(out));
    }
    case 'jpeg': {
      const side = Math.round(between(r, 120, 256));
      return sharp(await original()).resize(side).jpeg({ quality: Math.round(between(r, 15, 45)) }).toBuffer();
    }
    case 'noise':
      return scanned(r, await original());
  }
}

/** A print-and-scan look: paper tint, a slight skew, blur, grain, specks, then JPEG. */
async function scanned(r: Rand, image: Buffer): Promise<Buffer> {
  const skewed = await sharp(image).rotate(between(r, -2, 2), { background: '#ffffff' }).blur(between(r, 0.5, 1.2))
    .removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { data, info } = skewed;
  const tint = between(r, 0.9, 0.98);
  const sigma = between(r, 6, 16);
  for (let i = 0; i < data.length; i++) {
    // Box–Muller would be exact; the sum of three uniforms is near enough to gaussian grain
    const grain = (r() + r() + r() - 1.5) * 2 * sigma;
    data[i] = Math.max(0, Math.min(255, data[i]! * tint + grain));
  }
  const specks = Math.round(info.width * info.height * between(r, 0.0005, 0.002));
  for (let s = 0; s < specks; s++) {
    const p = Math.floor(r() * info.width * info.height) * info.channels;
    for (let c = 0; c < info.channels; c++) data[p + c] = 30;
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: 70 }).toBuffer();
}

/** The same figures and text placed, sized and turned otherwise. */
function otherLayout(r: Rand, l: Logo): Logo {
  const out = clone(l);
  for (const f of out.figures) Object.assign(f, { x: between(r, 20, 80), y: between(r, 20, 80), size: f.size * between(r, 0.6, 1.3), turn: between(r, 0, 360) });
  for (const t of out.texts) Object.assign(t, { y: pick(r, [between(r, 8, 20), between(r, 40, 60), between(r, 80, 95)]), size: t.size * between(r, 0.7, 1.4) });
  return out;
}

/** The same text in another font, colour and place, with other figures. */
function otherDesign(r: Rand, l: Logo): Logo {
  const out = randomLogo(r);
  const text = l.texts[0]?.text ?? randomText(r, 3);
  const font = (l.texts[0]?.font ?? 0) + 1 + Math.floor(r() * (FONTS.length - 1));
  out.texts = [{ ...randomTextLine(r), text, font: font % FONTS.length }];
  return out;
}

export interface Dataset {
  rows: Row[];
  registry: Array<{ id: string; file: string }>;
  /**
   * The registry logos drawn as one figure without text. A 'changed' imitation of such a logo replaces that figure
   * with another shape in its colour (there is no minor figure or name to change): nothing of the mark's drawing is
   * left, and quality.ts reports those apart.
   */
  soleFigures: ReadonlySet<string>;
}

/** The seed of the set the rule is chosen on and reported by (its fit and holdout halves). */
export const DEFAULT_SEED = 20261201;

/** The registry's logos, the generator's first draws: imitated ones (T…) first, then the others (X…). */
function drawRegistry(r: Rand, size: DatasetSize): Array<{ id: string; file: string; logo: Logo }> {
  const registry: Array<{ id: string; file: string; logo: Logo }> = [];
  const registryLogo = () => (r() < EMBLEM_SHARE ? emblemLogo(r) : randomLogo(r));
  for (let i = 1; i <= size.targets; i++) registry.push({ id: `T${String(i).padStart(4, '0')}`, file: '', logo: registryLogo() });
  for (let i = 1; i <= size.distractors; i++) registry.push({ id: `X${String(i).padStart(4, '0')}`, file: '', logo: registryLogo() });
  return registry;
}

/** The registry's logos as data, in registry.csv's order: what a probe redraws in ways the set does not (wrappers.ts). */
export const registryLogos = (size = DEFAULT_SIZE, seed = DEFAULT_SEED): Logo[] => drawRegistry(rng(seed), size).map((m) => m.logo);

/**
 * Writes the set into dir (unless it is there) and returns its rows and registry. Another seed draws another set of
 * the same kinds (quality.ts --seed): what a change is studied on, leaving the default set's holdout unseen.
 */
export async function writeDataset(dir: string, size = DEFAULT_SIZE, log = (_: string) => {}, seed = DEFAULT_SEED): Promise<Dataset> {
  const r = rng(seed);
  const registry = drawRegistry(r, size);
  const done = path.join(dir, `done-v${VERSION}${seed === DEFAULT_SEED ? '' : `-seed${seed}`}`);
  // which logos are one figure without text: the drawing (above) is the same on every call, the files written once
  const soleFigures = new Set(registry.filter((m) => m.logo.figures.length === 1 && m.logo.texts.length === 0).map((m) => m.id));
  if (existsSync(done)) return { ...(JSON.parse(readFileSync(done, 'utf8')) as Omit<Dataset, 'soleFigures'>), soleFigures };
  mkdirSync(path.join(dir, 'registry'), { recursive: true });
  mkdirSync(path.join(dir, 'filings'), { recursive: true });
  for (const m of registry) {
    m.file = path.join('registry', `${m.id}.png`);
    writeFileSync(path.join(dir, m.file), await png(logoSvg(m.logo)));
  }
  log(`registry: ${registry.length} logos`);
  const rows: Row[] = [];
  let next = 70_000_001;
  const add = async (kind: Kind, expect: string, family: string, make: () => Promise<Buffer>) => {
    const id = String(next++);
    const bytes = await make();
    const file = path.join('filings', `${id}.${bytes[0] === 0xff ? 'jpg' : 'png'}`);
    writeFileSync(path.join(dir, file), bytes);
    rows.push({ id, expect, kind, family, file });
  };
  const targets = registry.slice(0, size.targets);
  for (const m of targets) {
    for (const kind of IMITATION_KINDS) for (let j = 0; j < size.perKind; j++) await add(kind, m.id, m.id, () => imitation(r, kind, m.logo));
  }
  log(`imitations: ${rows.length}`);
  for (const m of targets) {
    for (let j = 0; j < size.layoutPerTarget; j++) await add('layout', '', m.id, () => gazette(r, logoSvg(otherLayout(r, m.logo))));
    for (let j = 0; j < size.designPerTarget; j++) await add('design', '', m.id, () => gazette(r, logoSvg(otherDesign(r, m.logo))));
  }
  for (let j = 0; j < size.random; j++) await add('random', '', '', () => gazette(r, logoSvg(r() < EMBLEM_SHARE ? emblemLogo(r) : randomLogo(r), CANVAS)));
  log(`filings: ${rows.length}`);
  const csv = (lines: string[][]) => lines.map((l) => l.join(',')).join('\n') + '\n';
  writeFileSync(path.join(dir, 'registry.csv'), csv([['编号', '图片'], ...registry.map((m) => [m.id, m.file])]));
  writeFileSync(path.join(dir, 'filings.csv'), csv([['申请号', '图片'], ...rows.map((x) => [x.id, x.file])]));
  for (const part of ['fit', 'holdout'] as const) {
    const mine = rows.filter((x) => splitOf(x.family || x.id) === part);
    writeFileSync(path.join(dir, `labels-${part}.csv`), csv([['申请号', '期望编号', '类型'], ...mine.map((x) => [x.id, x.expect, x.kind])]));
  }
  const set = { rows, registry: registry.map(({ id, file }) => ({ id, file })) };
  writeFileSync(done, JSON.stringify(set));
  return { ...set, soleFigures };
}
