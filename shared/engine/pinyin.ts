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
