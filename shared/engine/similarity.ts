// How alike two characters are, by shape (generated look-alike table) and by sound (toneless and fuzzy pinyin).
// Per-character facts are looked up once per character (CharInfo); comparing two characters needs one map lookup for
// shape and a few integer comparisons for sound, done once per pair and then read from the screened character's row.
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
  /** a dense number per character seen */
  id: number;
  /** this character's number as the protected mark's side of a comparison (-1 until it is one): a column of `row` */
  markSlot: number;
  /**
   * Similarities already worked out with mark characters (a batch meets a few thousand characters), indexed by their
   * `markSlot`: 0 not yet, else the index in `resultList` + 1. The alignment's inner loop compares a few mark
   * characters with the same few text characters, so a lookup reads one byte of a row that stays in cache, hashes
   * nothing and allocates nothing. A row is as long as the number of mark characters met (a registry's few thousand).
   */
  row: Uint8Array;
  /**
   * Mark characters numbered below this that look like this one have their entries in `row` already (filled when the
   * row is made, from this character's own look-alikes: the table is symmetric), so a missing entry below it is not
   * a look-alike and needs no lookup by string.
   */
  shapesBelow: number;
}

const syllableIds = new Map<string, number>();
const idOf = (s: string) => {
  let id = syllableIds.get(s);
  if (id === undefined) syllableIds.set(s, (id = syllableIds.size));
  return id;
};
const infos = new Map<string, CharInfo>();
const EMPTY_ROW = new Uint8Array(0);
let markSlots = 0;
/** the CharInfo of each mark number */
const slotInfos: CharInfo[] = [];

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
      markSlot: -1,
      row: EMPTY_ROW,
      shapesBelow: 0,
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
const results: number[][] = RELATIONS.map(() => []);
/** every distinct result, numbered for the memo rows */
const resultList: CharSimilarity[] = [];
/** The number of a result in `resultList`. */
function resultAt(value: number, relation: CharRelation): number {
  const row = results[RELATIONS.indexOf(relation)]!;
  const key = Math.round(value * 100);
  let r = row[key];
  if (r === undefined) {
    // the memo rows keep a result's number + 1 in a byte (a few dozen distinct results exist)
    if (resultList.length >= 255) throw new Error('too many distinct similarity results for the memo');
    r = row[key] = resultList.length;
    resultList.push({ value, relation });
  }
  return r;
}
const SAME = resultList[resultAt(1, 'same')]!;
const NUMERAL_SWAP = resultAt(NUMERAL, 'numeral');
const NONE_AT = resultAt(0, 'none');
const NONE = resultList[NONE_AT]!;

function shares(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/**
 * What a pair not yet remembered needs of its mark character, by mark number, side by side (one cache line, not the
 * CharInfo and its two arrays): the number of syllables (-1: more than fit, read the CharInfo), of fuzzy syllables,
 * then the syllables and the fuzzy syllables.
 */
const SLOT_STRIDE = 16;
const SLOT_SOUNDS = 6;
let slotData = new Int32Array(SLOT_STRIDE * 1024);

/**
 * Numbers `a` as a mark's character. The registry index numbers all of its characters when it is built, so that each
 * screened character's row is allocated once, long enough for all of them.
 */
export function claimMarkSlot(a: CharInfo): number {
  if (a.markSlot < 0) {
    a.markSlot = markSlots++;
    slotInfos.push(a);
    if (slotData.length < markSlots * SLOT_STRIDE) {
      const grown = new Int32Array(slotData.length * 2);
      grown.set(slotData);
      slotData = grown;
    }
    const at = a.markSlot * SLOT_STRIDE;
    if (a.syllables.length > SLOT_SOUNDS || a.fuzzy.length > SLOT_SOUNDS) slotData[at] = -1;
    else {
      slotData[at] = a.syllables.length;
      slotData[at + 1] = a.fuzzy.length;
      a.syllables.forEach((id, i) => { slotData[at + 2 + i] = id; });
      a.fuzzy.forEach((id, i) => { slotData[at + 2 + SLOT_SOUNDS + i] = id; });
    }
  }
  return a.markSlot;
}

/** soundOf the mark character numbered `slot` and `b`, from slotData. */
function soundAtSlot(slot: number, b: CharInfo): number {
  const at = slot * SLOT_STRIDE;
  const syllables = slotData[at]!;
  if (syllables < 0) return soundOf(slotInfos[slot]!, b);
  for (let i = 0; i < syllables; i++) if (b.syllables.includes(slotData[at + 2 + i]!)) return HOMOPHONE;
  const fuzzy = slotData[at + 1]!;
  for (let i = 0; i < fuzzy; i++) if (b.fuzzy.includes(slotData[at + 2 + SLOT_SOUNDS + i]!)) return FUZZY;
  return 0;
}

/** How `a` and `b` sound alike: a shared reading, a shared fuzzy reading, or not at all. */
function soundOf(a: CharInfo, b: CharInfo): number {
  return shares(a.syllables, b.syllables) ? HOMOPHONE : shares(a.fuzzy, b.fuzzy) ? FUZZY : 0;
}

/** Similarity of a protected mark's character `a` and a screened character `b`. */
export function similarityOf(a: CharInfo, b: CharInfo): CharSimilarity {
  // one CharInfo per character (charInfo), so the same object is the same character
  if (a === b) return SAME;
  return similarityAtSlot(a.markSlot >= 0 ? a.markSlot : claimMarkSlot(a), b);
}

/** similarityOf the mark character numbered `slot` (claimMarkSlot) and `b`. */
export function similarityAtSlot(slot: number, b: CharInfo): CharSimilarity {
  // one number per mark character: the same number is the same character
  if (b.markSlot === slot) return SAME;
  const row = slot < b.row.length ? b.row : newRow(b, slot);
  const known = row[slot]!;
  if (known !== 0) return resultList[known - 1]!;
  // below shapesBelow, a look-alike would have been filled in: this pair is alike by sound or number only
  const shape = slot < b.shapesBelow ? 0 : (slotInfos[slot]!.lookAlikes.get(b.ch) ?? 0);
  const r = similarityFrom(shape, soundAtSlot(slot, b), b.numeral && slotInfos[slot]!.numeral);
  row[slot] = r + 1;
  return resultList[r]!;
}

/** A longer row for `b` (room for every mark character numbered so far, and some more), with its look-alikes. */
function newRow(b: CharInfo, slot: number): Uint8Array {
  const row = new Uint8Array(Math.max(slot + 1, markSlots) + 256);
  row.set(b.row);
  for (const [ch, shape] of b.lookAlikes) {
    const a = infos.get(ch);
    if (a === undefined || a === b || a.markSlot < b.shapesBelow || a.markSlot >= markSlots || row[a.markSlot] !== 0) continue;
    row[a.markSlot] = similarityFrom(shape, soundOf(a, b), a.numeral && b.numeral) + 1;
  }
  b.shapesBelow = markSlots;
  b.row = row;
  return row;
}

/**
 * The similarity of two characters (its number in `resultList`) from how alike they look (0: not at all), how alike
 * they sound (soundOf) and whether both are numerals.
 */
function similarityFrom(shape: number, sound: number, numerals: boolean): number {
  if (shape === 0 && sound === 0) return numerals ? NUMERAL_SWAP : NONE_AT;
  // alike in both shape and sound is stronger than either; a true homophone is named as one
  if (shape > 0 && sound >= HOMOPHONE) return resultAt(Math.min(0.95, Math.max(shape, sound) + 0.05), 'homophone');
  if (shape >= sound) return resultAt(shape, 'shape');
  return resultAt(shape > 0 ? Math.min(0.95, sound + 0.05) : sound, sound >= HOMOPHONE ? 'homophone' : 'fuzzy');
}

export function charSimilarity(a: string, b: string): CharSimilarity {
  return a === b ? SAME : similarityOf(charInfo(a), charInfo(b));
}

export { NONE as NO_SIMILARITY };
