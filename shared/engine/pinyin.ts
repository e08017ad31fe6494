import { pinyinStandIn, readingsOf } from './glyphs';

// Fuzzy pinyin: the confusions of Mandarin as spoken across China (z/zh, c/ch, s/sh, n/l, f/h; an/ang, en/eng,
// in/ing). Two syllables with the same fuzzy key sound alike to many buyers even when they are not homophones.

const INITIALS: [RegExp, string][] = [
  [/^zh/, 'z'],
  [/^ch/, 'c'],
  [/^sh/, 's'],
  [/^n(?!g)/, 'l'],
  [/^h/, 'f'],
];
const FINALS: [RegExp, string][] = [
  [/ang$/, 'an'],
  [/eng$/, 'en'],
  [/ing$/, 'in'],
];

export function fuzzySyllable(syllable: string): string {
  let s = syllable;
  for (const [re, to] of INITIALS) {
    if (re.test(s)) {
      s = s.replace(re, to);
      break;
    }
  }
  for (const [re, to] of FINALS) {
    if (re.test(s)) {
      s = s.replace(re, to);
      break;
    }
  }
  return s;
}

/**
 * Whether Latin letters spell, syllable by syllable, the pinyin of two or more consecutive characters of a Han text:
 * a mark written with its own pinyin (清华脂蛋白 QINGHUAZHIDANBAI, 蜜雪冰城MIXUE) adds no word of its own. Every
 * reading of a character counts (行: xing, hang); ü may be written V or U.
 */
export function spellsPinyinOf(letters: string, han: readonly string[]): boolean {
  const spelled = letters.toLowerCase();
  if (spelled.length < 2 || han.length < 2 || !/^[a-z]+$/.test(spelled)) return false;
  const readings = han.map((ch) => readingsOf(ch).flatMap((r) => (r.includes('v') ? [r, r.replace(/v/g, 'u')] : [r])));
  // reachable[j]: the letters up to j are spelled by characters start … some i, ending at a character's end
  const from = (start: number): boolean => {
    let ends = new Set<number>([0]);
    for (let i = start; i < han.length && ends.size > 0; i++) {
      const next = new Set<number>();
      for (const at of ends) {
        for (const r of readings[i]!) if (spelled.startsWith(r, at)) next.add(at + r.length);
      }
      if (next.has(spelled.length) && i > start) return true;
      ends = next;
    }
    return false;
  };
  for (let start = 0; start + 1 < han.length; start++) if (from(start)) return true;
  return false;
}

/**
 * The character that stands for a word read as one toneless pinyin syllable (xue, SHU; ü written v or, after l and n,
 * u: lue for lve), or undefined when the word is no syllable.
 */
export function syllableStandIn(word: string): string | undefined {
  const letters = word.toLowerCase();
  return pinyinStandIn(letters) ?? pinyinStandIn(letters.replace(/^([ln])u/, '$1v'));
}

/** Whether a word is one toneless pinyin syllable (SHU, XIAN, LUE). */
export function isPinyinSyllable(word: string): boolean {
  return syllableStandIn(word) !== undefined;
}
