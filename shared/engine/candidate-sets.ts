// The rules that choose among a row's scored candidates as a set: one reading per mark, the marks its own party holds
// set aside, and a reading another mark's hit explains better. screen.ts applies them.
import type { HanEvidence } from './evidence';
import type { ScoredCandidate } from './screen';

/**
 * A reading that leaves out a character of its mark (李记 of 李锦记) within words another mark's hit reads whole, every
 * character as written or alike, and no worse (陈李记 as 陈李济, one character heard alike) is the worse reading of
 * those words: the other mark explains them.
 */
export function explainedByAnother(b: ScoredCandidate, hits: readonly ScoredCandidate[]): boolean {
  const e = b.han;
  if (!e || e.missing === 0) return false;
  return hits.some((a) => a.markIndex !== b.markIndex && a.han !== undefined && a.text === b.text && readsEveryCharacter(a.han)
    && a.han.similarity >= e.similarity && a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start);
}

/** A reading that meets every character of its mark, as written or alike, in order and with nothing put between. */
function readsEveryCharacter(e: HanEvidence): boolean {
  return e.missing === 0 && e.changed === 0 && e.inserted === 0 && !e.reordered;
}

/**
 * Whether an altered reading reads nothing of the mark outside the words [from, to) of the text: every character it
 * aligns there is unlike the mark's (浙原一 of 浙原一日游 beside 浙原 as written), and it does meet those words.
 */
export function readsNoMoreThan(s: ScoredCandidate, from: number, to: number): boolean {
  let meets = false;
  for (const p of s.han!.alignment.pairs) {
    if (p.textIndex < 0) continue;
    const at = s.text.hanStart[p.textIndex]!;
    if (at >= from && at < to) meets = true;
    else if (p.relation !== 'changed' && p.relation !== 'inserted') return false;
  }
  return meets;
}

/** The best candidate of each mark. */
export function bestPerMark(candidates: readonly ScoredCandidate[]): ScoredCandidate[] {
  const best = new Map<number, ScoredCandidate>();
  for (const s of candidates) {
    const prev = best.get(s.markIndex);
    if (!prev || s.probability > prev.probability) best.set(s.markIndex, s);
  }
  return [...best.values()];
}

/**
 * The candidates left once the marks the row's own party holds are set aside, with every other mark read inside the
 * words of one of them (周六福 of its holder holds 六福, another holder's mark).
 */
export function withoutOwned(all: readonly ScoredCandidate[], owns: (s: ScoredCandidate) => boolean): ScoredCandidate[] {
  const ownedMarks = new Set<number>();
  const ownedSpans: [number, number][] = [];
  for (const s of all) {
    if (!ownedMarks.has(s.markIndex) && !owns(s)) continue;
    ownedMarks.add(s.markIndex);
    ownedSpans.push(spanOf(s));
  }
  if (ownedMarks.size === 0) return [...all];
  return all.filter((s) => {
    if (ownedMarks.has(s.markIndex)) return false;
    const [from, to] = spanOf(s);
    return !ownedSpans.some(([a, b]) => a <= from && to <= b);
  });
}

/** The source span [start, end) a candidate matched. */
export function spanOf(s: ScoredCandidate): [number, number] {
  if (s.han) return [s.text.hanStart[s.start]!, s.text.hanEnd[s.end - 1]!];
  const e = s.latin!;
  const inside = e.letterStart !== undefined && e.to - e.from === 1;
  const first = s.text.latin[e.from]!;
  return inside ? [first.start + e.letterStart!, first.start + e.letterEnd!] : [first.start, s.text.latin[e.to - 1]!.end];
}
