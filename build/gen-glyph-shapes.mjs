#!/usr/bin/env node
// Generates the rendered-shape look-alike table of the matching engine (shared/engine/data/shapes.ts):
// every character of the common set — GB 2312 levels 1 and 2, the 2013 general standard set and the variant forms the
// folding table maps onto it (shared/engine/data/variants.ts) — plus kana and other cross-script forms is rendered with
// Noto Sans SC (npm @expo-google-fonts/noto-sans-sc, OFL) through opentype.js and sharp, reduced to a blurred ink map,
// and compared with every other by the correlation of those maps. Close pairs are kept. The output is committed; CI
// and tests never run this script. Run: node build/gen-glyph-shapes.mjs [--probe 雪雷 …]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype from 'opentype.js';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const probe = process.argv.includes('--probe') ? process.argv.slice(process.argv.indexOf('--probe') + 1) : null;

const CELL = 64; // rendering size of one character
const COARSE = 8; // side of the map of the all-pairs first pass
const COARSE_MIN = 0.6; // the coarse pass's bound on the pairs compared finely
// Two measures of the blurred ink maps, both needed: correlation catches the same overall layout, the soft overlap
// the same strokes in the same places. Calibrated with --probe on pairs such as 雪/雷, 未/末, 己/已 (alike) and
// 人/大, 东/车, 银/根 (not alike).
const MIN_CORRELATION = 0.78;
const MIN_OVERLAP = 0.66;
/** A rare character this close to a common one is a look-alike stand-in for it (folded at normalisation). */
const STAND_IN = 0.86;
/** Kana and strokes are compared after scaling both glyphs to fill the cell, which blurs size: a looser bar. */
const CROSS_STAND_IN = 0.66;

// ---- the character sets
const fontFile = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const font = opentype.parse(readFileSync(fontFile).buffer);
const hasGlyph = (ch) => font.charToGlyphIndex(ch) > 0;
const isHan = (ch) => /\p{Script=Han}/u.test(ch);
const gb = new TextDecoder('gb18030');
const common = new Set();
for (let hi = 0xb0; hi <= 0xf7; hi++) {
  for (let lo = 0xa1; lo <= 0xfe; lo++) {
    const ch = gb.decode(new Uint8Array([hi, lo]));
    if (isHan(ch)) common.add(ch);
  }
}
const readings = readFileSync(path.join(root, 'shared/engine/data/readings.ts'), 'utf8');
for (const line of readings.split('\n')) {
  const ch = String.fromCodePoint(line.codePointAt(0) ?? 32);
  if (isHan(ch)) common.add(ch);
}
const folded = new Set();
for (const line of readFileSync(path.join(root, 'shared/engine/data/variants.ts'), 'utf8').split('\n')) {
  const [from, to] = Array.from(line);
  if (from && to && isHan(from) && isHan(to)) folded.add(from);
}
const commonChars = [...common].filter(hasGlyph);
// rare characters of the unified block that the folding table does not map: a squatter's stand-ins
const rareChars = [];
for (let c = 0x4e00; c <= 0x9fff; c++) {
  const ch = String.fromCodePoint(c);
  if (!common.has(ch) && !folded.has(ch) && hasGlyph(ch)) rareChars.push(ch);
}
// cross-script forms a filing may write for a Han character: kana and CJK strokes that NFKC leaves alone
const crossChars = [];
for (const [a, b] of [[0x3041, 0x30ff], [0x31c0, 0x31e3], [0x31f0, 0x31ff]]) {
  for (let c = a; c <= b; c++) {
    const ch = String.fromCodePoint(c);
    // punctuation (the katakana middle dot ・ that titles use as a separator) stands in for nothing
    if (hasGlyph(ch) && ch.normalize('NFKC') === ch && !/\p{P}/u.test(ch)) crossChars.push(ch);
  }
}
console.error(`characters: ${commonChars.length} common, ${rareChars.length} rare, ${crossChars.length} cross-script`);

// ---- rendering, a sheet of 64 × 64 cells at a time
async function render(chars) {
  const cols = 64;
  const inks = [];
  for (let start = 0; start < chars.length; start += cols * cols) {
    const sheet = chars.slice(start, start + cols * cols);
    const rows = Math.ceil(sheet.length / cols);
    let d = '';
    sheet.forEach((ch, i) => {
      d += font.getPath(ch, (i % cols) * CELL, Math.floor(i / cols) * CELL + CELL * 0.88, CELL).toPathData(1);
    });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * CELL}" height="${rows * CELL}">` +
      `<rect width="100%" height="100%" fill="#fff"/><path d="${d}"/></svg>`;
    const { data, info } = await sharp(Buffer.from(svg), { limitInputPixels: false }).grayscale().raw().toBuffer({ resolveWithObject: true });
    sheet.forEach((_, i) => {
      const x0 = (i % cols) * CELL;
      const y0 = Math.floor(i / cols) * CELL;
      const ink = new Float32Array(CELL * CELL);
      for (let y = 0; y < CELL; y++) for (let x = 0; x < CELL; x++) ink[y * CELL + x] = 1 - data[(y0 + y) * info.width + x0 + x] / 255;
      inks.push(ink);
    });
  }
  return inks;
}

/** The ink scaled (aspect kept) and centred to fill the cell: kana are drawn smaller than Han characters. */
function fitted(ink) {
  let [x0, y0, x1, y1] = [CELL, CELL, -1, -1];
  for (let y = 0; y < CELL; y++) for (let x = 0; x < CELL; x++) {
    if (ink[y * CELL + x] > 0.2) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  }
  if (x1 < 0) return ink;
  const scale = (CELL * 0.9) / Math.max(x1 - x0 + 1, y1 - y0 + 1);
  const out = new Float32Array(CELL * CELL);
  const cx = (x0 + x1 + 1) / 2;
  const cy = (y0 + y1 + 1) / 2;
  for (let y = 0; y < CELL; y++) for (let x = 0; x < CELL; x++) {
    const sx = Math.floor(cx + (x - CELL / 2) / scale);
    const sy = Math.floor(cy + (y - CELL / 2) / scale);
    if (sx >= 0 && sy >= 0 && sx < CELL && sy < CELL) out[y * CELL + x] = ink[sy * CELL + sx];
  }
  return out;
}

/** Area-averaged to side × side, then blurred `passes` times (a stroke one position off still overlaps). */
function blurred(ink, side, passes) {
  const f = CELL / side;
  let m = new Float32Array(side * side);
  for (let y = 0; y < CELL; y++) for (let x = 0; x < CELL; x++) m[Math.floor(y / f) * side + Math.floor(x / f)] += ink[y * CELL + x] / (f * f);
  for (let p = 0; p < passes; p++) {
    const t = new Float32Array(side * side);
    for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const yy = y + dy;
        const xx = x + dx;
        if (yy < 0 || xx < 0 || yy >= side || xx >= side) continue;
        const w = (dx === 0 ? 2 : 1) * (dy === 0 ? 2 : 1);
        s += w * m[yy * side + xx];
        n += w;
      }
      t[y * side + x] = s / n;
    }
    m = t;
  }
  return m;
}

/** Centred and scaled to unit length, so that a dot product is the correlation. */
function unit(m) {
  const v = Float32Array.from(m);
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let norm = 0;
  for (let i = 0; i < v.length; i++) { v[i] -= mean; norm += v[i] * v[i]; }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= norm;
  return v;
}

const dot = (a, b) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; };
function overlap(a, b) {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < a.length; i++) { lo += Math.min(a[i], b[i]); hi += Math.max(a[i], b[i]); }
  return hi > 0 ? lo / hi : 0;
}

function features(inks) {
  return inks.map((ink) => ({ corr: unit(blurred(ink, 24, 1)), soft: blurred(ink, 32, 2), coarse: unit(blurred(ink, COARSE, 1)) }));
}

/** Both measures, or null when the pair is not alike. */
function likeness(a, b, minCorrelation = MIN_CORRELATION, minOverlap = MIN_OVERLAP) {
  const corr = dot(a.corr, b.corr);
  if (corr < minCorrelation) return null;
  const soft = overlap(a.soft, b.soft);
  if (soft < minOverlap) return null;
  return (corr + soft) / 2;
}

/**
 * For each of `from`, every one of `to` whose coarse map correlates at least COARSE_MIN with its own. Blurring to 8 × 8
 * mostly raises a correlation, so this cheap bound keeps nearly every pair the finer measures pass (0.5 finds 10 more
 * of 12,429), and no pair is lost for want of a rank, as with a fixed number of neighbours (微/徽 ranks 239th by the
 * coarse map among 微's).
 */
function nearest(from, to, same) {
  const out = [];
  for (let i = 0; i < from.length; i++) {
    const near = [];
    for (let j = 0; j < to.length; j++) {
      if (same && j === i) continue;
      if (dot(from[i].coarse, to[j].coarse) >= COARSE_MIN) near.push(j);
    }
    out.push(near);
  }
  return out;
}

const commonInks = await render(commonChars);
const common$ = features(commonInks);
const indexOf = new Map(commonChars.map((ch, i) => [ch, i]));

if (probe) {
  for (const pair of probe) {
    const [a, b] = Array.from(pair);
    const [fa, fb] = [common$[indexOf.get(a)], common$[indexOf.get(b)]];
    if (!fa || !fb) { console.log(pair, 'not in the common set'); continue; }
    console.log(pair, 'corr', dot(fa.corr, fb.corr).toFixed(3), 'overlap', overlap(fa.soft, fb.soft).toFixed(3), 'likeness', String(likeness(fa, fb)?.toFixed(3)));
  }
  process.exit(0);
}

// ---- common × common: the look-alike table
const pairs = new Map(); // char → Map(other → digit)
const note = (a, b, digit) => {
  if (!pairs.has(a)) pairs.set(a, new Map());
  if ((pairs.get(a).get(b) ?? 0) < digit) pairs.get(a).set(b, digit);
};
const digitOf = (l) => Math.max(6, Math.min(9, Math.round(l * 10)));
let started = Date.now();
const near = nearest(common$, common$, true);
for (let i = 0; i < commonChars.length; i++) {
  for (const j of near[i]) {
    const l = likeness(common$[i], common$[j]);
    if (l !== null) { note(commonChars[i], commonChars[j], digitOf(l)); note(commonChars[j], commonChars[i], digitOf(l)); }
  }
}
console.error(`common pairs: ${[...pairs.values()].reduce((n, m) => n + m.size, 0) / 2} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// ---- rare and cross-script characters: stand-ins for the common character they look like
async function standIns(chars, fit, bar) {
  const inks = await render(chars);
  const f = features(fit ? inks.map(fitted) : inks);
  const target = fit ? features(commonInks.map(fitted)) : common$;
  const near2 = nearest(f, target, false);
  const out = [];
  chars.forEach((ch, i) => {
    let best = null;
    for (const j of near2[i]) {
      const l = fit ? likeness(f[i], target[j], 0.78, 0.55) : likeness(f[i], target[j]);
      if (l !== null && (!best || l > best[1])) best = [commonChars[j], l];
    }
    if (best && best[1] >= bar) out.push(`${ch}${best[0]}`);
  });
  return out;
}
started = Date.now();
const rare = await standIns(rareChars, false, STAND_IN);
const cross = await standIns(crossChars, true, CROSS_STAND_IN);
console.error(`stand-ins: ${rare.length} rare, ${cross.length} cross-script in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const lines = [...pairs].sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([ch, m]) => ch + [...m].sort((x, y) => y[1] - x[1]).map(([o, d]) => o + d).join(''));
const header = '// GENERATED by build/gen-glyph-shapes.mjs — do not edit. Sources and licences: ./NOTICE.md\n';
writeFileSync(path.join(root, 'shared/engine/data/shapes.ts'), header +
  '/** Rendered look-alikes. Each line: a character, then look-alike characters each with a similarity digit (9 = 0.9). */\n' +
  `export const SHAPES = \`${lines.join('\n')}\`;\n\n` +
  '/** Each line: a rare or cross-script character and the common character it stands in for. */\n' +
  `export const STAND_INS = \`${[...rare, ...cross].join('\n')}\`;\n`);
console.error('wrote shared/engine/data/shapes.ts');
