// Everyday words (generated from the jieba dictionary, see data/NOTICE.md): how common a word is, and which words
// cover a position of a text. Parsed once on first use.
import { NAME_PAIRS, NUMBER_PAIRS, RARE_PAIRS } from './data/rare-words';
import { WORDS } from './data/words';

let frequencies: Map<string, number> | undefined;
/** Longest word length starting with each character (bounds the scan of wordsAt). */
let longestFrom: Map<string, number> | undefined;

function load(): Map<string, number> {
  if (frequencies) return frequencies;
  frequencies = new Map();
  longestFrom = new Map();
  for (const line of WORDS.split('\n')) {
    const chars = Array.from(line);
    const digit = chars.pop();
    if (!digit || chars.length < 2) continue;
    const word = chars.join('');
    frequencies.set(word, Number(digit) + 1);
    const first = chars[0]!;
    if ((longestFrom.get(first) ?? 0) < chars.length) longestFrom.set(first, chars.length);
  }
  return frequencies;
}

/** 0 for a word the dictionary lacks; otherwise 1–10, rising with its frequency (one step per doubling). */
export function wordFrequency(word: string): number {
  return load().get(word) ?? 0;
}

/** Two-character word sets parsed on first use: only the registry's names ask, once each. */
let pairSets: { rare: Set<string>; names: Set<string>; numbers: Set<string> } | undefined;

function pairsOf(backToBack: string): Set<string> {
  const out = new Set<string>();
  const chars = Array.from(backToBack); // by code point: a few characters lie outside the BMP
  for (let i = 0; i + 1 < chars.length; i += 2) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export type PairKind = 'word' | 'name' | 'number' | 'unknown';

/**
 * What the dictionary makes of a two-character word: an everyday or rare word (小猪, 冰城), a name of a person or a
 * thing (佩奇, 特克), a numeral or measure (十三, 三只), or nothing it knows (蜜雪: coined).
 */
export function pairKind(word: string): PairKind {
  pairSets ??= { rare: pairsOf(RARE_PAIRS), names: pairsOf(NAME_PAIRS), numbers: pairsOf(NUMBER_PAIRS) };
  if (pairSets.names.has(word)) return 'name';
  if (pairSets.numbers.has(word)) return 'number';
  return wordFrequency(word) > 0 || pairSets.rare.has(word) ? 'word' : 'unknown';
}

/** Every dictionary word of the text as [start, end) spans over its characters. */
export function wordsIn(chars: readonly string[]): [number, number][] {
  const dict = load();
  const spans: [number, number][] = [];
  for (let i = 0; i < chars.length; i++) {
    const longest = Math.min(longestFrom!.get(chars[i]!) ?? 0, chars.length - i);
    let word = chars[i]!;
    for (let n = 2; n <= longest; n++) {
      word += chars[i + n - 1]!;
      if (dict.has(word)) spans.push([i, i + n]);
    }
  }
  return spans;
}

/** Whether the characters split wholly into dictionary words (脂蛋白, 猪肉灌汤包): an everyday description. */
export function segmentsIntoWords(chars: readonly string[]): boolean {
  if (chars.length < 2) return false;
  const reach = new Uint8Array(chars.length + 1);
  reach[0] = 1;
  for (const [start, end] of wordsIn(chars).sort((a, b) => a[0] - b[0])) if (reach[start]) reach[end] = 1;
  return reach[chars.length] === 1;
}
