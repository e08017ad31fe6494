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
  /** similarities already worked out against other characters (a batch meets a few thousand characters) */
  known: Map<string, CharSimilarity>;
}

const syllableIds = new Map<string, number>();
const idOf = (s: string) => {
  let id = syllableIds.get(s);
  if (id === undefined) syllableIds.set(s, (id = syllableIds.size));
  return id;
};
const infos = new Map<string, CharInfo>();

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
      known: new Map(),
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
function result(value: number, relation: CharRelation): CharSimilarity {
  const row = results[RELATIONS.indexOf(relation)]!;
  const key = Math.round(value * 100);
  return (row[key] ??= { value, relation });
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
  if (a.ch === b.ch) return SAME;
  let known = a.known.get(b.ch);
  if (!known) a.known.set(b.ch, (known = workOutSimilarity(a, b)));
  return known;
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
