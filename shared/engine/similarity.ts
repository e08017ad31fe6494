// How alike two characters are, by shape (generated look-alike table) and by sound (toneless and fuzzy pinyin).
import { confusablesOf, readingsOf } from './glyphs';
import { fuzzySyllable } from './pinyin';

export type CharRelation = 'same' | 'homophone' | 'fuzzy' | 'shape' | 'none';

export interface CharSimilarity {
  value: number;
  relation: CharRelation;
}

/** A same-sounding character: buyers who hear or type the name meet it (蜜雪冰城 / 蜜雪冰橙). */
export const HOMOPHONE = 0.8;
/** A fuzzy-pinyin match (z/zh, n/l, an/ang …): a weaker sign on its own. */
export const FUZZY = 0.55;

const SAME: CharSimilarity = { value: 1, relation: 'same' };
const NONE: CharSimilarity = { value: 0, relation: 'none' };
// two-level cache (mark character → screened character): no string is built per lookup
const cache = new Map<string, Map<string, CharSimilarity>>();
let cached = 0;
const fuzzyCache = new Map<string, readonly string[]>();

export function fuzzyReadingsOf(ch: string): readonly string[] {
  let f = fuzzyCache.get(ch);
  if (!f) {
    f = [...new Set(readingsOf(ch).map(fuzzySyllable))];
    fuzzyCache.set(ch, f);
  }
  return f;
}

function soundSimilarity(a: string, b: string): number {
  const ra = readingsOf(a);
  const rb = readingsOf(b);
  if (ra.some((s) => rb.includes(s))) return HOMOPHONE;
  const fa = fuzzyReadingsOf(a);
  const fb = fuzzyReadingsOf(b);
  return fa.some((s) => fb.includes(s)) ? FUZZY : 0;
}

/** Similarity of a protected mark's character `a` and a screened character `b`, cached per pair. */
export function charSimilarity(a: string, b: string): CharSimilarity {
  if (a === b) return SAME;
  let row = cache.get(a);
  if (!row) {
    row = new Map();
    cache.set(a, row);
  }
  let s = row.get(b);
  if (s) return s;
  const shape = confusablesOf(a).get(b) ?? 0;
  const sound = soundSimilarity(a, b);
  if (shape === 0 && sound === 0) s = NONE;
  else if (shape >= sound) {
    // alike in both shape and sound is stronger than either
    s = { value: sound >= HOMOPHONE ? Math.min(0.95, shape + 0.05) : shape, relation: 'shape' };
  } else {
    s = {
      value: shape > 0 ? Math.min(0.95, sound + 0.05) : sound,
      relation: sound >= HOMOPHONE ? 'homophone' : 'fuzzy',
    };
  }
  if (++cached > 2_000_000) {
    cache.clear(); // bounded: a batch meets far fewer distinct pairs
    cached = 0;
  }
  row.set(b, s);
  return s;
}

export function isSame(s: CharSimilarity): boolean {
  return s === SAME;
}
export { NONE as NO_SIMILARITY };
