// Latin marks: how close a run of a text's tokens comes to a registry form — letter by letter (edit distance on the
// look-alike skeleton, Jaro–Winkler), by sound (Double Metaphone), inside a longer word, or rearranged. The result is
// evidence for the scoring model (features.ts); nothing here decides.
import type { LatinForm, LatinIndex } from './latin-index';
import { latinCandidates, MAX_JOINED_WORDS, MAX_SPELLED_SYLLABLES, MIN_INSIDE, MIN_MIRRORED, mirroredSkeleton, phoneticCodes, sortedLetters } from './latin-index';
import type { LatinToken } from './normalise';
import { isPinyinSyllable } from './pinyin';
import { ENGLISH_WORDS } from './data/english-words';

// Scratch rows reused by every call (Latin filings compare a token with a few forms each).
let editRows = new Int32Array(3 * 64);
let aMatchedBuffer = new Uint8Array(64);
let bMatchedBuffer = new Uint8Array(64);

/** Damerau–Levenshtein distance (adjacent transposition counts 1), or max+1 when it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  const w = n + 1;
  if (editRows.length < 3 * w) editRows = new Int32Array(6 * w);
  const r = editRows;
  // three rows in one array: the one before the previous, the previous and the current
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= n; j++) {
    r[prev2 + j] = 0;
    r[prev + j] = j;
    r[cur + j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    r[cur] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let v = Math.min(r[prev + j]! + 1, r[cur + j - 1]! + 1, r[prev + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, r[prev2 + j - 2]! + 1);
      r[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const oldPrev2 = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldPrev2;
  }
  return r[prev + n]!;
}

/** Jaro–Winkler similarity (prefix scale 0.1, prefix up to four letters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (aMatchedBuffer.length < a.length) aMatchedBuffer = new Uint8Array(2 * a.length);
  if (bMatchedBuffer.length < b.length) bMatchedBuffer = new Uint8Array(2 * b.length);
  const aMatched = aMatchedBuffer.fill(0, 0, a.length);
  const bMatched = bMatchedBuffer.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bMatched[j] === 1 || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (aMatched[i] === 0) continue;
    while (bMatched[j] === 0) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Least edits to turn `pattern` into some substring of `text` (free start and end in the text), with where that
 * substring lies; Damerau transpositions are not needed for the few words this sees.
 */
function substringDistance(pattern: string, text: string): { distance: number; start: number; end: number } {
  const m = pattern.length;
  const n = text.length;
  // cost[i][j]: pattern[0..i) against a substring ending at text j; origin tracks where it started
  let prev = new Array<number>(n + 1).fill(0);
  let prevStart = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    const curStart = new Array<number>(n + 1);
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      const diag = prev[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      const up = prev[j]! + 1;
      const left = cur[j - 1]! + 1;
      if (diag <= up && diag <= left) { cur[j] = diag; curStart[j] = prevStart[j - 1]!; }
      else if (up <= left) { cur[j] = up; curStart[j] = prevStart[j]!; }
      else { cur[j] = left; curStart[j] = curStart[j - 1]!; }
    }
    prev = cur;
    prevStart = curStart;
  }
  let best = 0;
  for (let j = 1; j <= n; j++) if (prev[j]! < prev[best]!) best = j;
  return { distance: prev[best]!, start: prevStart[best]!, end: best };
}

export interface LatinEvidence {
  /** the skeletons are equal (letters that look alike: 0/O, 1/l, Cyrillic …), or the letters themselves */
  exact: boolean;
  lookAlike: boolean;
  /** edit distance between the form's skeleton and the matched letters (0–3) */
  distance: number;
  jaroWinkler: number;
  /** Double Metaphone codes shared */
  phonetic: boolean;
  /** the letters rearranged (MBW for BMW) */
  permuted: boolean;
  /** the form found inside a longer word: letters of that word outside the match */
  insideExtra: number;
  /** tokens joined or split differently from the form (COCACOLA / COCA-COLA, CAN ON) */
  spacing: boolean;
  /** the text has tokens besides the matched ones, and how many Han characters */
  extraTokens: number;
  /** matched token range [from, to) and, for an inside match, the letter range in that token */
  from: number;
  to: number;
  letterStart?: number;
  letterEnd?: number;
}

const MAX_DISTANCE = 3;

function better(a: LatinEvidence | null, b: LatinEvidence): boolean {
  if (!a) return true;
  const rank = (e: LatinEvidence) => (e.exact ? 10 : 0) + (e.lookAlike ? 5 : 0) - e.distance * 2 + e.jaroWinkler + (e.phonetic ? 2.5 : 0)
    - (e.insideExtra > 0 ? 1 : 0) - (e.permuted ? 2 : 0);
  return rank(b) > rank(a);
}

/** The best evidence that `form` appears in `tokens`, or null when nothing comes close. */
export function matchLatin(form: LatinForm, tokens: readonly LatinToken[]): LatinEvidence | null {
  if (form.wholeWordOnly) return wholeWord(form, tokens);
  let best: LatinEvidence | null = null;
  const L = form.skeleton.length;
  // the words a match may join: any of them up to the form's own count and one more (four at least), then, as for the
  // candidates (latin-index.ts), only pinyin syllables
  const anyWords = Math.max(MAX_JOINED_WORDS, form.tokenCount + 1);
  const maxSpan = Math.min(tokens.length, Math.max(MAX_SPELLED_SYLLABLES, anyWords));
  const formCodes = phoneticCodes(form.canon);
  for (let from = 0; from < tokens.length; from++) {
    let canon = '';
    let skeleton = '';
    let quantity = false;
    for (let to = from + 1; to <= Math.min(tokens.length, from + maxSpan); to++) {
      if (to - from > anyWords && !isPinyinSyllable(tokens[to - 1]!.canon)) break;
      canon += tokens[to - 1]!.canon;
      skeleton += tokens[to - 1]!.skeleton;
      // a size (50G beside SOD, 5KG beside SK2) is read only as the very spelling of a form
      quantity ||= tokens[to - 1]!.quantity;
      if (skeleton.length > L + MAX_DISTANCE) break;
      if (quantity && canon !== form.canon) continue;
      const distance = editDistance(form.skeleton, skeleton, MAX_DISTANCE);
      const phonetic = formCodes.length > 0 && phoneticCodes(canon).some((c) => formCodes.includes(c));
      const permuted = distance > 0 && L >= 3 && skeleton.length === L && sortedLetters(skeleton) === sortedLetters(form.skeleton);
      if (distance > MAX_DISTANCE && !phonetic && !permuted) continue;
      const e: LatinEvidence = {
        exact: canon === form.canon, lookAlike: canon !== form.canon && (skeleton === form.skeleton || sameUndoubled(skeleton, form.skeleton) || sameMirrored(skeleton, form.skeleton)),
        distance: Math.min(distance, MAX_DISTANCE + 1), jaroWinkler: jaroWinkler(form.skeleton, skeleton), phonetic, permuted,
        insideExtra: 0, spacing: to - from !== form.tokenCount, extraTokens: tokens.length - (to - from), from, to,
      };
      if (better(best, e)) best = e;
    }
    // inside one longer word: the mark with letters around it (FENGBAOMAFENG, PEIQIKIDS, MBWL)
    const word = tokens[from]!.skeleton;
    if (word.length > L && !tokens[from]!.quantity) {
      if (L >= MIN_INSIDE) {
        const s = substringDistance(form.skeleton, word);
        if (s.distance <= 1) {
          const e: LatinEvidence = {
            exact: s.distance === 0 && tokens[from]!.canon.slice(s.start, s.end) === form.canon, lookAlike: false,
            distance: s.distance, jaroWinkler: jaroWinkler(form.skeleton, word.slice(s.start, s.end)), phonetic: false, permuted: false,
            insideExtra: word.length - (s.end - s.start), spacing: false, extraTokens: tokens.length - 1, from, to: from + 1,
            letterStart: s.start, letterEnd: s.end,
          };
          if (better(best, e)) best = e;
        }
      }
      if (L >= 3 && L <= 5) {
        const target = sortedLetters(form.skeleton);
        for (let i = 0; i + L <= word.length; i++) {
          if (sortedLetters(word.slice(i, i + L)) !== target) continue;
          const part = word.slice(i, i + L);
          const e: LatinEvidence = {
            exact: false, lookAlike: false, distance: Math.min(editDistance(form.skeleton, part, MAX_DISTANCE), MAX_DISTANCE + 1),
            jaroWinkler: jaroWinkler(form.skeleton, part), phonetic: false, permuted: part !== form.skeleton,
            insideExtra: word.length - L, spacing: false, extraTokens: tokens.length - 1, from, to: from + 1, letterStart: i, letterEnd: i + L,
          };
          if (better(best, e)) best = e;
          break;
        }
      }
    }
  }
  return best;
}

/** The form as one whole token spelled the same, or null. */
function wholeWord(form: LatinForm, tokens: readonly LatinToken[]): LatinEvidence | null {
  const at = tokens.findIndex((t) => t.canon === form.canon);
  if (at < 0) return null;
  return {
    exact: true, lookAlike: false, distance: 0, jaroWinkler: 1, phonetic: false, permuted: false, insideExtra: 0,
    spacing: false, extraTokens: tokens.length - 1, from: at, to: at + 1,
  };
}

let englishWords: Set<string> | undefined;

/** Whether a canonical Latin word is a common English word (data/english-words.ts). */
export function isCommonEnglishWord(canon: string): boolean {
  englishWords ??= new Set(ENGLISH_WORDS.split(' '));
  return englishWords.has(canon);
}

/**
 * Whether the evidence is one whole token that is a common English word with a letter of the form changed or lost
 * (NICE beside NIKE, APPLY beside APPLE): a word whose meaning the public knows, where the guideline compares a
 * foreign word through its meaning. A word that still spells every letter of the form in order (CHANNEL for CHANEL),
 * or all of them rearranged, keeps the mark in it; a word that holds the whole form among letters of its own (BASICS
 * of ASICS) is that word.
 */
export function matchesAnotherWord(e: LatinEvidence, form: LatinForm, tokens: readonly LatinToken[]): boolean {
  if (e.permuted || e.to - e.from !== 1 || (e.exact && e.insideExtra === 0)) return false;
  const word = tokens[e.from]!.canon;
  if (!isCommonEnglishWord(word)) return false;
  // the whole mark among more letters of a common word (BASICS of ASICS) is that word's spelling
  if (e.exact) return true;
  return e.insideExtra === 0 && !spellsInOrder(form.canon, word);
}

/** Whether every letter of `letters` occurs in `word` in the same order. */
function spellsInOrder(letters: string, word: string): boolean {
  let i = 0;
  for (let j = 0; j < word.length && i < letters.length; j++) if (word[j] === letters[i]) i++;
  return i === letters.length;
}

/**
 * Whether two skeletons differ only in a letter doubled or a double letter written once (NIIKE for NIKE, APLE for
 * APPLE): at a glance they look the same.
 */
function sameUndoubled(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 2 && undoubled(a) === undoubled(b);
}

/** Whether two skeletons of one word differ only in letters written as their mirror images (ABIBAS for ADIDAS). */
function sameMirrored(a: string, b: string): boolean {
  return a.length === b.length && a.length >= MIN_MIRRORED && a !== b && mirroredSkeleton(a) === mirroredSkeleton(b);
}

function undoubled(s: string): string {
  return s.replace(/([A-Z])\1+/g, '$1');
}

/**
 * The Latin readings of a text's tokens: every form the index reaches that comes close, a common English word left to
 * mean what it means (NICE is not NIKE misspelt). Words that spell one form of a mark as written (GUCCI) are not read
 * again as another form of it altered there (GUCHI, the pinyin of its alias 古驰): a resold or fitted brand is set aside
 * as written, not let in misspelt.
 */
export function latinReadings<F extends { markIndex: number; kind: string; latin: LatinForm | null }>(forms: readonly F[], index: LatinIndex, tokens: readonly LatinToken[]): { form: F; e: LatinEvidence }[] {
  if (tokens.length === 0) return [];
  const readings: { form: F; e: LatinEvidence }[] = [];
  for (const f of latinCandidates(index, tokens)) {
    const form = forms[f]!;
    const e = form.latin ? matchLatin(form.latin, tokens) : null;
    if (e && !matchesAnotherWord(e, form.latin!, tokens)) readings.push({ form, e });
  }
  // a pinyin spelled exactly is no brand written as itself (TUCHI beside TUCCI, alias 图驰)
  const exact = readings.filter((r) => r.e.exact && r.form.kind !== 'pinyin');
  return readings.filter(({ form, e }) => e.exact || !exact.some((x) => x.form.markIndex === form.markIndex && x.e.from <= e.from && e.to <= x.e.to));
}
