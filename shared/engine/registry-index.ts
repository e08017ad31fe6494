// The registry index: built once over the (small) registry, then shared by every filing or listing of a batch.
// Every name and alias becomes a "form" with its normalised characters, readings and weights; inverted indexes map
// a screened character (or syllable, or look-alike, or Latin deletion key) to the forms it could belong to, so that
// a filing only meets the few marks it could imitate.
import type { Category, ProtectedMark } from '../domain';
import { genericMask } from './generic';
import { readingsOf } from './glyphs';
import { deletionKeys, type LatinForm } from './latin';
import { normaliseOwner, normaliseText } from './normalise';
import { hanThreshold, minSameOf } from './thresholds';
import { charInfo, fuzzyReadingsOf, FUZZY, HOMOPHONE, type CharInfo } from './similarity';
import { componentSpellings, confusablesOf } from './glyphs';

export type FormKind = 'name' | 'alias' | 'pinyin';

export interface MarkForm {
  index: number;
  markIndex: number;
  /** the name or alias as written in the registry (the pinyin form: upper-case pinyin of the name) */
  text: string;
  kind: FormKind;
  han: string[];
  weights: number[];
  totalWeight: number;
  /** per character: readings and look-alikes, looked up once */
  info: CharInfo[];
  /** characters that belong to a generic word (goods, trade words), whatever the category */
  generic: boolean[];
  latin: LatinForm | null;
}

export interface RegistryIndex {
  marks: readonly ProtectedMark[];
  forms: readonly MarkForm[];
  /** normalised right holder per mark ('' when unknown) */
  holders: readonly string[];
  /** region place words per mark (GI and public resources), e.g. ['海东', '循化'] */
  regions: readonly string[][];
  /** screened character → packed postings (form index × 16 + similarity code in tenths; 10 = the same character) */
  charPostings: Map<string, Int32Array>;
  /** syllable (or '~' + fuzzy syllable) → packed postings */
  soundPostings: Map<string, Int32Array>;
  /** per screened character, the merged postings (filled lazily by the candidate search) */
  mergedPostings: Map<string, { exact: Int32Array; similar: Int32Array }>;
  /** Latin deletion key → form indexes */
  latinPostings: Map<string, number[]>;
  /** every character of every form: a pair of screened characters is merged only when it spells one of these */
  markChars: Set<string>;
  /** per form: the weighted score it must be able to reach, and the characters an imitation keeps verbatim */
  minScore: Float64Array;
  minSame: Int32Array;
  /** first characters of the two-character spellings of registry characters (弓 for 张): a cheap pre-check */
  componentFirsts: Set<string>;
  /** scratch space for candidate search, one slot per form (the index is used by one thread at a time) */
  scratch: {
    upper: Float64Array; seenText: Int32Array; first: Int32Array; last: Int32Array;
    /** text characters that are exactly one of the form's characters */
    exact: Int32Array; stamp: number;
    /** forms touched by the current text (a form appears once: guarded by seenText) */
    touched: Int32Array;
  };
}

/** Categories whose generic part (牦牛, 枸杞 …) is the protected subject, so it keeps its full weight. */
const KEEP_GENERIC: ReadonlySet<Category> = new Set<Category>(['地理标志', '公共资源']);
/** Categories whose pinyin alone points to the mark (domain.md: the pinyin of a well-known mark). */
const PINYIN_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['驰名商标', '公共资源', '地理标志']);

/** Postings pack a form index and a similarity code in tenths: form << 4 | code (10 = the same character). */
export const POSTING_SHIFT = 16;

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function weightsFor(han: string[], category: Category): number[] {
  if (KEEP_GENERIC.has(category)) return han.map(() => 1);
  const mask = genericMask(han);
  if (mask.every(Boolean)) return han.map(() => 1); // a mark that is all generic words is its own thing
  return mask.map((generic) => (generic ? 0.4 : 1));
}

/** Upper-case pinyin spellings of a Han form (at most 4, for polyphonic characters). */
function pinyinSpellings(han: string[]): string[] {
  let spellings = [''];
  for (const ch of han) {
    const readings = readingsOf(ch);
    if (readings.length === 0) return [];
    spellings = spellings.flatMap((s) => readings.slice(0, 2).map((r) => s + r.toUpperCase())).slice(0, 4);
  }
  return spellings;
}

function formsOf(mark: ProtectedMark, markIndex: number, start: number): MarkForm[] {
  const out: MarkForm[] = [];
  const add = (text: string, kind: FormKind) => {
    const t = normaliseText(text);
    const latinCanon = t.latin.map((l) => l.canon).join('');
    const latin = latinCanon.length > 0
      ? { canon: latinCanon, skeleton: t.latin.map((l) => l.skeleton).join(''), tokenCount: t.latin.length }
      : null;
    if (t.han.length === 0 && !latin) return;
    const han = t.han.slice(0, 40);
    const weights = weightsFor(han, mark.category);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const mask = genericMask(han);
    const generic = mask.every(Boolean) ? han.map(() => false) : mask;
    out.push({ index: start + out.length, markIndex, text, kind, han, info: han.map(charInfo), weights, totalWeight, generic, latin });
  };
  add(mark.name, 'name');
  for (const alias of mark.aliases) add(alias, 'alias');
  if (PINYIN_CATEGORIES.has(mark.category)) {
    const nameHan = out[0]?.han ?? [];
    for (const spelling of pinyinSpellings(nameHan)) {
      if (spelling.length < 6 || out.some((f) => f.latin?.canon === spelling)) continue;
      out.push({ index: start + out.length, markIndex, text: spelling, kind: 'pinyin', han: [], info: [], weights: [], totalWeight: 0, generic: [],
        latin: { canon: spelling, skeleton: spelling, tokenCount: 1 } });
    }
  }
  return out;
}

/** Region place words: the region cut at administrative suffixes (海东市循化撒拉族自治县 → 海东, 循化撒拉族). */
export function regionWords(region: string): string[] {
  return region
    .split(/省|自治区|自治州|自治县|地区|市|州|县|区|盟|旗/)
    .map((w) => w.replace(/(回族|土族|藏族|蒙古族|撒拉族|哈萨克族)+$/, '').trim())
    .filter((w) => w.length >= 2);
}

interface PostingLists {
  chars: Map<string, number[]>;
  sounds: Map<string, number[]>;
}

function indexForm(index: RegistryIndex, lists: PostingLists, form: MarkForm): void {
  const packed = form.index << 4;
  form.han.forEach((ch) => {
    index.markChars.add(ch);
    push(lists.chars, ch, packed + 10);
    // shape codes are below 10, so an exact posting is always recognisable; shape+sound can reach 0.95 → code 9
    for (const [other, sim] of confusablesOf(ch)) push(lists.chars, other, packed + Math.min(9, Math.ceil(sim * 10 + 0.5)));
    for (const s of readingsOf(ch)) push(lists.sounds, s, packed + Math.ceil(HOMOPHONE * 10));
    // a fuzzy syllable alone (0.55) can only tip marks of four or more characters over their threshold
    if (form.han.length >= 4) for (const f of fuzzyReadingsOf(ch)) push(lists.sounds, '~' + f, packed + Math.ceil(FUZZY * 10));
  });
  if (form.latin) for (const key of deletionKeys(form.latin.skeleton)) push(index.latinPostings, key, form.index);
}

function frozen(map: Map<string, number[]>): Map<string, Int32Array> {
  return new Map([...map].map(([k, v]) => [k, Int32Array.from(v)]));
}

export function buildRegistryIndex(marks: readonly ProtectedMark[]): RegistryIndex {
  const forms: MarkForm[] = [];
  marks.forEach((mark, i) => forms.push(...formsOf(mark, i, forms.length)));
  const n = forms.length;
  const index: RegistryIndex = {
    marks,
    forms,
    holders: marks.map((m) => normaliseOwner(m.holder)),
    regions: marks.map((m) => regionWords(m.region)),
    charPostings: new Map(),
    soundPostings: new Map(),
    mergedPostings: new Map(),
    latinPostings: new Map(),
    markChars: new Set(),
    componentFirsts: new Set(),
    // a Latin-only form never becomes a Han candidate
    minScore: Float64Array.from(forms, (f) => (f.han.length > 0 ? hanThreshold(f.han.length) * f.totalWeight : Infinity)),
    minSame: Int32Array.from(forms, (f) => minSameOf(f.han.length)),
    scratch: {
      upper: new Float64Array(n), seenText: new Int32Array(n).fill(-1), first: new Int32Array(n), last: new Int32Array(n),
      exact: new Int32Array(n), stamp: 0, touched: new Int32Array(n),
    },
  };
  const lists: PostingLists = { chars: new Map(), sounds: new Map() };
  for (const form of forms) indexForm(index, lists, form);
  for (const [first, , composed] of componentSpellings()) if (index.markChars.has(composed)) index.componentFirsts.add(first);
  index.charPostings = frozen(lists.chars);
  index.soundPostings = frozen(lists.sounds);
  return index;
}
