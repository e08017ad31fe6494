// Normalisation: brings a mark, an alias, a filing or a listing title into the form in which the engine compares
// them, while remembering what each character was, so that a hit can say "traditional" or "numeral".
//   NFKC (full-width letters and digits, compatibility ideographs) → drop invisible characters → traditional,
//   Japanese and variant characters to simplified → capital and Arabic numerals to Chinese numerals → Latin text
//   upper-cased, accents removed, Cyrillic and Greek look-alikes replaced, split into tokens with a look-alike
//   skeleton (0/O, 1/l/I/L, 5/S, 8/B, rn/m, vv/w).
import { variantOf } from './glyphs';
import type { CharInfo } from './similarity';

/** how a compared character was written: as itself, in another form, or (pinyin) as a syllable in letters */
export type CharOrigin = 'same' | 'traditional' | 'variant' | 'numeral' | 'shape' | 'pinyin';

export interface LatinToken {
  /** upper case, accents and homoglyphs removed, digits kept */
  canon: string;
  /** canon with look-alike letters and digits folded together */
  skeleton: string;
  /** UTF-16 offsets of the token in the original text: [start, end) */
  start: number;
  end: number;
  /** a number with a unit of measure (50G, 5KG, 500ML, 5000MAH): a size, never a mark's look-alike (latin.ts) */
  quantity: boolean;
}

const QUANTITY = /^\d+(?:MG|G|KG|ML|CL|L|MM|CM|M|KM|W|KW|V|MAH|AH|GB|TB|MB|OZ|LB|PCS|PC|HZ|CC)$/;

function latinToken(canon: string, start: number, end: number): LatinToken {
  return { canon, skeleton: latinSkeleton(canon), start, end, quantity: QUANTITY.test(canon) };
}

export interface NormalisedText {
  /** Han characters in order, simplified (numerals as Chinese numerals) */
  han: string[];
  /** the character written in the source for each han[i] */
  hanSource: string[];
  /** UTF-16 offset of han[i] in the original text, and of the end of what it was read from */
  hanStart: number[];
  hanEnd: number[];
  hanOrigin: CharOrigin[];
  /** true when something other than a Han character (space, punctuation, Latin) follows han[i] */
  hanBreakAfter: boolean[];
  latin: LatinToken[];
  /** generic-word mask of `han`, computed on first use (see generic.ts) */
  genericMask?: boolean[];
  /** readings and look-alikes of `han`, computed on first use (see similarity.ts) */
  hanInfo?: CharInfo[];
  /** whether the Latin words only spell the pinyin of the Han text, computed on first use (see evidence.ts) */
  latinIsPinyin?: boolean;
}

/**
 * 丨, 丶 and 丿 (and the Kangxi radicals NFKC makes them) are Han characters, but no name is written with them: titles
 * use them as a bar, a dot or a flourish between words (蜜雪冰城丨柠檬水) and between the characters of a brand to slip
 * past a filter (蜜丨雪丨冰丨城, 蜜雪丶冰城); 〡, a numeral one drawn as a bar, likewise.
 */
const STROKE_BREAKS = new Set([0x4e28, 0x4e36, 0x4e3f, 0x3021]);

/** Texts longer than this are cut: no mark is that long, and a runaway cell must not stall a batch. */
export const MAX_TEXT = 2000;

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
const HAN = /\p{Script=Han}/u;
/**
 * ™ and ℠ say that a name is used as a mark, as ® does: NFKC would spell them TM and SM, letters a filing or a
 * title never added to the name (耐克™ is 耐克), so they are read as the break ® is.
 */
const MARK_SYMBOL = /[\u2120\u2122]/;

const CAPITAL_NUMERALS: Record<string, string> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 〇: '零',
};
/** The Chinese numeral of each digit, by the digit. */
export const DIGIT_HAN = '零一二三四五六七八九';

// Cyrillic and Greek letters that render like Latin ones (upper and lower case).
const HOMOGLYPHS: Record<string, string> = {
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', Ј: 'J', К: 'K', М: 'M', О: 'O', Р: 'P', Ѕ: 'S', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', с: 'c', е: 'e', і: 'i', ј: 'j', о: 'o', р: 'p', ѕ: 's', х: 'x', у: 'y', ԁ: 'd', ɡ: 'g',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', ι: 'i', κ: 'k', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Han by code point: the common blocks directly, the rest through the Unicode property (rare). */
function isHan(ch: string, c: number): boolean {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3134f)) return true;
  if (c < 0x2e80) return false;
  return ch === '〇' || HAN.test(ch);
}

function latinLetter(ch: string, c: number): string | null {
  if (c < 128) return isAsciiAlnum(c) ? ch : null;
  const mapped = HOMOGLYPHS[ch];
  if (mapped) return mapped;
  if (c >= 0xc0 && c <= 0x24f) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (/^[A-Za-z]+$/.test(base)) return base; // é → e, ß stays out (not a look-alike of one letter)
  }
  return null;
}

/** Folds letters and digits that look alike into one representative. */
export function latinSkeleton(canon: string): string {
  return canon
    .replace(/RN/g, 'M')
    .replace(/VV/g, 'W')
    .replace(/[0Q]/g, 'O')
    .replace(/[1L|!]/g, 'I')
    .replace(/5/g, 'S')
    .replace(/8/g, 'B');
}

function pushLatin(out: LatinToken[], run: string, start: number, end: number): void {
  if (!run) return;
  const canon = run.toUpperCase();
  out.push(latinToken(canon, start, end));
}

/**
 * One string per Han character: equal characters of every text and every mark are then the same string, so the
 * engine's many comparisons and map lookups of single characters do not compare contents.
 */
const shared = new Map<string, string>();
function interned(ch: string): string {
  let s = shared.get(ch);
  if (s === undefined) shared.set(ch, (s = ch));
  return s;
}

/** A capital numeral (佰 for 百, 壹 for 一), which the screen reads as the numeral it writes. */
export function isCapitalNumeral(ch: string): boolean {
  return CAPITAL_NUMERALS[ch] !== undefined;
}

/** What a character folds to (capital numeral, traditional, variant or stand-in) and how. */
interface HanFold {
  source: string;
  to: string;
  origin: CharOrigin;
}
function foldOf(ch: string): HanFold {
  const numeral = CAPITAL_NUMERALS[ch];
  if (numeral) return { source: ch, to: interned(numeral), origin: 'numeral' };
  const v = variantOf(ch);
  return { source: ch, to: interned(v ? v.to : ch), origin: v ? v.kind : 'same' };
}
/** the folds of the CJK unified ideographs (U+4E00–U+9FFF, nearly every character screened), by code point */
const UNIFIED_FIRST = 0x4e00;
const unifiedFolds: (HanFold | undefined)[] = new Array<HanFold | undefined>(0x9fff - UNIFIED_FIRST + 1);

/**
 * The text with each traditional or variant character written simplified, every other character and every offset
 * as it was: the goods words of a title (鋼琴培訓 is 钢琴培训) are looked up in it at the offsets of the original.
 */
export function simplifiedInPlace(text: string): string {
  let out = '';
  for (const ch of text) {
    const v = ch.length === 1 ? variantOf(ch) : undefined;
    out += v && (v.kind === 'traditional' || v.kind === 'variant') && v.to.length === 1 ? v.to : ch;
  }
  return out;
}

/** The numerals that write a number of tens in one character (廿 20, 卅 30, 卌 40), by code point: their first digit. */
const TENS: Record<number, string> = { 0x5eff: '二', 0x5345: '三', 0x534c: '四' };

/** Whether the text's character at i was written as a digit (a number read digit by digit: 3 of 3米). */
export function writtenAsDigit(text: NormalisedText, i: number): boolean {
  return i >= 0 && i < text.han.length && text.hanOrigin[i] === 'numeral' && /^[0-9]$/.test(text.hanSource[i]!);
}

/** Appends one character to a text, with what was written, where it stands and how it was read. */
export function pushChar(out: NormalisedText, ch: string, source: string, start: number, end: number, origin: CharOrigin, breakAfter: boolean): void {
  out.han.push(ch);
  out.hanSource.push(source);
  out.hanStart.push(start);
  out.hanEnd.push(end);
  out.hanOrigin.push(origin);
  out.hanBreakAfter.push(breakAfter);
}

export function normaliseText(input: string, maxChars = MAX_TEXT): NormalisedText {
  const result: NormalisedText = {
    han: [], hanSource: [], hanStart: [], hanEnd: [], hanOrigin: [], hanBreakAfter: [], latin: [],
    // filled in by the evidence when first needed; present from the start so every text has one shape
    genericMask: undefined, hanInfo: undefined, latinIsPinyin: undefined,
  };
  let run = '';
  let runStart = -1;
  let runEnd = -1;
  // offsets of each digit of a run, for a run that turns out to be a number
  let runDigits: [number, number][] = [];
  const pushHan = (ch: string, src: string, origin: CharOrigin, from: number, to: number) => pushChar(result, ch, src, from, to, origin, false);
  const breakHan = () => {
    if (result.hanBreakAfter.length) result.hanBreakAfter[result.hanBreakAfter.length - 1] = true;
  };
  const flushRun = () => {
    // nothing to flush (the common case: called before every Han character); the run's state is already reset
    if (run === '') return;
    // a run of digits alone is a number (6个 → 六个); digits among letters are look-alike letters (PEPS1), and so is a
    // lone digit in a word spelled out letter by letter (L E N O V 0)
    if (/^[0-9]+$/.test(run) && !(run.length === 1 && followsSpelledLetter(result.latin, input, runStart))) {
      [...run].forEach((d, i) => pushHan(interned(DIGIT_HAN[Number(d)] as string), d, 'numeral', runDigits[i]![0], runDigits[i]![1]));
    } else if (run) {
      pushLatin(result.latin, run, runStart, runEnd);
      breakHan();
    }
    run = '';
    runStart = -1;
    runDigits = [];
  };
  const hanChar = (ch: string, from: number, to: number) => {
    const fold = foldOf(ch);
    pushHan(fold.to, ch, fold.origin, from, to);
  };
  // Walk the original text one code point at a time (NFKC per code point), so that every character the engine
  // compares keeps the offsets of what was written: a prefix such as ㊣ or ㈲ must not shift a highlight.
  let count = 0;
  for (let offset = 0; offset < input.length && count < maxChars;) {
    const cp = input.codePointAt(offset)!;
    const width = cp > 0xffff ? 2 : 1;
    const from = offset;
    const to = offset + width;
    offset = to;
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      // the common case first: a CJK unified ideograph, which NFKC leaves alone
      flushRun();
      if (STROKE_BREAKS.has(cp)) {
        breakHan();
        continue;
      }
      const tens = TENS[cp];
      if (tens !== undefined) {
        // 廿五 is 二十五 as said and as numbers are written out: both characters at the one written
        pushHan(interned(tens), String.fromCodePoint(cp), 'numeral', from, to);
        pushHan(interned('十'), String.fromCodePoint(cp), 'numeral', from, to);
        count++;
        continue;
      }
      const fold = (unifiedFolds[cp - UNIFIED_FIRST] ??= foldOf(String.fromCodePoint(cp)));
      pushHan(fold.to, fold.source, fold.origin, from, to);
      count++;
      continue;
    }
    const original = String.fromCodePoint(cp);
    if (INVISIBLE.test(original)) continue; // zero-width and control characters hide nothing: 康\u200b师傅 is 康师傅
    if (MARK_SYMBOL.test(original)) {
      flushRun();
      breakHan();
      continue;
    }
    if (dashAsOne(input, result, cp, from, to)) {
      pushHan(interned('一'), original, 'shape', from, to);
      count++;
      continue;
    }
    const folded = cp < 0x80 ? original : original.normalize('NFKC');
    for (const ch of folded) {
      if (INVISIBLE.test(ch)) continue;
      if (count >= maxChars) break;
      count++;
      const c = ch.codePointAt(0)!;
      const letter = latinLetter(ch, c);
      if (letter !== null) {
        if (runStart < 0) runStart = from;
        runEnd = to;
        run += letter;
        runDigits.push([from, to]);
        continue;
      }
      flushRun();
      if (STROKE_BREAKS.has(c)) {
        breakHan();
        continue;
      }
      const standIn = isHan(ch, c) ? undefined : variantOf(ch);
      // kana or a stroke drawn like a Han character (ロ for 口, エ for 工)
      if (standIn) pushHan(interned(standIn.to), original, standIn.kind, from, to);
      else if (isHan(ch, c)) hanChar(ch, from, to);
      else breakHan();
    }
  }
  flushRun();
  if (result.latin.length >= SPELLED_OUT_LETTERS) result.latin = joinSpelledOut(result.latin, input);
  return result;
}

/** Long dashes drawn like 一: the em dash, the horizontal bar and the box-drawing strokes. */
const ONE_DASHES = new Set([0x2014, 0x2015, 0x2500, 0x2501]);

/**
 * Whether a long dash at [from, to) stands in for 一 (统— for 统一): it follows a Han character directly and ends the
 * word, where a dash between words (蜜雪冰城—柠檬水) or a doubled one (统——) is punctuation.
 */
function dashAsOne(input: string, text: NormalisedText, cp: number, from: number, to: number): boolean {
  if (!ONE_DASHES.has(cp)) return false;
  const last = text.han.length - 1;
  if (last < 0 || text.hanEnd[last] !== from || text.hanBreakAfter[last]) return false;
  const next = input.codePointAt(to);
  // a doubled dash (——) is the Chinese dash, punctuation
  return next === undefined || (!ONE_DASHES.has(next) && !/[\p{Script=Han}\p{L}\p{N}]/u.test(String.fromCodePoint(next)));
}

/** Letters written one by one (N I K E, A.D.I.D.A.S) are read as one word from this many on: S M L is a size chart. */
const SPELLED_OUT_LETTERS = 4;

/** What may stand between letters written one by one: a space or two, a dot, a hyphen, an underscore, a middle dot. */
const LETTER_GAP = /^[\s.\-_·・•*]{1,2}$/u;

/** Whether the text just before `at` is a one-letter token a LETTER_GAP away (a word being spelled out). */
function followsSpelledLetter(tokens: readonly LatinToken[], input: string, at: number): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && last.canon.length === 1 && /[A-Z]/.test(last.canon) && LETTER_GAP.test(input.slice(last.end, at));
}

/**
 * A word written out letter by letter to slip past a platform's filter (N I K E 运动鞋, A-D-I-D-A-S) is the word:
 * each run of SPELLED_OUT_LETTERS or more one-letter tokens, each a LETTER_GAP from the next, becomes one token over
 * the run's offsets.
 */
function joinSpelledOut(tokens: LatinToken[], input: string): LatinToken[] {
  const out: LatinToken[] = [];
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (tokens[j]!.canon.length === 1 && j + 1 < tokens.length && tokens[j + 1]!.canon.length === 1
      && LETTER_GAP.test(input.slice(tokens[j]!.end, tokens[j + 1]!.start))) j++;
    if (j - i + 1 >= SPELLED_OUT_LETTERS) {
      const canon = tokens.slice(i, j + 1).map((t) => t.canon).join('');
      out.push(latinToken(canon, tokens[i]!.start, tokens[j]!.end));
    } else {
      for (let k = i; k <= j; k++) out.push(tokens[k]!);
    }
    i = j + 1;
  }
  return out;
}

/**
 * The names a firm is recorded under, normalised: the whole, then, where the record writes the name in two scripts, one
 * in brackets after the other (苹果公司(APPLE INC.), SONY CORPORATION(索尼株式会社)), each of the two apart.
 */
export function ownerNames(name: string): string[] {
  const whole = normaliseOwner(name);
  const twoScripts = /^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/u.exec(name.trim());
  if (twoScripts) {
    const [outer, inner] = [twoScripts[1]!, twoScripts[2]!];
    const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
    if (hasHan(outer) !== hasHan(inner)) return [whole, normaliseOwner(outer), normaliseOwner(inner)].filter((n) => n.length >= 2);
  }
  // a place or a form in brackets inside the name (顶益(开曼岛)控股有限公司, 茅台酒厂(集团)有限责任公司): the name without
  // it too, so that the trade name before it is read as the holder's
  const inside = /^(.+?)\s*[(（][^()（）]+[)）]\s*(.+)$/u.exec(name.trim());
  const bare = inside ? normaliseOwner(`${inside[1]}${inside[2]}`) : '';
  return bare.length >= 2 && bare !== whole ? [whole, bare] : [whole];
}

/** Owner names compared after NFKC (full-width brackets → half-width), without spaces, brackets or punctuation. */
export function normaliseOwner(name: string): string {
  const t = normaliseText(name);
  return t.han.join('') + t.latin.map((l) => l.canon).join('');
}
