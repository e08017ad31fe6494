// What an alignment of a Han form with a screened text shows: how many characters were kept, replaced by sound,
// shape or number, changed, dropped, inserted or moved; how much of the distinctive part survives; what lies
// around the match. Evidence for the scoring model (features.ts) and the reasons shown to the reviewer.
import type { AlignedPair, HitReason } from '../domain';
import { alignFlat, alignUnordered, flatLength, INSERT_COST, type FlatForms, type HanAlignment } from './align';
import type { HanCandidate } from './candidates';
import { namedInFull, type CoreKind } from './cores';
import { textGenericMask } from './generic';
import { confusablesOf } from './glyphs';
import { spellsPinyinOf } from './pinyin';
import { pairKind, segmentsIntoWords, wordFrequency, wordsIn } from './lexicon';
import { writtenAsDigit, type NormalisedText } from './normalise';
import type { MarkForm, RegistryIndex } from './registry-index';
import { charInfo, type CharInfo } from './similarity';

export type Context = 'filing' | 'listing';

export interface HanEvidence {
  form: MarkForm;
  alignment: HanAlignment;
  /** weighted similarity of the whole mark (0–1): each character by its weight, minus drops and insertions */
  similarity: number;
  k: number;
  same: number;
  homophone: number;
  fuzzy: number;
  shape: number;
  numeral: number;
  changed: number;
  missing: number;
  inserted: number;
  /** of the inserted characters, those put between the name's head and its goods word (卤 of 张飞卤牛肉): added words */
  described: number;
  reordered: boolean;
  firstSame: boolean;
  /** the first character neither kept nor alike (changed or missing) */
  firstLost: boolean;
  /** the first character missing altogether */
  headMissing: boolean;
  /** mean similarity over the distinctive (non-generic) characters */
  distinctKept: number;
  /** the window is the whole text (and the text has no Latin) */
  whole: boolean;
  /** characters outside the window, and whether they are all generic (goods, trade words) */
  extra: number;
  extraGeneric: boolean;
  /** origins of kept characters, a bit per CharOrigin other than 'same' (traditional, variant, numeral, shape, pinyin) */
  origins: number;
}

/** What the dictionary says about a match: computed only for candidates that can still pass. */
export interface LexicalEvidence {
  /** frequency bucket of the window (or, for a filing, the whole text) as an everyday word, when it is not the mark */
  textWord: number;
  /** that word is the mark's name with a place's generic term after it (喀纳斯湖 of 喀纳斯): see namedInFull */
  wordNamesInFull: boolean;
  /** the window cuts into a longer dictionary word of the text (玉树临风 for 玉树) */
  embedded: boolean;
  /**
   * the window runs on into other words with no break, and they are not goods or trade words (美的人生, 西宁到…):
   * the characters are read as part of a phrase rather than as a name
   */
  glued: boolean;
  /**
   * a filing: what stands beside the match is made of everyday words (清华 + 脂蛋白) — a known name with a
   * description, the commonest way a name is carried into other goods
   */
  extraWords: boolean;
  /**
   * the characters put in place of the mark's, unlike them in sound and shape, stand together as an everyday word of
   * their own (小猪乔治 beside 小猪佩奇: another name of the same kind, not the mark altered; a pun that sounds like
   * the mark is not this)
   */
  changedWord: boolean;
  /**
   * every character the match does not keep sounds like the mark's and looks like it too (恰恰 beside 洽洽): the mark
   * written with look-alikes, whatever word the characters also make
   */
  heardAndSeen: boolean;
}

/**
 * Whether a text's character is the one the mark itself writes at that place: a character that folds (陆, the capital
 * six; 豊, a variant) copies a mark that is written with it (陆虎 of LAND ROVER) rather than altering it.
 */
function writtenAsTheMark(form: MarkForm, markIndex: number, source: string): boolean {
  const at = form.hanOffsets[markIndex];
  return at !== undefined && form.text.slice(at[0], at[1]) === source;
}

export const ORIGIN_BITS: Record<string, number> = { traditional: 1, variant: 2, numeral: 4, shape: 8, pinyin: 16 };
const ORIGIN_NAMES = Object.keys(ORIGIN_BITS);

/**
 * Weighted similarity below which an alignment is not worth describing: no model fitted so far flags below it
 * (two-character marks need both characters alike; longer ones can lose or change about half).
 */
function floorOf(k: number): number {
  return k <= 2 ? 0.6 : k === 3 ? 0.5 : 0.45;
}

/** The floor of flat form `f` as an alignment score (its total weight × floorOf its length). */
function scoreFloorOf(flat: FlatForms, f: number): number {
  return floorOf(flatLength(flat, f)) * flat.data[flat.start[f]!]!;
}


function embeddedIn(text: NormalisedText, start: number, end: number): boolean {
  for (const [a, b] of wordsIn(text.han.slice(Math.max(0, start - 3), Math.min(text.han.length, end + 3)))) {
    const s = a + Math.max(0, start - 3);
    const e = b + Math.max(0, start - 3);
    // a word that overlaps the window and reaches outside it, but is not the window itself; characters on both sides
    // of a space are no word (滇南白药 膏药贴 holds no 药膏)
    if (s < end && e > start && (s < start || e > end) && !(s >= start && e <= end) && !brokenBetween(text, s, e)) return true;
  }
  return false;
}

/** Whether a space, punctuation or Latin stands between Han characters s and e - 1. */
function brokenBetween(text: NormalisedText, s: number, e: number): boolean {
  for (let i = s; i < e - 1; i++) if (text.hanBreakAfter[i]) return true;
  return false;
}

function replacedByWord(han: readonly string[], pairs: readonly AlignedPair[]): boolean {
  let run: string[] = [];
  // a two-character run may be a rare word or a name the dictionary knows (小猪 of 三只小猪, 乔治 of 小猪乔治)
  const word = () => run.length >= 2 && (wordFrequency(run.join('')) > 0 || (run.length === 2 && ['word', 'name'].includes(pairKind(run.join('')))));
  for (const p of pairs) {
    if (p.textIndex < 0) continue;
    if (p.markIndex >= 0 && p.relation === 'changed') {
      run.push(han[p.textIndex]!);
      continue;
    }
    if (word()) return true;
    run = [];
  }
  return word();
}

function describedBy(han: readonly string[], start: number, end: number): boolean {
  const before = han.slice(0, start);
  const after = han.slice(end);
  if (before.length + after.length === 0) return false;
  if (before.length > 0 && !segmentsIntoWords(before)) return false;
  if (after.length === 0 || segmentsIntoWords(after)) return true;
  // a trailing 牌 that ends no word of its own (王牌 does) writes the name as a brand: 清华脂蛋白牌
  return after.length > 1 && after[after.length - 1] === '牌' && segmentsIntoWords(after.slice(0, -1));
}

function gluedTo(text: NormalisedText, start: number, end: number, possessive: boolean): boolean {
  const mask = (text.genericMask ??= textGenericMask(text.han));
  // …牌 after a name writes it as a brand (驼鸟牌 墨水), it does not make another word of it
  const after = !possessive && end < text.han.length && !text.hanBreakAfter[end - 1] && !mask[end] && text.han[end] !== '牌';
  const before = start > 0 && !text.hanBreakAfter[start - 1] && !mask[start - 1];
  return after || before;
}

/**
 * The evidence of a candidate, or null when its alignment stays below the floor. Until it is known to reach the
 * floor, only the index's flat copy of the form is read (most candidates fall short).
 */
export function hanEvidence(index: RegistryIndex, text: NormalisedText, cand: HanCandidate, context: Context): HanEvidence | null {
  const flat = index.flatForms;
  const k = flatLength(flat, cand.form);
  const totalWeight = flat.data[flat.start[cand.form]!]!;
  const lo = context === 'listing' ? Math.max(0, cand.first - k - 2) : 0;
  const hi = context === 'listing' ? Math.min(text.han.length, cand.last + k + 3) : text.han.length;
  const textInfo = (text.hanInfo ??= text.han.map(charInfo));
  const floor = scoreFloorOf(flat, cand.form);
  const ordered = alignFlat(flat, cand.form, textInfo, lo, hi, floor - 1e-9);
  const form = k >= 3 && outOfOrder(flat, cand.form, textInfo, lo, hi) ? index.forms[cand.form]! : null;
  const unordered = form ? alignUnordered(form.han, form.weights, text.han, lo, hi, form.info, textInfo) : null;
  const a = unordered && (!ordered || unordered.score > ordered.score + 0.05 * totalWeight) ? unordered : ordered;
  if (!a || a.score < floor) return null;
  return describe(index.forms[cand.form]!, a, text);
}

/**
 * A title's best alignment may reach across a space into the next word for a weak pair (阿迪王 运动鞋 read as 阿迪·运
 * for 阿迪达斯, 达 and 运 alike in shape), which then sits inside 运动鞋. The same mark aligned within each word group
 * the window crosses is another reading of the title; the model weighs each and the better one stands. A word group
 * that lends the alignment only characters unlike the mark's (青海 牦牛肉干 read as 青海·牦 for 青海湖) gives no
 * reading at all: its character stands for a mark character only to dodge the missing one.
 */
export function titleReadings(index: RegistryIndex, text: NormalisedText, cand: HanCandidate, e: HanEvidence): HanEvidence[] {
  const { start, end } = e.alignment;
  if (!text.hanBreakAfter.slice(start, end - 1).includes(true)) return [e];
  const flat = index.flatForms;
  const floor = scoreFloorOf(flat, cand.form);
  const textInfo = (text.hanInfo ??= text.han.map(charInfo));
  // a name of two read from two words' ends is no reading, nor is either word alone with the other character dropped
  if (pairLentByWords(text, e.alignment, flatLength(flat, cand.form))) return [];
  const out: HanEvidence[] = reachesIntoUnlikeWord(text, e.alignment) ? [] : [e];
  let lo = start;
  while (lo > 0 && !text.hanBreakAfter[lo - 1]) lo--;
  while (lo < end) {
    let hi = lo + 1;
    while (hi < text.han.length && !text.hanBreakAfter[hi - 1]) hi++;
    const a = hi - lo >= 2 ? alignFlat(flat, cand.form, textInfo, lo, hi, floor - 1e-9) : null;
    if (a && a.score >= floor) out.push(describe(index.forms[cand.form]!, a, text));
    lo = hi;
  }
  return out;
}

/**
 * Whether the window borrows from a word group, next to a word of its own, characters that are not the mark's: only
 * characters unlike them from a group that runs on past the window (青海 牦牛肉干 read as 青海·牦), or only
 * look-alike or unlike ones that are an everyday word of their own (玉树 野生 read as 玉树·野生 for 玉树牦牛: 野 and
 * 牦, 生 and 牛 alike in shape). A brand spaced out character by character (路 易 威 顿钱包) lends its last character
 * to the word it is glued to, so a borrowing next to a lone character is the brand's own.
 */
function reachesIntoUnlikeWord(text: NormalisedText, a: HanAlignment): boolean {
  // per word group of the window (counted from its start): its first position and size; bit 1 a changed pair, bit 2
  // an alike pair, bit 4 a kept one
  const seen: number[] = [];
  const from: number[] = [];
  const size: number[] = [];
  let group = 0;
  for (let i = a.start; i < a.end; i++) {
    from[group] ??= i;
    size[group] = (size[group] ?? 0) + 1;
    if (text.hanBreakAfter[i]) group++;
  }
  for (const p of a.pairs) {
    if (p.textIndex < 0 || p.markIndex < 0) continue;
    let g = 0;
    for (let i = a.start; i < p.textIndex; i++) if (text.hanBreakAfter[i]) g++;
    seen[g] = (seen[g] ?? 0) | (p.relation === 'changed' ? 1 : p.relation === 'same' ? 4 : 2);
  }
  const last = size.length - 1;
  const lent = (g: number, runsOn: boolean) => {
    const bits = seen[g] ?? 0;
    if (bits === 1 && runsOn) return true;
    if (bits === 0 || (bits & 4) !== 0 || size[g]! < 2) return false;
    return pairKind(text.han.slice(from[g]!, from[g]! + size[g]!).join('')) === 'word';
  };
  const borrowsFirst = (size[1] ?? 0) >= 2 && lent(0, a.start > 0 && !text.hanBreakAfter[a.start - 1]);
  const borrowsLast = (size[last - 1] ?? 0) >= 2 && lent(last, a.end < text.han.length && !text.hanBreakAfter[a.end - 1]);
  return borrowsFirst || borrowsLast;
}

/**
 * Whether a name of two characters is read from the ends of two everyday words on either side of a space: two words'
 * ends, not the name spaced out (红 午饮料 for 红牛 stands apart on one side; 新款璧 浪洗衣液 makes no word of 款璧).
 * - One of them lends a character not kept as written, and each makes a word of two with its neighbour (全自动 陶瓷
 *   read as 动·陶 for 东陶: 自动 and 陶瓷 are words).
 * - Both are kept as written, and each is the end or the start of an everyday word of two to four characters, or the
 *   unit of a number (泰迪熊 大号 read as 熊大, 3米 家用 as 米家).
 */
function pairLentByWords(text: NormalisedText, a: HanAlignment, k: number): boolean {
  if (k !== 2 || a.end - a.start !== 2 || !text.hanBreakAfter[a.start]) return false;
  const runsBefore = a.start > 0 && !text.hanBreakAfter[a.start - 1];
  const runsAfter = a.end < text.han.length && !text.hanBreakAfter[a.end - 1];
  if (!runsBefore || !runsAfter) return false;
  const kept = (i: number) => a.pairs.some((p) => p.textIndex === i && p.relation === 'same');
  if (kept(a.start) && kept(a.end - 1)) return endsAWord(text, a.start) && beginsAWord(text, a.end - 1);
  const before = text.han[a.start - 1]! + text.han[a.start]!;
  const after = text.han[a.end - 1]! + text.han[a.end]!;
  return wordFrequency(before) > 0 && wordFrequency(after) > 0;
}

/** The longest everyday word a space-delimited group is read for around one character: four characters. */
const LENT_WORD = 4;

/** Whether the character at i ends an everyday word of its group, or is the unit after a number in digits (3米). */
function endsAWord(text: NormalisedText, i: number): boolean {
  if (writtenAsDigit(text, i - 1)) return true;
  for (let n = 2, from = i - 1; n <= LENT_WORD && from >= 0 && !text.hanBreakAfter[from]; n++, from--) {
    if (wordFrequency(text.han.slice(from, i + 1).join('')) > 0) return true;
  }
  return false;
}

/** Whether the character at i begins an everyday word of its group. */
function beginsAWord(text: NormalisedText, i: number): boolean {
  for (let n = 2, to = i + 1; n <= LENT_WORD && to < text.han.length && !text.hanBreakAfter[to - 1]; n++, to++) {
    if (wordFrequency(text.han.slice(i, to + 1).join('')) > 0) return true;
  }
  return false;
}

function describe(form: MarkForm, a: HanAlignment, text: NormalisedText): HanEvidence {
  const k = form.han.length;
  const rel = a.relations;
  // one pass over the pairs: each mark character's value and the counts of each relation
  let same = 0, homophone = 0, fuzzy = 0, shape = 0, numeral = 0, changed = 0;
  let distinctSum = 0;
  let firstSame = false;
  let firstLost = true;
  let r = 0;
  for (const p of a.pairs) {
    if (p.relation === 'missing' || p.markIndex < 0) continue;
    const x = rel[r++];
    let value = 0;
    if (x === 'same') { same++; value = 1; } else if (x === 'homophone') { homophone++; value = 0.8; } else if (x === 'fuzzy') { fuzzy++; value = 0.55; }
    else if (x === 'shape') { shape++; value = 0.8; } else if (x === 'numeral') { numeral++; value = 0.8; } else changed++;
    if (!form.generic[p.markIndex]) distinctSum += value;
    if (p.markIndex === 0) { firstSame = x === 'same'; firstLost = value === 0; }
  }
  const distinctKept = form.distinctCount ? distinctSum / form.distinctCount : 1;
  const latinWords = latinWordsOf(text);
  const whole = a.end - a.start === text.han.length && latinWords === 0;
  text.genericMask ??= textGenericMask(text.han);
  let extra = latinWords;
  let extraGeneric = latinWords === 0;
  for (let i = 0; i < text.han.length; i++) {
    if (i >= a.start && i < a.end) continue;
    extra++;
    if (!text.genericMask[i]) extraGeneric = false;
  }
  let origins = 0;
  for (const p of a.pairs) {
    const origin = p.textIndex >= 0 && p.markIndex >= 0 ? text.hanOrigin[p.textIndex] : undefined;
    if (origin && origin !== 'same' && !writtenAsTheMark(form, p.markIndex, text.hanSource[p.textIndex]!)) origins |= ORIGIN_BITS[origin] ?? 0;
  }
  // words put between a name and its goods (张飞卤牛肉, 六个石磨核桃) describe the goods: added words, not the name altered
  const described = k >= 3 && a.transposed === 0 ? describedGoods(form, a) : 0;
  return {
    form, alignment: a, similarity: Math.min(1, Math.max(0, (a.score + described * INSERT_COST) / form.totalWeight)), k,
    same, homophone, fuzzy, shape, numeral, changed, missing: a.missing, inserted: a.inserted, described,
    reordered: a.transposed > 0, firstSame, firstLost, headMissing: !a.pairs.some((p) => p.markIndex === 0 && p.textIndex >= 0),
    distinctKept, whole: whole && described === 0, extra: extra + described, extraGeneric: extraGeneric && described === 0, origins,
  };
}

/** At most this many characters put between a name and the name of its goods still describe the goods. */
const MAX_DESCRIBING = 2;

/**
 * How many characters a text puts between a mark's distinctive head, kept whole, and the goods word that ends it,
 * itself kept (卤 of 张飞卤牛肉 beside 张飞牛肉): 0 unless the mark ends in goods words after a head of its own.
 */
function describedGoods(form: MarkForm, a: HanAlignment): number {
  const k = form.han.length;
  let tail = k;
  while (tail > 0 && form.generic[tail - 1]) tail--;
  if (tail === 0 || tail === k) return 0;
  // the goods word kept as written, and every character of the head there, as written or alike
  for (const p of a.pairs) {
    if (p.markIndex >= tail && p.relation !== 'same') return 0;
    if (p.markIndex >= 0 && p.markIndex < tail && (p.textIndex < 0 || p.relation === 'changed')) return 0;
  }
  let inserted = 0;
  let previous = -1;
  for (const p of a.pairs) {
    if (p.relation === 'inserted') { inserted++; continue; }
    if (p.markIndex === tail) return previous === tail - 1 && inserted <= MAX_DESCRIBING ? inserted : 0;
    if (p.markIndex >= 0) { previous = p.textIndex >= 0 ? p.markIndex : -1; inserted = 0; }
  }
  return 0;
}

/** The Latin words a text adds to its Han characters: none when they only spell their pinyin (the guideline's 加拼音). */
function latinWordsOf(text: NormalisedText): number {
  if (text.latin.length === 0) return 0;
  text.latinIsPinyin ??= spellsPinyinOf(text.latin.map((t) => t.canon).join(''), text.han);
  return text.latinIsPinyin ? 0 : text.latin.length;
}

/**
 * 老 before a name of three characters or more is the weak modifier of an old house's name (老王麻子 of 王麻子), not the
 * start of a word the name runs into (老王): the name's words are read with it.
 */
function modifiedStart(text: NormalisedText, start: number, end: number): number {
  return start > 0 && end - start >= 3 && text.han[start - 1] === '老' ? start - 1 : start;
}

/** Words a seller writes right after a brand to say the goods copy it: the same style, a cheap stand-in, a replica. */
const COPY_WORDS_AFTER = ['同款', '平替', '高仿', '复刻'];

function copyWordAt(han: readonly string[], at: number): boolean {
  return COPY_WORDS_AFTER.some((w) => han[at] === w[0] && han[at + 1] === w[1]);
}

export function lexicalEvidence(e: HanEvidence, text: NormalisedText, context: Context): LexicalEvidence {
  const a = e.alignment;
  const window = text.han.slice(a.start, a.end).join('');
  const wordOf = context === 'filing' && latinWordsOf(text) === 0 ? text.han.join('') : window;
  const start = modifiedStart(text, a.start, a.end);
  // 的 after a name is its possessive (丁真的世界), not the end of a word the name runs into (真的)
  const possessive = text.han[a.end] === '的';
  // …and a copy's word after it says what the goods copy (某某平替, 某某高仿), whatever word the two make (方太平替: 太平)
  const copied = !possessive && copyWordAt(text.han, a.end);
  return {
    textWord: wordOf !== e.form.han.join('') ? wordFrequency(wordOf) : 0,
    wordNamesInFull: namedInFull(wordOf, e.form.han.join('')),
    embedded: embeddedIn(text, start, possessive ? a.end + 1 : copied ? a.end + 2 : a.end),
    glued: gluedTo(text, start, a.end, possessive || copied),
    changedWord: replacedByWord(text.han, a.pairs),
    extraWords: context === 'filing' && latinWordsOf(text) === 0 && describedBy(text.han, a.start, a.end),
    heardAndSeen: heardAndSeen(e, text),
  };
}

function heardAndSeen(e: HanEvidence, text: NormalisedText): boolean {
  let alike = 0;
  for (const p of e.alignment.pairs) {
    if (p.markIndex < 0 || p.textIndex < 0) return false;
    const mark = e.form.han[p.markIndex]!;
    const written = text.han[p.textIndex]!;
    if (mark === written) continue;
    if (p.relation !== 'homophone' || !confusablesOf(mark).has(written)) return false;
    alike++;
  }
  return alike > 0;
}

/**
 * True when two characters of the mark occur in the window in the reverse order (a cheap test before alignUnordered).
 * A text character is a mark character when it has that character's mark number (one CharInfo per character).
 */
function outOfOrder(flat: FlatForms, f: number, textInfo: readonly CharInfo[], lo: number, hi: number): boolean {
  const k = flatLength(flat, f);
  const at0 = flat.start[f]! + 1;
  let last = -1;
  for (let i = 0; i < k; i++) {
    const slot = flat.data[at0 + 2 * i + 1]! | 0;
    let at = -1;
    for (let j = lo; j < hi; j++) if (textInfo[j]!.markSlot === slot) { at = j; break; }
    if (at < 0) continue;
    if (at < last) return true;
    last = at;
  }
  return false;
}

const CORE_REASONS: Record<CoreKind, HitReason> = { generic: 'generic', person: 'person', named: 'distinctive', origin: 'generic', tail: 'dropped' };

/** The reasons a reviewer is shown for a Han match. */
export function hanReasons(e: HanEvidence): Set<HitReason> {
  const reasons = new Set<HitReason>();
  for (const o of ORIGIN_NAMES) if (e.origins & ORIGIN_BITS[o]!) reasons.add(o as HitReason);
  if (e.homophone + e.fuzzy > 0) reasons.add('homophone');
  if (e.shape > 0) reasons.add('shape');
  if (e.numeral > 0) reasons.add('numeral');
  if (e.changed > 0) reasons.add('changed');
  if (e.missing > 0) reasons.add('dropped');
  if (e.reordered) reasons.add('reorder');
  const exact = e.same === e.k && e.missing === 0 && e.inserted === 0 && !e.reordered;
  if (!e.whole || e.inserted > 0) reasons.add(exact && e.inserted === 0 ? 'contains' : 'added');
  if (exact && e.whole && reasons.size === 0) reasons.add('identical');
  if (e.form.kind === 'core') reasons.add(CORE_REASONS[e.form.coreKind ?? 'generic']);
  return reasons;
}

/** Alignment pairs with the source offsets of both sides (the renderer draws these as they are). */
export function withOffsets(pairs: readonly AlignedPair[], text: NormalisedText, form: MarkForm): AlignedPair[] {
  return pairs.map((p) => {
    const { textIndex, markIndex, relation } = p;
    const mark = markIndex >= 0 ? form.hanOffsets[markIndex] : undefined;
    // whole literals (a pair and the offsets it has, in this order) rather than a copy that grows
    if (textIndex < 0) return mark ? { textIndex, markIndex, relation, markStart: mark[0], markEnd: mark[1] } : { textIndex, markIndex, relation };
    const textStart = text.hanStart[textIndex];
    const textEnd = text.hanEnd[textIndex];
    return mark
      ? { textIndex, markIndex, relation, textStart, textEnd, markStart: mark[0], markEnd: mark[1] }
      : { textIndex, markIndex, relation, textStart, textEnd };
  });
}
