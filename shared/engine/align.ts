// Alignment of a protected mark (every character) with the best window of a screened text: substitution by
// sound or shape, a mark character missing, an extra character inside the window, two adjacent characters swapped.
// Each mark character counts by its weight (its distinctiveness), so sharing only a generic word scores little.
import type { AlignedPair } from '../domain';
import { charInfo, claimMarkSlot, similarityAtSlot, similarityOf, type CharInfo, type CharRelation, type CharSimilarity } from './similarity';

/** Cost of a mark character that the text lacks (on top of not scoring it). */
export const DROP_COST = 0.1;
/** Cost of an extra character inside the matched window (六个石磨核桃). */
export const INSERT_COST = 0.25;
/** Two adjacent characters swapped keep most of their value (途安 / 安途). */
export const TRANSPOSE_VALUE = 0.9;

export interface HanAlignment {
  /** weighted score (sum of weight × similarity − costs) */
  score: number;
  /** matched window [start, end) in the text */
  start: number;
  end: number;
  pairs: AlignedPair[];
  relations: CharRelation[];
  missing: number;
  inserted: number;
  transposed: number;
  /** similarity of the mark's first character to its counterpart (0 when missing) */
  firstValue: number;
}

// Scratch matrices reused across calls (an alignment is small; allocating them each time dominated the cost).
let scoreBuffer = new Float64Array(256);
let stepBuffer = new Uint8Array(256);
let simBuffer = new Float64Array(256);
let relationBuffer: CharSimilarity[] = [];
/** per mark character: its weight, and whether it repeats the character before it */
let weightBuffer = new Float64Array(64);
let repeatBuffer = new Uint8Array(64);

/** Room for a mark of k characters against n text characters. */
function reserve(k: number, n: number): void {
  const cells = (k + 1) * (n + 1);
  if (scoreBuffer.length < cells) {
    scoreBuffer = new Float64Array(cells * 2);
    stepBuffer = new Uint8Array(cells * 2);
    simBuffer = new Float64Array(cells * 2);
  }
  if (relationBuffer.length < k * n) relationBuffer = new Array<CharSimilarity>(k * n * 2);
  if (weightBuffer.length < k) {
    weightBuffer = new Float64Array(k * 2);
    repeatBuffer = new Uint8Array(k * 2);
  }
}

const enum Step { Start = 0, Diagonal = 1, Up = 2, Left = 3, Swap = 4 }

/**
 * Aligns all of `mark` with a window of `text` between `lo` and `hi` (defaults: the whole text); null when the best
 * weighted score stays below `minScore`.
 */
export function alignHan(
  mark: readonly string[],
  weights: readonly number[],
  text: readonly string[],
  lo = 0,
  hi = text.length,
  markInfo?: readonly CharInfo[],
  textInfoAll?: readonly CharInfo[],
  minScore = -Infinity,
): HanAlignment | null {
  const k = mark.length;
  const n = hi - lo;
  reserve(k, n);
  for (let i = 0; i < k; i++) {
    weightBuffer[i] = weights[i]!;
    repeatBuffer[i] = i > 0 && mark[i] === mark[i - 1] ? 1 : 0;
    const m = markInfo ? markInfo[i]! : charInfo(mark[i]!);
    for (let j = 0; j < n; j++) {
      const r = similarityOf(m, textInfoAll ? textInfoAll[lo + j]! : charInfo(text[lo + j]!));
      relationBuffer[i * n + j] = r;
      simBuffer[i * n + j] = r.value;
    }
  }
  return alignFilled(k, n, lo, minScore);
}

/**
 * Per registry form, what its alignment reads, side by side in one array (a candidate that falls short then costs
 * one or two cache lines, not the form, its arrays and a CharInfo per character): the total weight, then each
 * character's weight and mark number (similarity.ts, claimMarkSlot). `start[f]` is where form f begins.
 */
export interface FlatForms {
  start: Int32Array;
  data: Float64Array;
}

export function flattenForms(forms: readonly { weights: readonly number[]; totalWeight: number; info: readonly CharInfo[] }[]): FlatForms {
  const start = new Int32Array(forms.length + 1);
  forms.forEach((form, f) => { start[f + 1] = start[f]! + 1 + 2 * form.info.length; });
  const data = new Float64Array(start[forms.length]!);
  forms.forEach((form, f) => {
    let at = start[f]!;
    data[at++] = form.totalWeight;
    form.info.forEach((info, i) => {
      data[at++] = form.weights[i]!;
      data[at++] = claimMarkSlot(info);
    });
  });
  return { start, data };
}

/** The number of characters of flat form f. */
export function flatLength(forms: FlatForms, f: number): number {
  return (forms.start[f + 1]! - forms.start[f]! - 1) >> 1;
}

/**
 * alignHan of flat form f (its characters, weights and CharInfos as in the registry) against the text's CharInfos:
 * the same alignment, read from the flat arrays.
 */
export function alignFlat(forms: FlatForms, f: number, textInfo: readonly CharInfo[], lo: number, hi: number, minScore: number): HanAlignment | null {
  const at = forms.start[f]! + 1;
  const k = flatLength(forms, f);
  const n = hi - lo;
  reserve(k, n);
  const data = forms.data;
  for (let i = 0; i < k; i++) {
    // a mark number is a small integer: `| 0` keeps it one for V8 (an index read from a Float64Array is a double)
    const slot = data[at + 2 * i + 1]! | 0;
    weightBuffer[i] = data[at + 2 * i]!;
    repeatBuffer[i] = i > 0 && slot === data[at + 2 * i - 1] ? 1 : 0;
    for (let j = 0; j < n; j++) {
      const r = similarityAtSlot(slot, textInfo[lo + j]!);
      relationBuffer[i * n + j] = r;
      simBuffer[i * n + j] = r.value;
    }
  }
  return alignFilled(k, n, lo, minScore);
}

/**
 * The alignment once the weights, repeats and similarities are in the buffers. A similarity of exactly 1 is the same
 * character (every other relation stays below 1), which is what a swap asks of both characters.
 */
function alignFilled(k: number, n: number, lo: number, minScore: number): HanAlignment | null {
  // an extra character inside a two-character mark breaks it apart (红烧牛 is not 红牛)
  const insertCost = k <= 2 ? 2 * INSERT_COST : INSERT_COST;
  const width = n + 1;
  const score = scoreBuffer;
  const step = stepBuffer;
  const sims = simBuffer;
  const weights = weightBuffer;
  for (let j = 0; j <= n; j++) {
    score[j] = 0; // the window may start anywhere in the text
    step[j] = Step.Start;
  }
  for (let i = 1; i <= k; i++) {
    const w = weights[i - 1]!;
    score[i * width] = score[(i - 1) * width]! - w * DROP_COST;
    step[i * width] = Step.Up;
    for (let j = 1; j <= n; j++) {
      let best = score[(i - 1) * width + j - 1]! + w * sims[(i - 1) * n + j - 1]!;
      let how = Step.Diagonal;
      const up = score[(i - 1) * width + j]! - w * DROP_COST;
      // on a tie the later of two equal characters is the one dropped (陶居 of 陶陶居 keeps the head)
      if (up > best || (up === best && repeatBuffer[i - 1] !== 0)) { best = up; how = Step.Up; }
      if (i < k) {
        const left = score[i * width + j - 1]! - insertCost;
        if (left > best) { best = left; how = Step.Left; }
      }
      // mark[i - 1] !== mark[i - 2], mark[i - 1] === text[j - 2] and mark[i - 2] === text[j - 1]
      if (i >= 2 && j >= 2 && repeatBuffer[i - 1] === 0 && sims[(i - 1) * n + j - 2] === 1 && sims[(i - 2) * n + j - 1] === 1) {
        const swap = score[(i - 2) * width + j - 2]! + (w + weights[i - 2]!) * TRANSPOSE_VALUE;
        if (swap > best) { best = swap; how = Step.Swap; }
      }
      score[i * width + j] = best;
      step[i * width + j] = how;
    }
  }
  let endJ = 0;
  for (let j = 1; j <= n; j++) if (score[k * width + j]! > score[k * width + endJ]!) endJ = j;
  // most candidates fall short: skip the traceback (and its allocations) for them
  if (score[k * width + endJ]! < minScore) return null;
  return traceBack(lo, k, n, width, score[k * width + endJ] as number, endJ, step, relationBuffer);
}

function traceBack(
  lo: number, k: number, n: number, width: number, total: number, endJ: number, step: Uint8Array, relationsOf: CharSimilarity[],
): HanAlignment {
  // a first walk counts the pairs, so that the arrays are made at their size and filled from the end (the walk goes
  // backwards through the text)
  let count = 0;
  let matched = 0;
  for (let i = k, j = endJ; i > 0;) {
    const s = step[i * width + j] as Step;
    if (s === Step.Diagonal) { count++; matched++; i--; j--; } else if (s === Step.Up) { count++; i--; } else if (s === Step.Left) { count++; j--; } else { count += 2; matched += 2; i -= 2; j -= 2; }
  }
  const pairs = new Array<AlignedPair>(count);
  const relations = new Array<CharRelation>(matched);
  let i = k;
  let j = endJ;
  let missing = 0;
  let inserted = 0;
  let transposed = 0;
  let firstValue = 0;
  while (i > 0) {
    const s = step[i * width + j] as Step;
    if (s === Step.Diagonal) {
      const sim = relationsOf[(i - 1) * n + (j - 1)]!;
      if (i === 1) firstValue = sim.value;
      pairs[--count] = { textIndex: lo + j - 1, markIndex: i - 1, relation: relationOf(sim.relation) };
      relations[--matched] = sim.relation;
      i--; j--;
    } else if (s === Step.Up) {
      pairs[--count] = { textIndex: -1, markIndex: i - 1, relation: 'missing' };
      missing++;
      i--;
    } else if (s === Step.Left) {
      pairs[--count] = { textIndex: lo + j - 1, markIndex: -1, relation: 'inserted' };
      inserted++;
      j--;
    } else {
      // two characters kept, swapped
      if (i === 2) firstValue = 1;
      pairs[--count] = { textIndex: lo + j - 1, markIndex: i - 2, relation: 'same' };
      relations[--matched] = 'same';
      pairs[--count] = { textIndex: lo + j - 2, markIndex: i - 1, relation: 'same' };
      relations[--matched] = 'same';
      transposed++;
      i -= 2; j -= 2;
    }
  }
  return { score: total, start: lo + j, end: lo + endJ, pairs, relations, missing, inserted, transposed, firstValue };
}

let takenBuffer = new Uint8Array(16);
let partnerBuffer = new Int32Array(16);
const unorderedSims: CharSimilarity[] = [];

/**
 * The mark's characters matched in any order within a window of the text (飞丝海 for 海飞丝, 蜜冰雪城 for
 * 蜜雪冰城): each mark character takes its most similar free character of the window, exact ones first. Windows of
 * the mark's length and one longer are tried; null when no window keeps at least half of the mark verbatim.
 */
export function alignUnordered(
  mark: readonly string[],
  weights: readonly number[],
  text: readonly string[],
  lo: number,
  hi: number,
  markInfo: readonly CharInfo[],
  textInfo: readonly CharInfo[],
): HanAlignment | null {
  const k = mark.length;
  let best: HanAlignment | null = null;
  // scratch reused by every window (a window that wins is copied out into its alignment)
  if (takenBuffer.length < k + 1) {
    takenBuffer = new Uint8Array(2 * (k + 1));
    partnerBuffer = new Int32Array(2 * (k + 1));
  }
  const taken = takenBuffer;
  const partner = partnerBuffer;
  const sims = unorderedSims;
  for (let size = k; size <= k + 1; size++) {
    for (let start = lo; start + size <= hi; start++) {
      taken.fill(0, 0, size);
      partner.fill(-1, 0, k);
      let same = 0;
      // exact characters first, then the best similar free character for the rest
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < size; j++) {
          if (taken[j] === 0 && text[start + j] === mark[i]) { taken[j] = 1; partner[i] = j; same++; break; }
        }
      }
      if (same * 2 < k) continue;
      let score = 0;
      for (let i = 0; i < k; i++) {
        if (partner[i]! >= 0) { sims[i] = similarityOf(markInfo[i]!, textInfo[start + partner[i]!]!); score += weights[i]!; continue; }
        let bestJ = -1;
        let bestSim: CharSimilarity | null = null;
        for (let j = 0; j < size; j++) {
          if (taken[j] !== 0) continue;
          const r = similarityOf(markInfo[i]!, textInfo[start + j]!);
          if (!bestSim || r.value > bestSim.value) { bestSim = r; bestJ = j; }
        }
        if (bestJ >= 0 && bestSim && bestSim.value > 0) { taken[bestJ] = 1; partner[i] = bestJ; sims[i] = bestSim; score += weights[i]! * bestSim.value; }
        else score -= weights[i]! * DROP_COST;
      }
      let inversions = 0;
      for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) if (partner[i]! >= 0 && partner[j]! >= 0 && partner[i]! > partner[j]!) inversions++;
      if (inversions === 0) continue; // in order: the ordinary alignment already covers it
      let inserted = 0;
      for (let j = 0; j < size; j++) if (taken[j] === 0) inserted++;
      score -= inserted * INSERT_COST;
      if (best && score <= best.score) continue;
      const rows: { pair: AlignedPair; raw?: CharRelation }[] = [];
      let missing = 0;
      for (let i = 0; i < k; i++) {
        if (partner[i]! < 0) { rows.push({ pair: { textIndex: -1, markIndex: i, relation: 'missing' } }); missing++; continue; }
        const r = sims[i]!;
        rows.push({ pair: { textIndex: start + partner[i]!, markIndex: i, relation: relationOf(r.relation) }, raw: r.relation });
      }
      for (let j = 0; j < size; j++) if (taken[j] === 0) rows.push({ pair: { textIndex: start + j, markIndex: -1, relation: 'inserted' } });
      // in the order of the text, a missing mark character after its predecessor
      rows.sort((a, b) => orderKey(a.pair) - orderKey(b.pair));
      const pairs = rows.map((r) => r.pair);
      const relations = rows.filter((r) => r.raw !== undefined).map((r) => r.raw!);
      best = {
        score, start, end: start + size, pairs, relations, missing, inserted, transposed: inversions,
        firstValue: partner[0]! >= 0 ? sims[0]!.value : 0,
      };
    }
  }
  return best;
}

function orderKey(p: AlignedPair): number {
  return p.textIndex >= 0 ? p.textIndex * 2 + 1 : -1;
}

function relationOf(r: CharRelation): AlignedPair['relation'] {
  return r === 'fuzzy' ? 'homophone' : r === 'none' ? 'changed' : r;
}
