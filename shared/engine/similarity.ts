// How alike two characters are, by shape (generated look-alike table) and by sound (toneless and fuzzy pinyin).
// Per-character facts are looked up once per character (CharInfo); comparing two characters then needs one map
// lookup for shape and a few integer comparisons for sound, with no per-pair cache to grow or thrash.
import { confusablesOf, readingsOf } from './glyphs';
import { fuzzySyllable } from './pinyin';

export type CharRelation = 'same' | 'homophone' | 'fuzzy' | 'shape' | 'numeral' | 'none';

export interface CharSimilarity {
  value: number;
  relation: CharRelation;
}

/** A same-sounding character: buyers who hear or type the name meet it (蜜雪冰城 / 蜜雪冰橙). */
export const HOMOPHONE = 0.8;
/** A fuzzy-pinyin match (z/zh, n/l, an/ang …): a weaker sign on its own. */
export const FUZZY = 0.55;
/** One number for another (十三香 / 十五香, 六个核桃 / 九个核桃): the pattern of the mark stays. */
export const NUMERAL = 0.6;

const NUMERALS = new Set(Array.from('零一二三四五六七八九十百千万两'));

export interface CharInfo {
  ch: string;
  numeral: boolean;
  syllables: readonly number[];
  fuzzy: readonly number[];
  lookAlikes: ReadonlyMap<string, number>;
  /** a dense number per character seen, the key of the memo below */
  id: number;
  /**
   * Similarities already worked out against other characters (a batch meets a few thousand characters): an
   * open-addressing table of (other id + 1) → index in `resultList`, so that the lookup in the alignment's inner loop
   * hashes one integer and allocates nothing.
   */
  memoKeys: Int32Array;
  memoValues: Uint16Array;
  memoCount: number;
}

const syllableIds = new Map<string, number>();
const idOf = (s: string) => {
  let id = syllableIds.get(s);
  if (id === undefined) syllableIds.set(s, (id = syllableIds.size));
  return id;
};
const infos = new Map<string, CharInfo>();
const EMPTY_KEYS = new Int32Array(0);
const EMPTY_VALUES = new Uint16Array(0);

export function charInfo(ch: string): CharInfo {
  let info = infos.get(ch);
  if (!info) {
    const readings = readingsOf(ch);
    info = {
      ch,
      numeral: NUMERALS.has(ch),
      syllables: readings.map(idOf),
      fuzzy: [...new Set(readings.map(fuzzySyllable))].map(idOf),
      lookAlikes: confusablesOf(ch),
      id: infos.size,
      memoKeys: EMPTY_KEYS,
      memoValues: EMPTY_VALUES,
      memoCount: 0,
    };
    infos.set(ch, info);
  }
  return info;
}

const fuzzyReadings = new Map<string, readonly string[]>();
export function fuzzyReadingsOf(ch: string): readonly string[] {
  let readings = fuzzyReadings.get(ch);
  if (!readings) fuzzyReadings.set(ch, (readings = [...new Set(readingsOf(ch).map(fuzzySyllable))]));
  return readings;
}

// Results are a handful of distinct values: shared objects, so comparing allocates nothing.
const RELATIONS: readonly CharRelation[] = ['same', 'homophone', 'fuzzy', 'shape', 'numeral', 'none'];
const results: CharSimilarity[][] = RELATIONS.map(() => []);
/** every distinct result, numbered for the memo tables */
const resultList: CharSimilarity[] = [];
const resultIndex = new Map<CharSimilarity, number>();
function result(value: number, relation: CharRelation): CharSimilarity {
  const row = results[RELATIONS.indexOf(relation)]!;
  const key = Math.round(value * 100);
  let r = row[key];
  if (!r) {
    r = row[key] = { value, relation };
    resultIndex.set(r, resultList.length);
    resultList.push(r);
  }
  return r;
}
const SAME = result(1, 'same');
const NUMERAL_SWAP = result(NUMERAL, 'numeral');
const NONE = result(0, 'none');

function shares(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/** Similarity of a protected mark's character `a` and a screened character `b`. */
export function similarityOf(a: CharInfo, b: CharInfo): CharSimilarity {
  // one CharInfo per character (charInfo), so the same object is the same character
  if (a === b) return SAME;
  const keys = a.memoKeys;
  const mask = keys.length - 1;
  const key = b.id + 1;
  if (mask > 0) {
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const k = keys[slot]!;
      if (k === key) return resultList[a.memoValues[slot]!]!;
      if (k === 0) break;
    }
  }
  const known = workOutSimilarity(a, b);
  remember(a, key, resultIndex.get(known)!);
  return known;
}

function remember(a: CharInfo, key: number, value: number): void {
  if ((a.memoCount + 1) * 2 > a.memoKeys.length) {
    const oldKeys = a.memoKeys;
    const oldValues = a.memoValues;
    a.memoKeys = new Int32Array(Math.max(16, oldKeys.length * 2));
    a.memoValues = new Uint16Array(a.memoKeys.length);
    a.memoCount = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i]! !== 0) remember(a, oldKeys[i]!, oldValues[i]!);
  }
  const keys = a.memoKeys;
  const mask = keys.length - 1;
  let slot = Math.imul(key, 0x9e3779b1) & mask;
  while (keys[slot]! !== 0) slot = (slot + 1) & mask;
  keys[slot] = key;
  a.memoValues[slot] = value;
  a.memoCount++;
}

function workOutSimilarity(a: CharInfo, b: CharInfo): CharSimilarity {
  const shape = a.lookAlikes.get(b.ch) ?? 0;
  const sound = shares(a.syllables, b.syllables) ? HOMOPHONE : shares(a.fuzzy, b.fuzzy) ? FUZZY : 0;
  if (shape === 0 && sound === 0) return a.numeral && b.numeral ? NUMERAL_SWAP : NONE;
  // alike in both shape and sound is stronger than either; a true homophone is named as one
  if (shape > 0 && sound >= HOMOPHONE) return result(Math.min(0.95, Math.max(shape, sound) + 0.05), 'homophone');
  if (shape >= sound) return result(shape, 'shape');
  return result(shape > 0 ? Math.min(0.95, sound + 0.05) : sound, sound >= HOMOPHONE ? 'homophone' : 'fuzzy');
}

export function charSimilarity(a: string, b: string): CharSimilarity {
  return a === b ? SAME : similarityOf(charInfo(a), charInfo(b));
}

export { NONE as NO_SIMILARITY };
