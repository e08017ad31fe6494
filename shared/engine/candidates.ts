// Candidate search: for each screened character, the postings of its character, look-alikes and syllables give an
// upper bound of how much of each form the text could match. Only forms whose bound can reach the threshold, and
// that share enough characters verbatim, are aligned, which keeps a filing's work proportional to the few marks it
// could imitate.
import { readingsOf } from './glyphs';
import type { MarkForm, RegistryIndex } from './registry-index';
import { fuzzyReadingsOf } from './similarity';

const syllableIds = new Map<string, number>();
const charSyllables = new Map<string, readonly number[]>();
/** Numeric ids of a character's fuzzy readings (a few hundred syllables in all). */
function fuzzyIds(ch: string): readonly number[] {
  let ids = charSyllables.get(ch);
  if (!ids) {
    ids = fuzzyReadingsOf(ch).map((r) => {
      let id = syllableIds.get(r);
      if (id === undefined) syllableIds.set(r, (id = syllableIds.size));
      return id;
    });
    charSyllables.set(ch, ids);
  }
  return ids;
}

/** Keys of two adjacent characters by sound: every pair of their (fuzzy) readings, as numbers. */
export function soundPairKeys(a: string, b: string): number[] {
  const ra = fuzzyIds(a);
  const rb = fuzzyIds(b);
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
  /** first and last text positions that touched the form */
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

interface CharPostings {
  /** forms that contain the character itself */
  exact: Int32Array;
  /** forms that contain a look-alike or same-sounding character: packed form << 4 | code (tenths) */
  similar: Int32Array;
}

/**
 * All postings of one screened character (its own, its look-alikes', its syllables'), one entry per form with the
 * best similarity code, built on first sight of the character and kept: a batch meets a few thousand characters.
 */
function postingsOf(index: RegistryIndex, ch: string): CharPostings {
  let merged = index.mergedPostings.get(ch);
  if (merged) return merged;
  const best = new Map<number, number>();
  const add = (list: Int32Array | undefined) => {
    if (!list) return;
    for (const packed of list) {
      const f = packed >> 4;
      const code = packed & 15;
      if ((best.get(f) ?? -1) < code) best.set(f, code);
    }
  };
  add(index.charPostings.get(ch));
  for (const key of soundKeys(ch)) add(index.soundPostings.get(key));
  const entries = [...best];
  merged = {
    exact: Int32Array.from(entries.filter(([, code]) => code === 10).map(([f]) => f)),
    similar: Int32Array.from(entries.filter(([, code]) => code < 10).map(([f, code]) => (f << 4) | code)),
  };
  index.mergedPostings.set(ch, merged);
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

/**
 * Forms whose upper bound reaches `minUpper[form]` and that keep at least `minSame[form]` characters verbatim, or
 * that have two adjacent characters in a row by sound (飘柔 / 漂揉 keeps none) or, for a two-character form, by
 * close look-alikes (洽洽 / 治治). Only forms reached so are
 * followed; the (much longer) look-alike and sound postings then only add to those.
 */
export function hanCandidates(
  index: RegistryIndex,
  han: readonly string[],
  minUpper: Float64Array,
  minSame: Int32Array,
): HanCandidate[] {
  const { seenText, upper, exact, first, last, touched } = index.scratch;
  const stamp = ++index.scratch.stamp;
  let touchedCount = 0;
  const postings: CharPostings[] = [];
  for (let pos = 0; pos < han.length; pos++) {
    const p = postingsOf(index, han[pos]!);
    postings.push(p);
    const list = p.exact;
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      if (seenText[f] !== stamp) {
        seenText[f] = stamp;
        upper[f] = 1;
        exact[f] = 1;
        first[f] = pos;
        last[f] = pos;
        touched[touchedCount++] = f;
      } else {
        upper[f] = upper[f]! + 1;
        exact[f] = exact[f]! + 1;
        last[f] = pos;
      }
    }
  }
  // only forms that keep enough characters verbatim go on to collect look-alike and sound matches
  const followed = ++index.scratch.stamp;
  for (let i = 0; i < touchedCount; i++) {
    const f = touched[i]!;
    if (exact[f]! >= minSame[f]!) seenText[f] = followed;
  }
  for (let pos = 0; pos + 1 < han.length; pos++) {
    // the keys of soundPairKeys, in its order, without an array per position
    const ra = fuzzyIds(han[pos]!);
    const rb = fuzzyIds(han[pos + 1]!);
    for (let x = 0; x < ra.length; x++) {
      for (let y = 0; y < rb.length; y++) {
        const list = index.soundPairPostings.get(ra[x]! * 4096 + rb[y]!);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const f = list[i]!;
          if (seenText[f] === followed) continue;
          if (seenText[f] !== stamp) {
            upper[f] = 0;
            exact[f] = 0;
            first[f] = pos;
            last[f] = pos + 1;
            touched[touchedCount++] = f;
          }
          seenText[f] = followed;
        }
      }
    }
  }
  // two look-alikes in a row that keep neither character of a two-character mark (治治 / 洽洽)
  if (index.shapePairPostings.size > 0) {
    for (let pos = 0; pos + 1 < han.length; pos++) {
      const list = index.shapePairPostings.get(shapePairKey(han[pos]!, han[pos + 1]!));
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const f = list[i]!;
        if (seenText[f] === followed) continue;
        if (seenText[f] !== stamp) {
          upper[f] = 0;
          exact[f] = 0;
          first[f] = pos;
          last[f] = pos + 1;
          touched[touchedCount++] = f;
        }
        seenText[f] = followed;
      }
    }
  }
  for (let pos = 0; pos < postings.length; pos++) {
    const list = postings[pos]!.similar;
    for (let i = 0; i < list.length; i++) {
      const packed = list[i]!;
      const f = packed >> 4;
      if (seenText[f] !== followed) continue;
      upper[f] = upper[f]! + (packed & 15) / 10;
      if (pos < first[f]!) first[f] = pos;
      if (pos > last[f]!) last[f] = pos;
    }
  }
  const out: HanCandidate[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const f = touched[i]!;
    if (seenText[f] === followed && upper[f]! >= minUpper[f]! - 1e-9) out.push({ form: f, first: first[f]!, last: last[f]! });
  }
  return out;
}
