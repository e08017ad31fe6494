// Candidate search: for each screened character, the postings of its character, look-alikes and syllables give an
// upper bound of how much of each form the text could match. Only forms whose bound can reach the threshold are
// aligned, which keeps a filing's work proportional to the few marks it could imitate.
import { readingsOf } from './glyphs';
import { deletionKeys } from './latin';
import type { LatinToken } from './normalise';
import { POSTING_SHIFT, type RegistryIndex } from './registry-index';
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

/**
 * Forms whose upper bound (sum over text characters of the best similarity to any of the form's characters)
 * reaches `minShare` of the form's character count.
 */
export function hanCandidates(index: RegistryIndex, han: readonly string[], minShare: (form: number) => number): HanCandidate[] {
  const s = index.scratch;
  const textStamp = ++s.stamp;
  const touched: number[] = [];
  han.forEach((ch, pos) => {
    const charStamp = ++s.stamp;
    const visit = (list: number[] | undefined) => {
      if (!list) return;
      for (let p = 0; p < list.length; p++) {
        const packed = list[p] as number;
        const f = (packed / POSTING_SHIFT) | 0;
        const v = (packed - f * POSTING_SHIFT) / 10;
        if (s.seenText[f] !== textStamp) {
          s.seenText[f] = textStamp;
          s.upper[f] = 0;
          s.first[f] = pos;
          touched.push(f);
        }
        if (s.seenChar[f] !== charStamp) {
          s.seenChar[f] = charStamp;
          s.best[f] = v;
          s.upper[f] = (s.upper[f] as number) + v;
          s.last[f] = pos;
        } else if (v > (s.best[f] as number)) {
          s.upper[f] = (s.upper[f] as number) + v - (s.best[f] as number);
          s.best[f] = v;
        }
      }
    };
    visit(index.charPostings.get(ch));
    for (const key of soundKeys(ch)) visit(index.soundPostings.get(key));
  });
  const out: HanCandidate[] = [];
  for (const f of touched) {
    if ((s.upper[f] as number) >= minShare(f) - 1e-9) out.push({ form: f, first: s.first[f] as number, last: s.last[f] as number });
  }
  return out;
}

/** Latin forms within one edit of a run of up to four whole tokens of the text. */
export function latinCandidates(index: RegistryIndex, tokens: readonly LatinToken[]): number[] {
  const found = new Set<number>();
  for (let from = 0; from < tokens.length; from++) {
    let skeleton = '';
    for (let to = from; to < Math.min(tokens.length, from + 4); to++) {
      skeleton += (tokens[to] as LatinToken).skeleton;
      if (skeleton.length > 40) break;
      for (const key of deletionKeys(skeleton)) for (const f of index.latinPostings.get(key) ?? []) found.add(f);
    }
  }
  return [...found];
}
