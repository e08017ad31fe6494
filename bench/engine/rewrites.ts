// The labelled sets written the ways real data writes marks: each rewrite is applied to every row of dev and real-dev
// (negatives too, so a false flag it causes shows), screened, and scored by ../shared/bench/score.mjs beside the
// rows as they are. A rewrite that costs recall is a way the world files that the engine does not yet read.
//   npx tsx bench/engine/rewrites.ts [--set dev|real-dev] [--only NAME]
// Filings: the office's device notes (及图, （图形）), ™, traditional script, the name's own pinyin appended, every
// character spaced, 牌 appended, a place name in front. Listings: traditional script, promotion words around the title and after it, the brand split by
// 丨, spaced or broken by an emoji, one of its characters spelled in pinyin or masked (*, ○, X), Latin words spelled out letter by letter.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { buildRegistryIndex, screenFiling, screenListing } from '../../shared/engine';
import type { Filing, Hit, Listing } from '../../shared/domain';
import { loadSet, type Label, type LabelledSet } from './labelled';
import { scoreSummary } from './score-hits';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
const HAN_ONLY = /^\p{Script=Han}{2,}$/u;
const pinyinOf = (han: string) => pinyin(han, { toneType: 'none', type: 'array' }).join('');

/** A rewrite of one text; `brand` is the text of the row's expected hit before any rewrite (undefined: none). */
type Rewrite = (text: string, brand: string | undefined) => string;

const FILING_REWRITES: Record<string, Rewrite> = {
  '及图': (t) => `${t}及图`,
  '（图形）': (t) => `${t}（图形）`,
  '™': (t) => `${t}™`,
  'traditional': (t) => toTraditional(t),
  'own pinyin appended': (t) => (HAN_ONLY.test(t) ? t + pinyinOf(t).toUpperCase() : t),
  'every character spaced': (t) => Array.from(t).join(' '),
  '牌 appended': (t) => (/\p{Script=Han}$/u.test(t) ? `${t}牌` : t),
  'a place in front': (t) => `${['北京', '上海', '香港', '深圳'][t.length % 4]!}${t}`,
};

const PROMOTIONS = [['【官方正品】', ' 限时特惠 包邮'], ['2026新款 ', ' 正品保证 假一赔十'], ['【旗舰店同款】', ' 买二送一']] as const;
let promotion = 0;
const LISTING_REWRITES: Record<string, Rewrite> = {
  'traditional': (t) => toTraditional(t),
  'promotion around': (t) => { const [a, b] = PROMOTIONS[promotion++ % PROMOTIONS.length]!; return a + t + b; },
  'long tail': (t) => `${t}夏季新款网红爆款正品保证限时特惠包邮到家`,
  'brand split by 丨': (t, brand) => (brand && HAN_ONLY.test(brand) ? t.replace(brand, Array.from(brand).join('丨')) : t),
  'brand spaced': (t, brand) => (brand && HAN_ONLY.test(brand) ? t.replace(brand, Array.from(brand).join(' ')) : t),
  'emoji in the brand': (t, brand) => {
    if (!brand || !HAN_ONLY.test(brand)) return t;
    const chars = Array.from(brand);
    return t.replace(brand, `${chars[0]}🔥${chars.slice(1).join('')}`);
  },
  'one character in pinyin': (t, brand) => {
    if (!brand || !HAN_ONLY.test(brand)) return t;
    const chars = Array.from(brand);
    chars[1] = pinyinOf(chars[1]!);
    return t.replace(brand, chars.join(''));
  },
  // a brand of three characters or more: one character of two leaves too little of a mark to be it
  'one character masked': (t, brand) => {
    if (!brand || !HAN_ONLY.test(brand) || brand.length < 3) return t;
    const chars = Array.from(brand);
    chars[1] = ['*', '○', 'X'][chars.length % 3]!;
    return t.replace(brand, chars.join(''));
  },
  'brand in pinyin': (t, brand) => (brand && HAN_ONLY.test(brand) ? t.replace(brand, ` ${pinyin(brand, { toneType: 'none' })} `) : t),
  'latin spelled out': (t) => t.replace(/[A-Za-z]{4,}/g, (w) => w.split('').join(' ')),
};

/** One kind of row: how it is screened, and how a rewrite of its text makes a new row. */
interface RowKind<R> {
  label: string;
  rewrites: Record<string, Rewrite>;
  screen: (row: R) => Hit[];
  rewritten: (row: R, rewrite: Rewrite, brand: string | undefined) => R;
}

function runKind<R>(set: string, kind: RowKind<R>, rows: readonly { row: R; label: Label }[], only: string | undefined): void {
  const screened = rows.map(({ row, label }) => ({ row, label, hits: kind.screen(row) }));
  console.log(`-- ${set} ${kind.label}: as written  ${scoreSummary(`${set}-${kind.label}`, screened)}`);
  for (const [name, rewrite] of Object.entries(kind.rewrites)) {
    if (only && name !== only) continue;
    const rewritten = screened.map(({ row, label, hits }) => {
      const brand = hits.find((h) => h.markId === label.markId)?.text;
      return { label, hits: kind.screen(kind.rewritten(row, rewrite, brand)) };
    });
    console.log(`   ${name.padEnd(24)} ${scoreSummary(`${set}-${kind.label}-${name}`, rewritten)}`);
  }
}

function runSet(set: LabelledSet, only: string | undefined): void {
  const index = buildRegistryIndex(set.marks);
  console.log('');
  runKind<Filing>(set.name, {
    label: 'filings', rewrites: FILING_REWRITES, screen: (row) => screenFiling(index, row),
    rewritten: (row, rewrite, brand) => ({ ...row, markText: rewrite(row.markText, brand) }),
  }, set.filings, only);
  runKind<Listing>(set.name, {
    label: 'listings', rewrites: LISTING_REWRITES, screen: (row) => screenListing(index, row),
    rewritten: (row, rewrite, brand) => ({ ...row, title: rewrite(row.title, brand) }),
  }, set.listings, only);
}

const arg = (flag: string) => { const i = process.argv.indexOf(flag); return i >= 0 ? process.argv[i + 1] : undefined; };
const sets = arg('--set') ? [arg('--set') as 'dev' | 'real-dev'] : (['dev', 'real-dev'] as const);
for (const name of sets) runSet(loadSet(name), arg('--only'));
