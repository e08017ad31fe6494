// Joining image hits to the text engine's hits (issue 12): the text verdict stands, one hit per mark, score raised.
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../shared/domain';
import { combinedScore, joinImageHits, VIENNA_CODES_SCORE, withViennaCodes } from '../../shared/figurative';
import { parseViennaCodes } from '../../shared/formats/vienna';

const hit = (markId: string, score: number, reasons: Hit['reasons'], images?: Hit['images']): Hit => ({
  source: 'filing', id: '73021539', markId, score, reasons, text: '雪莲花', markText: markId, ...(images ? { images } : {}),
});
const pair = { row: 'a'.repeat(64), mark: 'b'.repeat(64) };

describe('combinedScore', () => {
  it('raises the score of a mark hit by name and image above either, never past 1', () => {
    expect(combinedScore(0.6, 0.95)).toBeCloseTo(0.98, 10);
    expect(combinedScore(0.6, 0.95)).toBeGreaterThan(0.95);
    expect(combinedScore(0, 0.97)).toBeCloseTo(0.97, 10);
    expect(combinedScore(1, 0.5)).toBe(1);
    expect(combinedScore(1.2, -0.1)).toBe(1);
  });
});

describe('joinImageHits', () => {
  it('keeps every text hit, adds image-only marks, and makes one hit with both reasons for a mark hit both ways', () => {
    const text = [hit('W1', 0.7, ['homophone']), hit('L1', 0.5, ['added'])];
    const images = [hit('W1', 0.96, ['figurative'], pair), hit('R1', 0.97, ['figurative'], pair)];
    const joined = joinImageHits(text, images);
    expect(joined.map((h) => [h.markId, h.reasons])).toEqual([
      ['W1', ['homophone', 'figurative']],
      ['R1', ['figurative']],
      ['L1', ['added']],
    ]);
    expect(joined[0]!.score).toBeCloseTo(combinedScore(0.7, 0.96), 10);
    expect(joined[0]!.images).toEqual(pair);
    expect(joined[0]!.text).toBe('雪莲花');
    expect(joined[2]).toEqual(text[1]);
  });

  it('leaves the text hits as they are when there is no image hit', () => {
    const text = [hit('W1', 0.7, ['homophone'])];
    expect(joinImageHits(text, [])).toEqual(text);
  });
});

describe('withViennaCodes', () => {
  it('adds 图形要素相同 and raises the score only where the row and the mark share a code', () => {
    const hits = [hit('W1', 0.7, ['homophone']), hit('R1', 0.8, ['figurative'], pair)];
    const marks = new Map([['W1', new Set(['26.1.1'])], ['R1', new Set(['3.1.8'])]]);
    const marked = withViennaCodes(hits, ['26.1.1', '5.3.13'], marks);
    expect(marked.map((h) => [h.markId, h.reasons])).toEqual([['R1', ['figurative']], ['W1', ['homophone', 'viennaCodes']]]);
    expect(marked[1]!.score).toBeCloseTo(combinedScore(0.7, VIENNA_CODES_SCORE), 10);
    expect(withViennaCodes(hits, [], marks)).toEqual(hits);
  });
});

describe('parseViennaCodes', () => {
  it('reads codes in the forms gazettes write them, and refuses what is no code', () => {
    expect(parseViennaCodes('26.01.01；3.1.8、26.1.1 ５.3.13')).toEqual({ ok: true, value: ['26.1.1', '3.1.8', '5.3.13'] });
    expect(parseViennaCodes('')).toEqual({ ok: true, value: [] });
    expect(parseViennaCodes('26.1')).toMatchObject({ ok: false, reason: expect.stringContaining('「26.1」不是有效的维也纳分类代码') });
    expect(parseViennaCodes('30.1.1')).toMatchObject({ ok: false });
  });
});
