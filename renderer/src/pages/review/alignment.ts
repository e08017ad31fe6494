// Characters of a screened text and of a protected mark, each tagged with how it aligns with the other side.
// Indices of the alignment are code-point indices into `matchedText` and `matchedMark`.
import type { Relation } from './labels';

export interface AlignedPairLike {
  textIndex: number;
  markIndex: number;
  relation: Relation;
}

export interface TaggedChar {
  ch: string;
  /** null: not part of the alignment (plain text) */
  relation: Relation | null;
}

/**
 * The engine compares characters after folding traditional, variant and numeral forms, so 樹/树 come back as 'same';
 * the reviewer should see that the written characters differ, so such pairs are shown as 'variant'.
 */
export function refinePairs(text: string, mark: string, pairs: readonly AlignedPairLike[]): AlignedPairLike[] {
  const t = Array.from(text);
  const m = Array.from(mark);
  return pairs.map((p) => {
    if (p.relation !== 'same' || p.textIndex < 0 || p.markIndex < 0) return p;
    const a = t[p.textIndex];
    const b = m[p.markIndex];
    return a !== undefined && b !== undefined && a.toUpperCase() !== b.toUpperCase() ? { ...p, relation: 'variant' } : p;
  });
}

/** The screened text: a character takes the relation of its pair; an inserted character is 'inserted'. */
export function tagTextChars(text: string, pairs: readonly AlignedPairLike[]): TaggedChar[] {
  const chars = Array.from(text);
  const tags = new Array<Relation | null>(chars.length).fill(null);
  for (const p of pairs) {
    if (p.textIndex < 0 || p.textIndex >= chars.length) continue;
    tags[p.textIndex] = p.markIndex < 0 ? 'inserted' : p.relation;
  }
  return chars.map((ch, i) => ({ ch, relation: tags[i] ?? null }));
}

/** The protected mark: a character takes the relation of its pair; one the text lacks is 'missing'. */
export function tagMarkChars(mark: string, pairs: readonly AlignedPairLike[]): TaggedChar[] {
  const chars = Array.from(mark);
  const tags = new Array<Relation | null>(chars.length).fill(null);
  for (const p of pairs) {
    if (p.markIndex < 0 || p.markIndex >= chars.length) continue;
    tags[p.markIndex] = p.textIndex < 0 ? 'missing' : p.relation;
  }
  return chars.map((ch, i) => ({ ch, relation: tags[i] ?? null }));
}

/** Splits a long title around the first occurrence of the matched text, for highlighting it inside the title. */
export function splitAround(title: string, matched: string): { before: string; match: string; after: string } | null {
  if (!matched) return null;
  const at = title.indexOf(matched);
  if (at < 0) return null;
  return { before: title.slice(0, at), match: matched, after: title.slice(at + matched.length) };
}
