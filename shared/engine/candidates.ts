// Candidate search: for each screened character, the postings of its character, look-alikes and syllables give an
// upper bound of how much of each form the text could match. Only forms whose bound can reach the threshold, and
// that share enough characters verbatim, are aligned, which keeps a filing's work proportional to the few marks it
// could imitate.
import { readingsOf } from './glyphs';
import type { NormalisedText } from './normalise';
import type { MarkForm, RegistryIndex } from './registry-index';
import { charInfo, fuzzyReadingsOf, type CharInfo } from './similarity';

/**
 * Keys of two adjacent characters by sound: every pair of their (fuzzy) readings, as numbers (CharInfo.fuzzy: a few
 * hundred syllables in all, well below 4096).
 */
export function soundPairKeys(a: string, b: string): number[] {
  const ra = charInfo(a).fuzzy;
  const rb = charInfo(b).fuzzy;
  const keys: number[] = [];
  for (const x of ra) for (const y of rb) keys.push(x * 4096 + y);
  return keys;
}

/** A key for two adjacent characters as written (code points below 2^21: the key stays an exact double). */
export function shapePairKey(a: string, b: string): number {
  return a.codePointAt(0)! * 0x200000 + b.codePointAt(0)!;
}

export interface HanCandidate {
  form: number;
  /** first and last text positions that touched the form (a filing: the whole text; see hanCandidates) */
  first: number;
  last: number;
}

const soundKeyCache = new Map<string, string[]>();
function soundKeys(ch: string): string[] {
  let keys = soundKeyCache.get(ch);
  if (!keys) {
    keys = [...readingsOf(ch), ...fuzzyReadingsOf(ch).map((f) => '~' + f)];
    soundKeyCache.set(ch, keys);
  }
  return keys;
}

export interface CharPostings {
  /** forms that contain the character itself */
  exact: Int32Array;
  /** forms that contain a look-alike or same-sounding character: packed form << 4 | code (tenths) */
  similar: Int32Array;
}

/**
 * All postings of one screened character (its own, its look-alikes', its syllables'), one entry per form with the
 * best similarity code, built on first sight of the character and kept: a batch meets a few thousand characters.
 * Exact postings keep the order in which the forms were first met (it orders the candidates); similar ones are in
 * form order, which only makes the candidate search walk its scratch arrays forwards (it adds them up).
 */
function postingsOf(index: RegistryIndex, info: CharInfo): CharPostings {
  let merged = index.mergedPostings[info.id];
  if (merged) return merged;
  const ch = info.ch;
  // best code + 1 per form (0: not met), and the forms in the order first met
  const { best, order } = index.scratch;
  let count = 0;
  const add = (list: Int32Array | undefined) => {
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const f = list[i]! >> 4;
      const code = (list[i]! & 15) + 1;
      if (best[f] === 0) order[count++] = f;
      if (best[f]! < code) best[f] = code;
    }
  };
  add(index.charPostings.get(ch));
  for (const key of soundKeys(ch)) add(index.soundPostings.get(key));
  let exactCount = 0;
  for (let i = 0; i < count; i++) if (best[order[i]!] === 11) exactCount++;
  const exact = new Int32Array(exactCount);
  const similar = new Int32Array(count - exactCount);
  let e = 0;
  let o = 0;
  for (let i = 0; i < count; i++) {
    const f = order[i]!;
    if (best[f] === 11) exact[e++] = f;
    else similar[o++] = (f << 4) | (best[f]! - 1);
    best[f] = 0;
  }
  merged = { exact, similar: similar.sort() };
  index.mergedPostings[info.id] = merged;
  return merged;
}

/**
 * What a form needs from a text before it is aligned at all: the upper bound (sum over text characters of the best
 * similarity to any of the form's characters) and the characters kept verbatim. Generous — the scoring model
 * decides — but a bound: two-character marks need both characters alike, longer ones about half.
 */
export function candidateBounds(form: MarkForm): { minUpper: number; minSame: number } {
  const k = form.han.length;
  if (k <= 1) return { minUpper: Infinity, minSame: 1 };
  if (k === 2) return { minUpper: 1.6, minSame: 1 };
  if (k === 3) return { minUpper: 2, minSame: 1 };
  return { minUpper: Math.max(2, k * 0.5), minSame: 2 };
}

/** Never reached: a bound of Infinity. */
const UNREACHABLE = 0x7fffffff;

/**
 * candidateBounds in tenths, the unit of the postings' codes, so that the search adds integers. The bound used to be
 * a float sum of the codes / 10 compared as `sum >= minUpper - 1e-9`; such a sum is within 1e-13 of its whole
 * number of tenths, so it passes exactly when its tenths reach the smallest t with t / 10 >= minUpper - 1e-9.
 */
export function candidateBoundsInTenths(form: MarkForm): { minTenths: number; minSameTenths: number } {
  const { minUpper, minSame } = candidateBounds(form);
  let minTenths = UNREACHABLE;
  if (minUpper !== Infinity) {
    minTenths = Math.max(0, Math.floor(minUpper * 10) - 1);
    while (minTenths / 10 < minUpper - 1e-9) minTenths++;
  }
  return { minTenths, minSameTenths: minSame * 10 };
}

/**
 * The candidate search's per-form arrays, small so that they stay in cache while ~1,000 postings a text are walked
 * (a byte or an int per form, not a record): `tenths`, the upper bound so far (0 untouched; a touched form that has
 * none is `followed`), `followed`, `first`/`last` (listings only), and the bounds, set once.
 */
export interface CandidateScratch {
  tenths: Int32Array;
  followed: Uint8Array;
  first: Int32Array;
  last: Int32Array;
  minTenths: Int32Array;
  minSameTenths: Uint8Array;
  /** forms touched by the current text, each once */
  touched: Int32Array;
  /** the merged postings of each text character, by position */
  postings: CharPostings[];
  /** merging a character's postings: best code + 1 per form, and the forms in the order met */
  best: Int8Array;
  order: Int32Array;
}

export function candidateScratch(forms: readonly MarkForm[]): CandidateScratch {
  const n = forms.length;
  const bounds = forms.map(candidateBoundsInTenths);
  return {
    tenths: new Int32Array(n), followed: new Uint8Array(n), first: new Int32Array(n), last: new Int32Array(n),
    minTenths: Int32Array.from(bounds, (b) => b.minTenths), minSameTenths: Uint8Array.from(bounds, (b) => b.minSameTenths),
    touched: new Int32Array(n), postings: [], best: new Int8Array(n), order: new Int32Array(n),
  };
}

/**
 * Forms whose upper bound reaches their minTenths and that keep at least minSameTenths / 10 characters verbatim, or
 * that have two adjacent characters in a row by sound (飘柔 / 漂揉 keeps none) or, for a two-character form, by close
 * look-alikes (洽洽 / 治治). Only forms reached so are followed;
 * the (much longer) look-alike and sound postings then only add to those. `first` and `last` are the positions that
 * touched the form when `withSpan` (a listing's window search needs them); otherwise the whole text (a filing is
 * aligned whole).
 */
export function hanCandidates(index: RegistryIndex, text: NormalisedText, withSpan = true): HanCandidate[] {
  const { tenths, followed, first, last, minTenths, minSameTenths, touched, postings } = index.scratch;
  const han = (text.hanInfo ??= text.han.map(charInfo));
  let touchedCount = 0;
  for (let pos = 0; pos < han.length; pos++) {
    const p = postingsOf(index, han[pos]!);
    postings[pos] = p;
    const list = p.exact;
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      if (tenths[f] === 0) {
        touched[touchedCount++] = f;
        if (withSpan) first[f] = pos;
      }
      tenths[f] = tenths[f]! + 10;
      if (withSpan) last[f] = pos;
    }
  }
  // only forms that keep enough characters verbatim go on to collect look-alike and sound matches (so far every
  // tenth a form has is from a character kept verbatim)
  for (let i = 0; i < touchedCount; i++) {
    const f = touched[i]!;
    if (tenths[f]! >= minSameTenths[f]!) followed[f] = 1;
  }
  touchedCount = soundPairs(index, han, touchedCount);
  touchedCount = shapePairs(index, han, touchedCount);
  for (let pos = 0; pos < han.length; pos++) {
    const list = postings[pos]!.similar;
    for (let i = 0; i < list.length; i++) {
      const packed = list[i]!;
      const f = packed >> 4;
      if (followed[f] === 0) continue;
      tenths[f] = tenths[f]! + (packed & 15);
      if (!withSpan) continue;
      if (pos < first[f]!) first[f] = pos;
      if (pos > last[f]!) last[f] = pos;
    }
  }
  const out: HanCandidate[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const f = touched[i]!;
    if (followed[f] === 1 && tenths[f]! >= minTenths[f]!) {
      out.push(withSpan ? { form: f, first: first[f]!, last: last[f]! } : { form: f, first: 0, last: han.length - 1 });
    }
    // left as found for the next text
    tenths[f] = 0;
    followed[f] = 0;
  }
  return out;
}

/** Forms with two adjacent characters of the text in a row by sound join the followed ones; the new touched count. */
function soundPairs(index: RegistryIndex, han: readonly CharInfo[], touchedCount: number): number {
  for (let pos = 0; pos + 1 < han.length; pos++) {
    // the keys of soundPairKeys, in its order, without an array per position
    const ra = han[pos]!.fuzzy;
    const rb = han[pos + 1]!.fuzzy;
    for (let x = 0; x < ra.length; x++) {
      for (let y = 0; y < rb.length; y++) {
        const list = index.soundPairPostings.get(ra[x]! * 4096 + rb[y]!);
        if (list) touchedCount = followPair(index, list, pos, touchedCount);
      }
    }
  }
  return touchedCount;
}

/** Follows the forms of a pair's postings list found at `pos`, `pos + 1`; returns the new count of touched forms. */
function followPair(index: RegistryIndex, list: Int32Array, pos: number, touchedCount: number): number {
  const { tenths, followed, first, last, touched } = index.scratch;
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    if (followed[f] === 1) continue;
    // untouched (a touched form has tenths unless it is followed already)
    if (tenths[f] === 0) {
      touched[touchedCount++] = f;
      first[f] = pos;
      last[f] = pos + 1;
    }
    followed[f] = 1;
  }
  return touchedCount;
}

/** Two look-alikes in a row that keep neither character of a two-character mark (治治 / 洽洽): as soundPairs. */
function shapePairs(index: RegistryIndex, han: readonly CharInfo[], touchedCount: number): number {
  if (index.shapePairPostings.size === 0) return touchedCount;
  for (let pos = 0; pos + 1 < han.length; pos++) {
    const list = index.shapePairPostings.get(shapePairKey(han[pos]!.ch, han[pos + 1]!.ch));
    if (list) touchedCount = followPair(index, list, pos, touchedCount);
  }
  return touchedCount;
}
