// The registry index: built once over the (small) registry, then shared by every filing or listing of a batch.
// Every name, alias, distinctive core and pinyin spelling becomes a "form" with its normalised characters, readings
// and weights; inverted indexes map a screened character (or syllable pair, look-alike, Latin key) to the forms it
// could belong to, so that a filing only meets the few marks it could imitate.
import type { Category, ProtectedMark } from '../domain';
import { flattenForms, type FlatForms } from './align';
import { candidateScratch, shapePairKey, soundPairKeys, type CandidateScratch } from './candidates';
import { coresOf, isDivisionName, isPlaceName, namesABuilding, namesNoPlace, type CoreKind } from './cores';
import { limitedToItsClasses } from './classes';
import { genericMask, isGenericWord } from './generic';
import { componentSpellings, confusablesOf, readingsOf } from './glyphs';
import { indexLatinForm, newLatinIndex, type LatinForm, type LatinIndex } from './latin-index';
import { isCommonEnglishWord } from './latin';
import { wordFrequency } from './lexicon';
import { latinSkeleton, normaliseOwner, normaliseText, ownerNames, type LatinToken } from './normalise';
import { regionWords } from './region';
import { markWords } from '../mark-words';
import { charInfo, fuzzyReadingsOf, FUZZY, HOMOPHONE, type CharInfo } from './similarity';

/** name and alias as written; core: a name without its generic tail; pinyin: the spelling of a Han form. */
export type FormKind = 'name' | 'alias' | 'core' | 'pinyin';

export interface MarkForm {
  index: number;
  markIndex: number;
  /** the name or alias as written in the registry (a core: its characters; pinyin: upper-case pinyin) */
  text: string;
  kind: FormKind;
  coreKind?: CoreKind;
  /** for a pinyin form, whether it spells the name, an alias or a core */
  spells?: Exclude<FormKind, 'pinyin'>;
  han: string[];
  weights: number[];
  totalWeight: number;
  /** per character: readings and look-alikes, looked up once */
  info: CharInfo[];
  /** characters that belong to a generic word (goods, trade words), whatever the category */
  generic: boolean[];
  /** how many characters are not generic */
  distinctCount: number;
  latin: LatinForm | null;
  /** how common the Han form is as an everyday word (lexicon.ts: 0 absent, 1–10) */
  wordFrequency: number;
  /** UTF-16 offsets of each Han character in `text` (for the reviewer's highlight) */
  hanOffsets: [number, number][];
  /** a core: the characters of the name after it (湖 of 石门湖's core 石门), to see the whole name in a text */
  tail?: string[];
  /** Han characters that are only the digits of a Latin name (2022 of HANGZHOU 2022): read only beside its words */
  digitsOfLatin?: boolean;
  /** a GI's name or alias: how many of its first characters are its place (阳澄湖 of 阳澄湖大闸蟹, cores.ts originOf) */
  originLength?: number;
}

export interface RegistryIndex {
  marks: readonly ProtectedMark[];
  forms: readonly MarkForm[];
  /** normalised right holder per mark ('' when unknown) */
  holders: readonly string[];
  /** every name the holder is recorded under, normalised: the whole, and each script apart (normalise.ts ownerNames) */
  holderNames: readonly (readonly string[])[];
  /** the place words of each GI's or public resource's region (empty for the other categories) */
  regionPlaces: readonly string[][];
  /**
   * whether each public resource is a place (its region is given, or its name is written as a place): in a title its
   * own name then names the place. A person, a slogan or a mascot without a region is not one, nor an institution,
   * an event or a person whatever region the record gives (cores.ts namesNoPlace), nor a building one visits, a
   * temple or a palace, which no goods come from (cores.ts namesABuilding).
   */
  namesPlace: readonly boolean[];
  /** a public resource whose name is written as a place (…湖, …寺, a known place), not only given a region */
  writtenAsPlace: readonly boolean[];
  /** whether each mark's words are an everyday name of goods (a listing that names those goods is no hit) */
  namesGoods: readonly boolean[];
  /** whether each mark is protected in its own classes and similar goods only (classes.ts limitedToItsClasses) */
  ownClassesOnly: readonly boolean[];
  /** screened character → packed postings (form index << 4 | similarity code in tenths; 10 = the same character) */
  charPostings: Map<string, Int32Array>;
  /** syllable (or '~' + fuzzy syllable) → packed postings */
  soundPostings: Map<string, Int32Array>;
  /** two adjacent syllables ("fei|rou") → forms that have them in a row: imitations that keep no character */
  soundPairPostings: Map<number, Int32Array>;
  /** two-character forms by a pair of look-alikes that keeps neither character (治治 for 洽洽): shapePairKey */
  shapePairPostings: Map<number, Int32Array>;
  /** per screened character (by CharInfo.id), the merged postings (filled lazily by the candidate search) */
  mergedPostings: ({ exact: Int32Array; similar: Int32Array } | undefined)[];
  latin: LatinIndex;
  /** every character of every form: a pair of screened characters is merged only when it spells one of these */
  markChars: Set<string>;
  /** per form, what its alignment reads, in one flat array (align.ts); it also numbers every mark character */
  flatForms: FlatForms;
  /** first characters of the two-character spellings of registry characters (弓 for 张): a cheap pre-check */
  componentFirsts: Set<string>;
  /** scratch space for candidate search, one slot per form (the index is used by one thread at a time) */
  scratch: CandidateScratch;
}

/** Categories whose generic part (牦牛, 枸杞 …) is the protected subject, so it keeps its full weight. */
const KEEP_GENERIC: ReadonlySet<Category> = new Set<Category>(['地理标志', '公共资源']);

/** Pinyin spellings shorter than this match too many unrelated Latin words; one this long only as itself (GELI). */
const MIN_PINYIN_LETTERS = 4;
const MIN_PINYIN_LETTERS_NEAR = 5;

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The weight of a character that distinguishes little (a generic word, the everyday half of a name). */
const GENERIC_WEIGHT = 0.4;

function weightsFor(han: string[], category: Category): number[] {
  if (KEEP_GENERIC.has(category)) return han.map(() => 1);
  const mask = genericMask(han);
  if (mask.every(Boolean)) return han.map(() => 1); // a mark that is all generic words is its own thing
  return mask.map((generic) => (generic ? GENERIC_WEIGHT : 1));
}

/** Upper-case pinyin spellings of a Han form: the usual reading of each character, and at most one other. */
function pinyinSpellings(han: readonly string[]): string[] {
  let spellings = [''];
  for (const ch of han) {
    const readings = readingsOf(ch);
    if (readings.length === 0) return [];
    spellings = spellings.flatMap((s) => readings.slice(0, 2).map((r) => s + r.toUpperCase())).slice(0, 2);
  }
  return spellings;
}

/** THE before at least two more Latin words, and nothing else in the name. */
const LEADING_ARTICLE = /^\s*THE\s+([A-Z0-9'&.-]+(?:\s+[A-Z0-9'&.-]+)+)\s*$/i;

/**
 * A GI named after a division that has since been renamed (郫县豆瓣, region …郫都区: 郫县 is no division now) is the
 * same indication under the name the division has now (郫都豆瓣); a place that is no division (固城湖 in 高淳区) is
 * not. The name so written, or null.
 */
function renamedOrigin(mark: ProtectedMark, han: readonly string[]): string | null {
  if (mark.category !== '地理标志') return null;
  const places = regionWords(mark.region);
  const place = places.at(-1);
  const originLength = coresOf(han, mark.category, places).find((c) => c.kind === 'origin')?.han.length;
  if (!originLength || !place || !isDivisionName(place)) return null;
  const origin = han.slice(0, originLength).join('');
  const formerDivision = /[县市区旗]$/.test(origin) && !isDivisionName(origin) && !isDivisionName(origin.slice(0, -1));
  return formerDivision && !origin.includes(place) ? place + han.slice(originLength).join('') : null;
}

/** A word of a foreign name this long or longer, and no English word, names the mark by itself. */
const MIN_DISTINCTIVE_WORD = 6;

/**
 * The words of a foreign-related mark's name in letters of two words or more that name it alone (DAVIDSON of
 * HARLEY-DAVIDSON, MORPHY of MORPHY RICHARDS): long and no English word, whose meaning would be anyone's (BALANCE of
 * NEW BALANCE). Only a foreign-related mark's own names: a Chinese mark's English alias holds place names and
 * descriptions (QINGHAI of QINGHAI LAKE), and a foreign mark is protected in its own classes, where a single surname
 * of it is that mark.
 */
function distinctiveWords(mark: ProtectedMark): { token: LatinToken; written: string }[] {
  if (mark.category !== '涉外商标') return [];
  const out: { token: LatinToken; written: string }[] = [];
  for (const written of [mark.name, ...mark.aliases]) {
    const t = normaliseText(markWords(written));
    if (t.han.length > 0 || t.latin.length < 2) continue;
    for (const token of t.latin) {
      if (token.canon.length >= MIN_DISTINCTIVE_WORD && /^[A-Z]+$/.test(token.canon) && !isCommonEnglishWord(token.canon)) out.push({ token, written });
    }
  }
  return out;
}

function formsOf(mark: ProtectedMark, markIndex: number, start: number): MarkForm[] {
  const out: MarkForm[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: FormKind, extra: Partial<MarkForm> = {}) => {
    const t = normaliseText(text);
    const latinCanon = t.latin.map((l) => l.canon).join('');
    const latin = latinCanon.length > 0
      ? { canon: latinCanon, skeleton: t.latin.map((l) => l.skeleton).join(''), tokenCount: t.latin.length }
      : null;
    if (t.han.length === 0 && !latin) return;
    const key = `${t.han.join('')}|${latinCanon}`;
    if (seen.has(key)) return;
    seen.add(key);
    const han = t.han.slice(0, 40);
    const weights = weightsFor(han, mark.category);
    const mask = genericMask(han);
    const generic = mask.every(Boolean) ? han.map(() => false) : mask;
    // beside a coined or proper half (蜜雪 of 蜜雪冰城), the everyday half distinguishes as little as a generic word
    // (a name with a generic tail, 雁鸣大学, keeps its own weights: its core already stands for the name)
    const named = KEEP_GENERIC.has(mark.category) ? undefined : coresOf(han, mark.category).find((c) => c.kind === 'named');
    if (named) {
      for (let i = 0; i < han.length; i++) {
        if (i >= named.at && i < named.at + named.han.length) continue;
        generic[i] = true;
        weights[i] = Math.min(weights[i]!, GENERIC_WEIGHT);
      }
    }
    // the digits of a Latin name, read as numerals, would be any year in a title (HANGZHOU 2022)
    const digitsOfLatin = latin !== null && t.hanOrigin.every((o) => o === 'numeral');
    out.push({
      index: start + out.length, markIndex, text, kind, han, info: han.map(charInfo), weights, ...(digitsOfLatin && han.length > 0 ? { digitsOfLatin } : {}),
      totalWeight: weights.reduce((a, b) => a + b, 0), generic, distinctCount: generic.filter((g) => !g).length, latin,
      wordFrequency: han.length >= 2 ? wordFrequency(han.join('')) : 0,
      hanOffsets: han.map((_, i) => [t.hanStart[i]!, t.hanEnd[i]!] as [number, number]),
      ...extra,
    });
  };
  // the words alone (a name written 康师傅及图 is 康师傅, markWords), shown as the name is written
  add(markWords(mark.name), 'name', { text: mark.name });
  for (const alias of mark.aliases) add(markWords(alias), 'alias', { text: alias });
  // an English name's leading article is dropped in use (WANDERING EARTH of THE WANDERING EARTH); a single word left
  // (ORDINARY of THE ORDINARY) would be any text's word, so only a name of two words or more goes without it
  for (const written of [mark.name, ...mark.aliases]) {
    const rest = LEADING_ARTICLE.exec(markWords(written))?.[1];
    if (rest) add(rest, 'alias', { text: written });
  }
  // such a word is read only whole: inside a longer word it is that word's (MARTIN of MARTINI)
  for (const { token, written } of distinctiveWords(mark)) {
    add(token.canon, 'alias', { text: written, latin: { canon: token.canon, skeleton: token.skeleton, tokenCount: 1, wholeWordOnly: true } });
  }
  const renamed = out[0] && renamedOrigin(mark, out[0].han);
  if (renamed) add(renamed, 'alias', { text: mark.name });
  for (const form of out.filter((f) => f.han.length >= 2 && f.kind !== 'core')) {
    for (const core of coresOf(form.han, mark.category, regionWords(mark.region))) {
      if (core.kind === 'origin') form.originLength = core.han.length;
      const key = `${core.han.join('')}|`;
      if (seen.has(key)) continue;
      seen.add(key);
      // shown as the name it comes from, with the core's characters highlighted in it
      const at = core.at;
      const han = core.han;
      const weights = weightsFor(han, mark.category);
      out.push({
        index: start + out.length, markIndex, text: form.text, kind: 'core', coreKind: core.kind, han, info: han.map(charInfo),
        weights, totalWeight: weights.reduce((a, b) => a + b, 0), generic: han.map(() => false), distinctCount: han.length, latin: null,
        wordFrequency: wordFrequency(han.join('')), hanOffsets: form.hanOffsets.slice(at, at + han.length),
        tail: form.han.slice(at + han.length),
      });
    }
  }
  // a GI's place alone is weighed only as written in Han (claimsTheOrigin): its pinyin would be any place's spelling
  for (const form of out.filter((f) => f.han.length >= 2 && f.latin === null && f.coreKind !== 'origin')) {
    for (const spelling of pinyinSpellings(form.han)) {
      if (spelling.length < MIN_PINYIN_LETTERS || seen.has(`|${spelling}`)) continue;
      // a short spelling that is an English word (BIKE of 比克) is that word wherever it is written
      if (spelling.length < MIN_PINYIN_LETTERS_NEAR && isCommonEnglishWord(spelling)) continue;
      seen.add(`|${spelling}`);
      out.push({
        index: start + out.length, markIndex, text: spelling, kind: 'pinyin', spells: form.kind as Exclude<FormKind, 'pinyin'>,
        han: [], info: [], weights: [], totalWeight: 0, generic: [], distinctCount: 0, wordFrequency: 0, hanOffsets: [],
        // the look-alike skeleton of a text's tokens folds Q into O and so on: the spelling is compared the same way
        latin: { canon: spelling, skeleton: latinSkeleton(spelling), tokenCount: 1, ...(spelling.length < MIN_PINYIN_LETTERS_NEAR ? { wholeWordOnly: true } : {}) },
      });
    }
  }
  return out.map(oneShape);
}

/** Every form with the same properties in the same order: the screening code then sees one object shape. */
function oneShape(f: MarkForm): MarkForm {
  return {
    index: f.index, markIndex: f.markIndex, text: f.text, kind: f.kind, coreKind: f.coreKind, spells: f.spells, han: f.han,
    weights: f.weights, totalWeight: f.totalWeight, info: f.info, generic: f.generic, distinctCount: f.distinctCount,
    latin: f.latin, wordFrequency: f.wordFrequency, hanOffsets: f.hanOffsets, tail: f.tail, digitsOfLatin: f.digitsOfLatin,
    originLength: f.originLength,
  };
}

interface PostingLists {
  chars: Map<string, number[]>;
  sounds: Map<string, number[]>;
  soundPairs: Map<number, number[]>;
  shapePairs: Map<number, number[]>;
}

/** Look-alikes at least this close stand in for both characters of a two-character mark (洽 → 治, 味 → 未). */
const SHAPE_PAIR_SIMILARITY = 0.8;

/** …and at least this close for a doubled character written twice as the same look-alike (乘乘 for 乖乖). */
const DOUBLED_SHAPE_SIMILARITY = 0.7;

function closeLookAlikes(ch: string): string[] {
  return [...confusablesOf(ch)].filter(([, sim]) => sim >= SHAPE_PAIR_SIMILARITY).map(([other]) => other);
}

function indexForm(index: RegistryIndex, lists: PostingLists, form: MarkForm): void {
  const packed = form.index << 4;
  form.han.forEach((ch, i) => {
    index.markChars.add(ch);
    push(lists.chars, ch, packed + 10);
    // shape codes are below 10, so an exact posting is always recognisable; shape+sound can reach 0.95 → code 9
    for (const [other, sim] of confusablesOf(ch)) push(lists.chars, other, packed + Math.min(9, Math.ceil(sim * 10 + 0.5)));
    for (const s of readingsOf(ch)) push(lists.sounds, s, packed + Math.ceil(HOMOPHONE * 10));
    // a fuzzy syllable alone (0.55) can only tip marks of four or more characters over their candidate bound
    if (form.han.length >= 4) for (const f of fuzzyReadingsOf(ch)) push(lists.sounds, '~' + f, packed + Math.ceil(FUZZY * 10));
    const next = form.han[i + 1];
    if (next !== undefined) for (const key of soundPairKeys(ch, next)) push(lists.soundPairs, key, form.index);
  });
  if (form.han.length === 2) {
    const seconds = closeLookAlikes(form.han[1]!);
    for (const a of closeLookAlikes(form.han[0]!)) for (const b of seconds) push(lists.shapePairs, shapePairKey(a, b), form.index);
    // a doubled character written twice as the same look-alike (乘乘 for 乖乖): the repetition keeps the name's look,
    // so a less close look-alike stands in
    if (form.han[0] === form.han[1]) {
      for (const [a, sim] of confusablesOf(form.han[0]!)) if (sim >= DOUBLED_SHAPE_SIMILARITY) push(lists.shapePairs, shapePairKey(a, a), form.index);
    }
  }
  // a single letter beside Han characters (C of 85度C, K of K歌) names nothing alone: every title has such letters, so
  // the Han characters carry the reading
  if (form.latin && !(form.han.length > 0 && form.latin.canon.length < 2)) indexLatinForm(index.latin, form.index, form.latin, form.kind === 'pinyin');
}

function frozen<K>(map: Map<K, number[]>): Map<K, Int32Array> {
  return new Map([...map].map(([k, v]) => [k, Int32Array.from(new Set(v))]));
}

export function buildRegistryIndex(marks: readonly ProtectedMark[]): RegistryIndex {
  const forms: MarkForm[] = [];
  marks.forEach((mark, i) => forms.push(...formsOf(mark, i, forms.length)));
  const regionPlaces = marks.map((m) => (m.category === '地理标志' || m.category === '公共资源' ? regionWords(m.region) : []));
  const nameChars = marks.map((m) => normaliseText(markWords(m.name)).han);
  const writtenAsPlace = marks.map((m, i) => m.category === '公共资源' && isPlaceName(nameChars[i]!));
  const index: RegistryIndex = {
    marks,
    forms,
    holders: marks.map((m) => normaliseOwner(m.holder)),
    holderNames: marks.map((m) => ownerNames(m.holder)),
    regionPlaces,
    namesPlace: marks.map((m, i) => !namesABuilding(nameChars[i]!) && (writtenAsPlace[i]! || (m.category === '公共资源' && regionPlaces[i]!.length > 0 && !namesNoPlace(nameChars[i]!)))),
    writtenAsPlace,
    namesGoods: nameChars.map((han) => isGenericWord(han.join(''))),
    ownClassesOnly: marks.map(limitedToItsClasses),
    charPostings: new Map(),
    soundPostings: new Map(),
    soundPairPostings: new Map(),
    shapePairPostings: new Map(),
    mergedPostings: [],
    latin: newLatinIndex(),
    markChars: new Set(),
    componentFirsts: new Set(),
    flatForms: { start: new Int32Array(0), data: new Float64Array(0) },
    scratch: candidateScratch(forms),
  };
  const lists: PostingLists = { chars: new Map(), sounds: new Map(), soundPairs: new Map(), shapePairs: new Map() };
  for (const form of forms) indexForm(index, lists, form);
  index.flatForms = flattenForms(forms);
  for (const [first, , composed] of componentSpellings()) if (index.markChars.has(composed)) index.componentFirsts.add(first);
  index.charPostings = frozen(lists.chars);
  index.soundPostings = frozen(lists.sounds);
  index.soundPairPostings = frozen(lists.soundPairs);
  index.shapePairPostings = frozen(lists.shapePairs);
  return index;
}
