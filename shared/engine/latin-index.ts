// Indexes of the registry's Latin forms (names, aliases, pinyin spellings), and the candidate search over a text's
// Latin tokens. Four ways in, each for a kind of imitation:
//   - one-deletion keys of the look-alike skeleton: a letter changed, added, dropped or doubled (ADIDOS, SONNY);
//   - Double Metaphone codes (npm double-metaphone): spelt as it sounds (OMIGA for OMEGA, BOSH for BOSCH);
//   - letter 4-grams of longer forms: the mark inside a longer word (FENGBAOMAFENG, PEIQIKIDS);
//   - the sorted letters of short forms: the same letters rearranged (MBW for BMW);
//   - the skeleton with mirrored letters folded: b written for d, as in abibas for adidas;
//   - the skeleton with a repeated letter blanked, of names written in letters: that letter changed (LAFUFU for LABUBU).
import { doubleMetaphone } from 'double-metaphone';
import type { LatinToken } from './normalise';
import { isPinyinSyllable } from './pinyin';

export interface LatinForm {
  /** joined tokens, upper case */
  canon: string;
  skeleton: string;
  tokenCount: number;
  /** met only as one whole word spelled the same (a pinyin of four letters, GELI: any nearer spelling is another word) */
  wholeWordOnly?: boolean;
}

export interface LatinIndex {
  deletion: Map<string, number[]>;
  /** first three and last three letters of longer forms: the middle rewritten (SULANSOO for SULWHASOO) */
  ends: Map<string, number[]>;
  phonetic: Map<string, number[]>;
  grams: Map<string, number[]>;
  sorted: Map<string, number[]>;
  /** mirroredSkeleton of forms that hold a letter with a mirror image */
  mirrored: Map<string, number[]>;
  /** twoBlanked keys of names and aliases in letters (no pinyin) of MIN_TWO_CHANGED letters or more */
  twoChanged: Map<string, number[]>;
}

/** Sound codes shorter than this collide with too many words (SN, TR) to serve as index keys. */
const MIN_PHONETIC_KEY = 3;
/** Forms at least this long are also searched inside longer words. */
export const MIN_INSIDE = 5;
const GRAM = 4;
/** Short forms whose rearranged letters are looked up. */
const SORTED_LENGTHS = [3, 4, 5];

export function newLatinIndex(): LatinIndex {
  return { deletion: new Map(), ends: new Map(), phonetic: new Map(), grams: new Map(), sorted: new Map(), mirrored: new Map(), twoChanged: new Map() };
}

/** Letters whose lower case is another's mirror image (b and d): a seller writes one for the other (abibas). */
const MIRRORED = /D/g;
/** Forms at least this long are also found with mirrored letters: shorter ones meet other words by chance. */
export const MIN_MIRRORED = 5;

/** A skeleton with each letter that has a mirror image written as that image (ADIDAS → ABIBAS). */
export function mirroredSkeleton(skeleton: string): string {
  return skeleton.replace(MIRRORED, 'B');
}
const hasMirror = (s: string) => s.includes('B') || s.includes('D');

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** All strings obtained by deleting one letter (and the string itself). */
export function deletionKeys(s: string): string[] {
  const keys = new Set<string>([s]);
  if (s.length >= 3) for (let i = 0; i < s.length; i++) keys.add(s.slice(0, i) + s.slice(i + 1));
  return [...keys];
}

const phoneticCache = new Map<string, string[]>();
/** Double Metaphone codes of a word (letters only); empty when too short to mean anything. */
export function phoneticCodes(canon: string): string[] {
  let codes = phoneticCache.get(canon);
  if (codes) return codes;
  const letters = canon.replace(/[^A-Z]/g, '');
  codes = letters.length < 4 ? [] : [...new Set(doubleMetaphone(letters))].filter((c) => c.length >= 2);
  if (phoneticCache.size > 50_000) phoneticCache.clear();
  phoneticCache.set(canon, codes);
  return codes;
}

/** The letters of a word in order (A–Z and digits), as a key: the same letters rearranged give the same key. */
export function sortedLetters(s: string): string {
  return sortedLettersAt(s, 0, s.length);
}

let sortScratch = new Uint16Array(64);
/** sortedLetters of s.slice(start, start + n), without the slice: a text asks this of every window of 3–5 letters */
function sortedLettersAt(s: string, start: number, n: number): string {
  if (sortScratch.length < n) sortScratch = new Uint16Array(n * 2);
  const codes = sortScratch;
  // insertion sort: the keys are a few letters long
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(start + i);
    let j = i;
    while (j > 0 && codes[j - 1]! > c) { codes[j] = codes[j - 1]!; j--; }
    codes[j] = c;
  }
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(codes[i]!);
  return out;
}
/**
 * Names in letters at least this long, and no longer than MAX_TWO_CHANGED, are also found with two letters changed:
 * shorter ones meet other words by chance, and a pinyin spelling is any other syllables.
 */
export const MIN_TWO_CHANGED = 6;
const MAX_TWO_CHANGED = 12;

/**
 * The skeleton with both places of a repeated letter blanked (LABUBU → LA?U?U, LAB?B?): a copy that changes a letter
 * of the name everywhere it stands, the same way (LAFUFU). Two letters changed at random places would meet other
 * words of that length by chance.
 */
export function twoBlanked(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    for (let j = i + 1; j < s.length; j++) if (s[i] === s[j]) out.push(`${s.slice(0, i)}?${s.slice(i + 1, j)}?${s.slice(j + 1)}`);
  }
  return out;
}

/** Forms at least this long are also found by their ends. */
const MIN_ENDS = 6;
const endsKey = (s: string) => `${s.slice(0, 3)}|${s.slice(-3)}`;

export function indexLatinForm(index: LatinIndex, form: number, latin: LatinForm, pinyin: boolean): void {
  for (const key of deletionKeys(latin.skeleton)) push(index.deletion, key, form);
  for (const code of phoneticCodes(latin.canon)) if (code.length >= MIN_PHONETIC_KEY) push(index.phonetic, code, form);
  if (latin.skeleton.length >= MIN_ENDS) push(index.ends, endsKey(latin.skeleton), form);
  if (latin.skeleton.length >= MIN_INSIDE) {
    for (let i = 0; i + GRAM <= latin.skeleton.length; i++) push(index.grams, latin.skeleton.slice(i, i + GRAM), form);
  }
  if (!pinyin && SORTED_LENGTHS.includes(latin.skeleton.length)) push(index.sorted, sortedLetters(latin.skeleton), form);
  if (!pinyin && latin.skeleton.length >= MIN_MIRRORED && hasMirror(latin.skeleton)) push(index.mirrored, mirroredSkeleton(latin.skeleton), form);
  if (!pinyin && !latin.wholeWordOnly && latin.tokenCount === 1 && latin.skeleton.length >= MIN_TWO_CHANGED && latin.skeleton.length <= MAX_TWO_CHANGED) {
    for (const key of twoBlanked(latin.skeleton)) push(index.twoChanged, key, form);
  }
}

/** Forms that one of the four ways reaches from the text's tokens (runs of up to four whole tokens). */
/** Words joined to meet a Latin form: any four, or up to eight pinyin syllables (a name written syllable by syllable). */
export const MAX_JOINED_WORDS = 4;
export const MAX_SPELLED_SYLLABLES = 8;

export function latinCandidates(index: LatinIndex, tokens: readonly LatinToken[]): number[] {
  const found = new Set<number>();
  const add = (list: number[] | undefined) => { if (list) for (const f of list) found.add(f); };
  for (let from = 0; from < tokens.length; from++) {
    let skeleton = '';
    let canon = '';
    for (let to = from; to < Math.min(tokens.length, from + MAX_SPELLED_SYLLABLES); to++) {
      // past four words, only a name spelled syllable by syllable goes on (SHU YI SHAO XIAN CAO)
      if (to - from >= MAX_JOINED_WORDS && !isPinyinSyllable(tokens[to]!.canon)) break;
      skeleton += tokens[to]!.skeleton;
      canon += tokens[to]!.canon;
      if (skeleton.length > 40) break;
      // the keys of deletionKeys, in its order (a key met twice adds nothing new), without a set and an array
      add(index.deletion.get(skeleton));
      if (skeleton.length >= 3) for (let i = 0; i < skeleton.length; i++) add(index.deletion.get(skeleton.slice(0, i) + skeleton.slice(i + 1)));
      if (to - from < 3) for (const code of phoneticCodes(canon)) if (code.length >= MIN_PHONETIC_KEY) add(index.phonetic.get(code));
      if (skeleton.length >= MIN_ENDS - 1) add(index.ends.get(endsKey(skeleton)));
    }
    const word = tokens[from]!.skeleton;
    if (word.length >= MIN_MIRRORED && index.mirrored.size > 0 && hasMirror(word)) add(index.mirrored.get(mirroredSkeleton(word)));
    if (word.length >= MIN_TWO_CHANGED && word.length <= MAX_TWO_CHANGED && index.twoChanged.size > 0) for (const key of twoBlanked(word)) add(index.twoChanged.get(key));
    if (word.length >= MIN_INSIDE) {
      // a form inside a longer word shares most of its 4-grams with it; candidates are checked by the matcher (a gram
      // met twice adds nothing new)
      for (let i = 0; i + GRAM <= word.length; i++) add(index.grams.get(word.slice(i, i + GRAM)));
    }
    if (index.sorted.size > 0) {
      for (const n of SORTED_LENGTHS) {
        for (let i = 0; i + n <= word.length; i++) add(index.sorted.get(sortedLettersAt(word, i, n)));
      }
    }
  }
  return [...found];
}
