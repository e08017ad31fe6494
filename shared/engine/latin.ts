// Latin marks: compared on whole tokens (PEPSI COLA contains PEPSI; DIORAMA does not contain DIOR), through a
// look-alike skeleton (0/O, 1/l/I, rn/m …) and a small edit distance that grows with the length of the mark.
import type { LatinToken } from './normalise';

/** Damerau–Levenshtein distance (adjacent transposition counts 1), or max+1 when it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/** True when `longer` is `shorter` with one letter doubled (SONNY, ZARAA, KFCC). */
function isDoubling(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter && i > 0 && longer[i] === longer[i - 1]) return true;
  }
  return false;
}

/** Capital letters that differ by a stroke or a curve (beyond the skeleton's 0/O, 1/I/L, 5/S, 8/B). */
const SIMILAR_LETTERS = new Set(['EF', 'FE', 'CG', 'GC', 'OD', 'DO', 'UV', 'VU', 'MN', 'NM', 'PR', 'RP', 'IJ', 'JI', 'KX', 'XK', 'HN', 'NH']);

/** One substitution between similar-looking letters, or a swap of two neighbours. */
function isLookAlikeOrSwap(mark: string, text: string): boolean {
  if (mark.length !== text.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[i] !== text[i]) diff.push(i);
  if (diff.length === 1) return SIMILAR_LETTERS.has(mark[diff[0]!]! + text[diff[0]!]!);
  if (diff.length === 2 && diff[1] === (diff[0] as number) + 1) {
    const [a, b] = diff as [number, number];
    return mark[a] === text[b] && mark[b] === text[a];
  }
  return false;
}

export interface LatinMatch {
  similarity: number;
  /** the skeletons were equal but the letters differ: 0/O, 1/l, Cyrillic … */
  lookAlike: boolean;
  /** letters added, dropped or changed (ADIDOS, SONNY) */
  typo: boolean;
  /** the text has tokens besides the mark (PEPSI COLA) */
  added: boolean;
  /** tokens joined or split differently (COCACOLA / COCA-COLA) */
  spacing: boolean;
  /** index of the first and one past the last matched token */
  from: number;
  to: number;
}

export interface LatinForm {
  canon: string; // joined tokens
  skeleton: string;
  tokenCount: number;
}

/** Similarity of a Latin mark form to the best run of whole tokens of a text; null when none is close. */
export function matchLatin(form: LatinForm, tokens: readonly LatinToken[]): LatinMatch | null {
  let best: LatinMatch | null = null;
  // tokens may be split differently from the mark's (KANG SHI FU, COCA-COLA / COCACOLA)
  const maxSpan = Math.min(tokens.length, Math.max(4, form.tokenCount + 1));
  for (let from = 0; from < tokens.length; from++) {
    let canon = '';
    let skeleton = '';
    for (let to = from + 1; to <= Math.min(tokens.length, from + maxSpan); to++) {
      canon += (tokens[to - 1] as LatinToken).canon;
      skeleton += (tokens[to - 1] as LatinToken).skeleton;
      const sim = tokenSimilarity(form, canon, skeleton);
      if (sim === null) continue;
      const added = from > 0 || to < tokens.length;
      const match: LatinMatch = { ...sim, added, spacing: to - from !== form.tokenCount, from, to };
      if (!best || match.similarity > best.similarity) best = match;
    }
  }
  return best;
}

function tokenSimilarity(form: LatinForm, canon: string, skeleton: string):
  Pick<LatinMatch, 'similarity' | 'lookAlike' | 'typo'> | null {
  if (canon === form.canon) return { similarity: 1, lookAlike: false, typo: false };
  if (skeleton === form.skeleton) return { similarity: 0.95, lookAlike: true, typo: false };
  const L = form.skeleton.length;
  if (L < 3) return null;
  const d = editDistance(form.skeleton, skeleton, 2);
  if (d === 1) {
    // short marks: only a doubled letter or a swap; from five letters any single edit (ADIDOS)
    const ok = L >= 5 || isDoubling(form.skeleton, skeleton) || isLookAlikeOrSwap(form.skeleton, skeleton);
    return ok ? { similarity: L >= 5 ? 0.85 : 0.82, lookAlike: false, typo: true } : null;
  }
  if (d === 2 && L >= 9) return { similarity: 0.8, lookAlike: false, typo: true };
  return null;
}

/** All strings obtained by deleting one letter (and the string itself): keys of the Latin index. */
export function deletionKeys(s: string): string[] {
  const keys = new Set<string>([s]);
  if (s.length >= 3) for (let i = 0; i < s.length; i++) keys.add(s.slice(0, i) + s.slice(i + 1));
  return [...keys];
}
