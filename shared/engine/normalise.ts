// Normalisation: brings a mark, an alias, a filing or a listing title into the form in which the engine compares
// them, while remembering what each character was, so that a hit can say "traditional" or "numeral".
//   NFKC (full-width letters and digits, compatibility ideographs) → drop invisible characters → traditional,
//   Japanese and variant characters to simplified → capital and Arabic numerals to Chinese numerals → Latin text
//   upper-cased, accents removed, Cyrillic and Greek look-alikes replaced, split into tokens with a look-alike
//   skeleton (0/O, 1/l/I/L, 5/S, 8/B, rn/m, vv/w).
import { variantOf } from './glyphs';
import type { CharInfo } from './similarity';

export type CharOrigin = 'same' | 'traditional' | 'variant' | 'numeral';

export interface LatinToken {
  /** upper case, accents and homoglyphs removed, digits kept */
  canon: string;
  /** canon with look-alike letters and digits folded together */
  skeleton: string;
}

export interface NormalisedText {
  /** Han characters in order, simplified (numerals as Chinese numerals) */
  han: string[];
  /** the character written in the source for each han[i] */
  hanSource: string[];
  hanOrigin: CharOrigin[];
  /** true when something other than a Han character (space, punctuation, Latin) follows han[i] */
  hanBreakAfter: boolean[];
  latin: LatinToken[];
  /** generic-word mask of `han`, computed on first use (see generic.ts) */
  genericMask?: boolean[];
  /** readings and look-alikes of `han`, computed on first use (see similarity.ts) */
  hanInfo?: CharInfo[];
}

/** Texts longer than this are cut: no mark is that long, and a runaway cell must not stall a batch. */
export const MAX_TEXT = 2000;

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const HAN = /\p{Script=Han}/u;

const CAPITAL_NUMERALS: Record<string, string> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 〇: '零',
};
const DIGIT_HAN = '零一二三四五六七八九';

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

function pushLatin(out: LatinToken[], run: string): void {
  if (!run) return;
  const canon = run.toUpperCase();
  out.push({ canon, skeleton: latinSkeleton(canon) });
}

export function normaliseText(input: string, maxChars = MAX_TEXT): NormalisedText {
  const text = input.slice(0, maxChars * 2).normalize('NFKC').replace(INVISIBLE, '');
  const result: NormalisedText = { han: [], hanSource: [], hanOrigin: [], hanBreakAfter: [], latin: [] };
  const chars = Array.from(text).slice(0, maxChars);
  let run = '';
  const pushHan = (ch: string, src: string, origin: CharOrigin) => {
    result.han.push(ch);
    result.hanSource.push(src);
    result.hanOrigin.push(origin);
    result.hanBreakAfter.push(false);
  };
  const breakHan = () => {
    if (result.hanBreakAfter.length) result.hanBreakAfter[result.hanBreakAfter.length - 1] = true;
  };
  const flushRun = () => {
    // a run of digits alone is a number (6个 → 六个); digits among letters are look-alike letters (PEPS1)
    if (/^[0-9]+$/.test(run)) for (const d of run) pushHan(DIGIT_HAN[Number(d)] as string, d, 'numeral');
    else {
      pushLatin(result.latin, run);
      if (run) breakHan();
    }
    run = '';
  };
  for (const ch of chars) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x4e00 && c <= 0x9fff) {
      // the common case first: a CJK unified ideograph
      flushRun();
      const numeral = CAPITAL_NUMERALS[ch];
      const v = numeral ? undefined : variantOf(ch);
      if (numeral) pushHan(numeral, ch, 'numeral');
      else pushHan(v ? v.to : ch, ch, v ? v.kind : 'same');
      continue;
    }
    const letter = latinLetter(ch, c);
    if (letter !== null) {
      run += letter;
      continue;
    }
    flushRun();
    if (isHan(ch, c)) {
      const numeral = CAPITAL_NUMERALS[ch];
      if (numeral) pushHan(numeral, ch, 'numeral');
      else {
        const v = variantOf(ch);
        pushHan(v ? v.to : ch, ch, v ? v.kind : 'same');
      }
    } else breakHan();
  }
  flushRun();
  return result;
}

/** Owner names compared after NFKC (full-width brackets → half-width), without spaces, brackets or punctuation. */
export function normaliseOwner(name: string): string {
  const t = normaliseText(name);
  return t.han.join('') + t.latin.map((l) => l.canon).join('');
}
