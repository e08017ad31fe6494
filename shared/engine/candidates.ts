// Candidate search: for each screened character, the postings of its character, look-alikes and syllables give an
// upper bound of how much of each form the text could match. Only forms whose bound can reach the threshold, and
// that share enough characters verbatim, are aligned, which keeps a filing's work proportional to the few marks it
// could imitate.
import { readingsOf } from './glyphs';
import { deletionKeys } from './latin';
import type { LatinToken } from './normalise';
import type { RegistryIndex } from './registry-index';
import { fuzzyReadingsOf } from './similarity';

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
 * Forms whose upper bound (sum over text characters of the best similarity to any of the form's characters)
 * reaches `minScore[form]` and that have at least `minSame[form]` characters in common with the text.
 * Every imitation keeps at least one character verbatim, so only forms reached through an exact posting are
 * followed; the (much longer) look-alike and sound postings then only add to those.
 */
export function hanCandidates(
  index: RegistryIndex,
  han: readonly string[],
  minScore: Float64Array,
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
    if (seenText[f] === followed && upper[f]! >= minScore[f]! - 1e-9) out.push({ form: f, first: first[f]!, last: last[f]! });
  }
  return out;
}

/** Latin forms within one edit of a run of up to four whole tokens of the text. */
export function latinCandidates(index: RegistryIndex, tokens: readonly LatinToken[]): number[] {
  const found = new Set<number>();
  for (let from = 0; from < tokens.length; from++) {
    let skeleton = '';
    for (let to = from; to < Math.min(tokens.length, from + 4); to++) {
      skeleton += tokens[to]!.skeleton;
      if (skeleton.length > 40) break;
      for (const key of deletionKeys(skeleton)) for (const f of index.latinPostings.get(key) ?? []) found.add(f);
    }
  }
  return [...found];
}
