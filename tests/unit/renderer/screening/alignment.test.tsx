// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { refinePairs, splitAround, tagMarkChars, tagTextChars, type AlignedPairLike } from '../../../../renderer/src/pages/review/alignment';
import { AlignedPairView } from '../../../../renderer/src/pages/review/AlignedText';

afterEach(cleanup);

// 康帅傅 against 康师傅: same, shape, same.
const SHAPE: AlignedPairLike[] = [
  { textIndex: 0, markIndex: 0, relation: 'same' },
  { textIndex: 1, markIndex: 1, relation: 'shape' },
  { textIndex: 2, markIndex: 2, relation: 'same' },
];
// 六个石磨核桃 against 六个核桃: two inserted characters.
const INSERTED: AlignedPairLike[] = [
  { textIndex: 0, markIndex: 0, relation: 'same' },
  { textIndex: 1, markIndex: 1, relation: 'same' },
  { textIndex: 2, markIndex: -1, relation: 'inserted' },
  { textIndex: 3, markIndex: -1, relation: 'inserted' },
  { textIndex: 4, markIndex: 2, relation: 'same' },
  { textIndex: 5, markIndex: 3, relation: 'same' },
];
// 可西里 against 可可西里: the mark's second character is missing.
const MISSING: AlignedPairLike[] = [
  { textIndex: 0, markIndex: 0, relation: 'same' },
  { textIndex: -1, markIndex: 1, relation: 'missing' },
  { textIndex: 1, markIndex: 2, relation: 'same' },
  { textIndex: 2, markIndex: 3, relation: 'same' },
];

describe('aligned characters, by the engine\'s offsets', () => {
  it('draws the characters the engine names, whatever comes before them (㊣ does not shift the highlight)', () => {
    // as the engine returns ㊣陳香鵝 against 陈香鹅 (tests/unit/engine/families.test.ts checks the engine's side)
    const text = '㊣陳香鵝';
    const pairs: AlignedPairLike[] = [0, 1, 2].map((i) => ({ textIndex: i, markIndex: i, relation: 'same', textStart: i + 1, textEnd: i + 2, markStart: i, markEnd: i + 1 }));
    const refined = refinePairs(text, '陈香鹅', pairs);
    expect(tagTextChars(text, refined).map((c) => c.relation)).toEqual([null, 'variant', 'same', 'variant']);
    expect(tagMarkChars('陈香鹅', refined).map((c) => c.relation)).toEqual(['variant', 'same', 'variant']);
  });
  it('marks a Latin word inside a longer one by its letters', () => {
    const pairs: AlignedPairLike[] = [{ textIndex: 0, markIndex: 0, relation: 'latin', textStart: 4, textEnd: 9, markStart: 0, markEnd: 5 }];
    expect(tagTextChars('FENGBAOMA', pairs).filter((c) => c.relation === 'latin').map((c) => c.ch).join('')).toBe('BAOMA');
  });
});

describe('aligned characters', () => {
  it('tags each character of both sides with its relation', () => {
    expect(tagTextChars('康帅傅', SHAPE).map((c) => c.relation)).toEqual(['same', 'shape', 'same']);
    expect(tagMarkChars('康师傅', SHAPE).map((c) => c.relation)).toEqual(['same', 'shape', 'same']);
  });

  it('marks inserted characters in the text and missing ones in the mark', () => {
    expect(tagTextChars('六个石磨核桃', INSERTED).map((c) => c.relation)).toEqual(['same', 'same', 'inserted', 'inserted', 'same', 'same']);
    expect(tagMarkChars('可可西里', MISSING).map((c) => c.relation)).toEqual(['same', 'missing', 'same', 'same']);
    expect(tagTextChars('可西里', MISSING).map((c) => c.relation)).toEqual(['same', 'same', 'same']);
  });

  it('leaves characters outside the alignment plain and ignores indices out of range', () => {
    const tagged = tagTextChars('正宗康帅傅', [{ textIndex: 2, markIndex: 0, relation: 'same' }, { textIndex: 9, markIndex: 1, relation: 'same' }]);
    expect(tagged.map((c) => c.relation)).toEqual([null, null, 'same', null, null]);
  });

  it('counts only Han characters, as the engine does, skipping spaces and punctuation', () => {
    const pairs: AlignedPairLike[] = [
      { textIndex: 2, markIndex: 0, relation: 'same' },
      { textIndex: 3, markIndex: 1, relation: 'shape' },
      { textIndex: 4, markIndex: 2, relation: 'same' },
    ];
    expect(tagTextChars('正宗 康帅傅·面', pairs).map((c) => c.relation)).toEqual([null, null, null, 'same', 'shape', 'same', null, null]);
  });

  it('a latin pair tags a whole Latin word', () => {
    const pairs: AlignedPairLike[] = [{ textIndex: 0, markIndex: 0, relation: 'latin' }];
    expect(tagTextChars('SANJIANGYUAN', pairs).every((c) => c.relation === 'latin')).toBe(true);
    const second: AlignedPairLike[] = [{ textIndex: 1, markIndex: 0, relation: 'latin' }];
    expect(tagTextChars('AB PEPS1', second).map((c) => c.relation)).toEqual([null, null, null, 'latin', 'latin', 'latin', 'latin', 'latin']);
  });

  it('digits standing alone count as numerals, digits inside a Latin word do not', () => {
    const pairs: AlignedPairLike[] = [{ textIndex: 2, markIndex: 0, relation: 'same' }];
    expect(tagTextChars('6个核桃', pairs).map((c) => c.relation)).toEqual([null, null, 'same', null]);
    expect(tagTextChars('PEPS1核桃', [{ textIndex: 0, markIndex: 0, relation: 'same' }]).map((c) => c.relation)).toEqual([null, null, null, null, null, 'same', null]);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(tagTextChars('𠮷野家', [{ textIndex: 1, markIndex: 0, relation: 'same' }]).map((c) => [c.ch, c.relation])).toEqual([
      ['𠮷', null], ['野', 'same'], ['家', null],
    ]);
  });

  it('renders colours per relation and a legend of the relations in use', () => {
    render(<AlignedPairView text="康帅傅" mark="康师傅" pairs={SHAPE} textLabel="申请商标" markLabel="名录商标" />);
    const text = screen.getByLabelText('申请商标', { selector: '.aligned' });
    expect([...text.querySelectorAll('.al')].map((e) => e.className)).toEqual(['al al-same', 'al al-shape', 'al al-same']);
    const legend = screen.getByLabelText('图例');
    expect(legend.textContent).toContain('相同');
    expect(legend.textContent).toContain('形近');
    expect(legend.textContent).not.toContain('同音');
  });

  it('shows folded traditional or variant forms (樹/树) as variant, not as the same character', () => {
    const pairs: AlignedPairLike[] = [
      { textIndex: 0, markIndex: 0, relation: 'same' },
      { textIndex: 1, markIndex: 1, relation: 'same' },
      { textIndex: 2, markIndex: 2, relation: 'homophone' },
    ];
    expect(refinePairs('玉樹氂', '玉树牦', pairs).map((p) => p.relation)).toEqual(['same', 'variant', 'homophone']);
    expect(refinePairs('abc', 'ABC', [{ textIndex: 0, markIndex: 0, relation: 'same' }])[0]?.relation).toBe('same');
  });

  it('finds the matched text inside a long listing title', () => {
    expect(splitAround('正宗康帅傅红烧牛肉面 整箱', '康帅傅')).toEqual({ before: '正宗', match: '康帅傅', after: '红烧牛肉面 整箱' });
    expect(splitAround('标题', '不在')).toBeNull();
  });
});
