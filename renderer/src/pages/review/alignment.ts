// Characters of a screened text and of a protected mark, each tagged with how it aligns with the other side.
// The engine gives the UTF-16 offsets of every aligned character in both strings (textStart/textEnd,
// markStart/markEnd); those are drawn as they are. Hits stored by versions before the offsets carry only the
// engine's character indices, which are mapped back by re-reading the string (the old way, kept for them).
import type { Relation } from './labels';

export interface AlignedPairLike {
  textIndex: number;
  markIndex: number;
  relation: Relation;
  textStart?: number;
  textEnd?: number;
  markStart?: number;
  markEnd?: number;
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
  if (pairs.some(hasOffsets)) {
    return pairs.map((p) => {
      if (p.relation !== 'same' || p.textStart === undefined || p.markStart === undefined) return p;
      const written = text.slice(p.textStart, p.textEnd);
      return written !== mark.slice(p.markStart, p.markEnd) ? { ...p, relation: 'variant' } : p;
    });
  }
  const t = Array.from(text);
  const m = Array.from(mark);
  const ts = hanSlots(t);
  const ms = hanSlots(m);
  return pairs.map((p) => {
    if (p.relation !== 'same' || p.textIndex < 0 || p.markIndex < 0) return p;
    const a = t[ts[p.textIndex] ?? -1];
    const b = m[ms[p.markIndex] ?? -1];
    return a !== undefined && b !== undefined && a !== b ? { ...p, relation: 'variant' } : p;
  });
}

const HAN = /[\p{Script=Han}〇]/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/u;
const DIGIT = /[0-9０-９]/u;
const LATIN_WORD = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+/gu;

/**
 * Code-point positions of the characters the engine's Han indices count: Han characters, and digits standing alone
 * (6个 reads as 六个); digits inside a Latin word (PEPS1) belong to the word.
 */
function hanSlots(chars: readonly string[]): number[] {
  const slots: number[] = [];
  let runStart = -1;
  const endRun = (end: number) => {
    if (runStart < 0) return;
    const run = chars.slice(runStart, end);
    if (run.every((ch) => DIGIT.test(ch))) for (let i = runStart; i < end; i++) slots.push(i);
    runStart = -1;
  };
  chars.forEach((ch, i) => {
    if (LATIN_OR_DIGIT.test(ch)) {
      if (runStart < 0) runStart = i;
      return;
    }
    endRun(i);
    if (HAN.test(ch)) slots.push(i);
  });
  endRun(chars.length);
  return slots.sort((a, b) => a - b);
}

/** Code-point ranges [start, end) of the Latin words, which 'latin' pairs count. */
function latinWords(chars: readonly string[]): [number, number][] {
  const words: [number, number][] = [];
  const text = chars.join('');
  for (const m of text.matchAll(LATIN_WORD)) {
    const start = Array.from(text.slice(0, m.index)).length;
    words.push([start, start + Array.from(m[0]).length]);
  }
  return words;
}

function hasOffsets(p: AlignedPairLike): boolean {
  return p.textStart !== undefined || p.markStart !== undefined;
}

/** Tags by the engine's offsets: every character whose code units fall in a pair's span takes its relation. */
function tagByOffsets(value: string, pairs: readonly AlignedPairLike[], side: 'text' | 'mark'): TaggedChar[] {
  const chars = Array.from(value);
  const starts: number[] = [];
  let offset = 0;
  for (const ch of chars) { starts.push(offset); offset += ch.length; }
  const tags = new Array<Relation | null>(chars.length).fill(null);
  for (const p of pairs) {
    const start = side === 'text' ? p.textStart : p.markStart;
    const end = side === 'text' ? p.textEnd : p.markEnd;
    const other = side === 'text' ? p.markIndex : p.textIndex;
    if (start === undefined || end === undefined) continue;
    const relation: Relation = other < 0 ? (side === 'text' ? 'inserted' : 'missing') : p.relation;
    starts.forEach((at, i) => { if (at >= start && at < end) tags[i] = relation; });
  }
  return chars.map((ch, i) => ({ ch, relation: tags[i] ?? null }));
}

function tagChars(value: string, pairs: readonly AlignedPairLike[], side: 'text' | 'mark'): TaggedChar[] {
  if (pairs.some(hasOffsets)) return tagByOffsets(value, pairs, side);
  const chars = Array.from(value);
  const tags = new Array<Relation | null>(chars.length).fill(null);
  const slots = hanSlots(chars);
  const words = latinWords(chars);
  for (const p of pairs) {
    const index = side === 'text' ? p.textIndex : p.markIndex;
    const other = side === 'text' ? p.markIndex : p.textIndex;
    if (index < 0) continue;
    const relation: Relation = other < 0 ? (side === 'text' ? 'inserted' : 'missing') : p.relation;
    if (p.relation === 'latin') {
      const [start, end] = words[index] ?? [0, 0];
      for (let i = start; i < end; i++) tags[i] = relation;
    } else {
      const at = slots[index];
      if (at !== undefined) tags[at] = relation;
    }
  }
  return chars.map((ch, i) => ({ ch, relation: tags[i] ?? null }));
}

/** The screened text: a character takes the relation of its pair; an inserted character is 'inserted'. */
export function tagTextChars(text: string, pairs: readonly AlignedPairLike[]): TaggedChar[] {
  return tagChars(text, pairs, 'text');
}

/** The protected mark: a character takes the relation of its pair; one the text lacks is 'missing'. */
export function tagMarkChars(mark: string, pairs: readonly AlignedPairLike[]): TaggedChar[] {
  return tagChars(mark, pairs, 'mark');
}

/** Splits a long title around the first occurrence of the matched text, for highlighting it inside the title. */
export function splitAround(title: string, matched: string): { before: string; match: string; after: string } | null {
  if (!matched) return null;
  const at = title.indexOf(matched);
  if (at < 0) return null;
  return { before: title.slice(0, at), match: matched, after: title.slice(at + matched.length) };
}
