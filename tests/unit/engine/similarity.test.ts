import { describe, expect, it } from 'vitest';
import { charSimilarity } from '../../../shared/engine/similarity';
import { alignHan } from '../../../shared/engine/align';
import { editDistance, matchLatin } from '../../../shared/engine/latin';
import { normaliseText } from '../../../shared/engine/normalise';
import { genericMask } from '../../../shared/engine/generic';

describe('charSimilarity', () => {
  it('finds look-alikes from the generated shape data', () => {
    expect(charSimilarity('王', '玉').relation).toBe('shape'); // one stroke apart
    expect(charSimilarity('己', '已').relation).toBe('shape');
    expect(charSimilarity('未', '末').value).toBeGreaterThanOrEqual(0.8);
  });
  it('finds homophones and fuzzy-pinyin matches', () => {
    expect(charSimilarity('江', '疆')).toEqual({ value: 0.8, relation: 'homophone' });
    expect(charSimilarity('山', '三').relation).toBe('fuzzy'); // shan / san
  });
  it('gives nothing to unrelated characters', () => {
    expect(charSimilarity('马', '书').value).toBe(0);
  });
});

describe('alignHan', () => {
  const ones = (n: number) => new Array<number>(n).fill(1);
  it('aligns a contained mark, a substitution and an insertion', () => {
    const a = alignHan([...'天山雪'], ones(3), [...'新天山雪莲'])!;
    expect([a.start, a.end, a.score]).toEqual([1, 4, 3]);
    const b = alignHan([...'白云阁'], ones(3), [...'白去阁'])!; // 云/去 look alike
    expect(b.relations).toEqual(['same', 'shape', 'same']);
    const c = alignHan([...'金色年华'], ones(4), [...'金色好年华'])!;
    expect(c.inserted).toBe(1);
  });
  it('swaps adjacent characters (途安 / 安途)', () => {
    const a = alignHan([...'安途'], ones(2), [...'途安'])!;
    expect(a.transposed).toBe(1);
    expect(a.score).toBeCloseTo(1.8);
  });
});

describe('Latin matching', () => {
  const form = (s: string) => {
    const t = normaliseText(s);
    return { canon: t.latin.map((l) => l.canon).join(''), skeleton: t.latin.map((l) => l.skeleton).join(''), tokenCount: t.latin.length };
  };
  it('counts a transposition as one edit', () => {
    expect(editDistance('ABCD', 'ABDC', 2)).toBe(1);
  });
  it('matches look-alikes, typos and added words on token boundaries only', () => {
    expect(matchLatin(form('TOYOTA'), normaliseText('T0Y0TA').latin)?.lookAlike).toBe(true);
    expect(matchLatin(form('TOYOTA'), normaliseText('TOYOTTA').latin)?.typo).toBe(true);
    expect(matchLatin(form('TOYOTA'), normaliseText('TOYOTA MOTORS').latin)?.added).toBe(true);
    expect(matchLatin(form('ROLEX'), normaliseText('ROLEXANDRA').latin)).toBeNull();
    expect(matchLatin(form('NOKIA'), normaliseText('NOKIAN').latin)?.similarity).toBeLessThan(0.9);
  });
  it('does not stretch short marks (a four-letter word one letter away is another word)', () => {
    expect(matchLatin(form('SEAT'), normaliseText('SEAL').latin)).toBeNull();
    expect(matchLatin(form('SEAT'), normaliseText('SEAAT').latin)).not.toBeNull(); // doubled letter
  });
});

describe('genericMask', () => {
  it('marks goods words, and single-character ones only at the end', () => {
    expect(genericMask([...'雪山矿泉水'])).toEqual([false, false, true, true, true]);
    expect(genericMask([...'茶马古道'])).toEqual([false, false, false, false]);
    expect(genericMask([...'古道茶'])).toEqual([false, false, true]);
  });
});

describe('Latin look-alike letters', () => {
  const form = (s: string) => ({ canon: s, skeleton: normaliseText(s).latin[0]!.skeleton, tokenCount: 1 });
  it('accepts one similar-looking letter in a short mark, not any letter', () => {
    expect(matchLatin(form('FIAT'), normaliseText('EIAT').latin)?.typo).toBe(true);
    expect(matchLatin(form('FIAT'), normaliseText('FLAT').latin)).not.toBeNull(); // I/L share the skeleton
    expect(matchLatin(form('FIAT'), normaliseText('FIRT').latin)).toBeNull();
  });
});

describe('look-alike coverage of the generated data', () => {
  // classic look-alike pairs from imitation cases and primers (not the development set's)
  const PAIRS = ['师帅', '雪雷', '奥粤', '兔免', '哈恰', '桃挑', '白臼', '治洽', '仑伦', '友反', '仔子', '天夭', '吉古', '源原', '李季',
    '乌鸟', '己已', '未末', '土士', '日曰', '人入', '大太', '刀力', '千干', '甲由', '申由', '贝见', '今令', '休体', '折拆', '侯候', '戊戌'];
  it('knows at least nine in ten of them', () => {
    const known = PAIRS.filter((p) => {
      const [a, b] = Array.from(p) as [string, string];
      return charSimilarity(a, b).relation === 'shape';
    });
    expect(known.length / PAIRS.length).toBeGreaterThanOrEqual(0.9);
  });
});
