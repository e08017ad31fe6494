import { describe, expect, it, vi } from 'vitest';
import { charSimilarity } from '../../../shared/engine/similarity';
import { confusablesOf } from '../../../shared/engine/glyphs';
import { alignHan } from '../../../shared/engine/align';
import { editDistance, matchLatin } from '../../../shared/engine/latin';
import { segmentsIntoWords } from '../../../shared/engine/lexicon';
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
  it('answers the same whatever order the characters were first compared in (the memo is filled as it goes)', async () => {
    // look-alikes (土/士, 日/曰, 大/太), homophones (江/疆), fuzzy (山/三), numerals (六/九) and unrelated pairs
    const pairs = ['土士', '士土', '日曰', '曰日', '大太', '太大', '江疆', '山三', '六九', '马书', '土日', '曰江'].map((p) => [...p]);
    const fresh = async () => {
      vi.resetModules();
      return (await import('../../../shared/engine/similarity')).charSimilarity;
    };
    const forwards = await fresh();
    const expected = pairs.map(([a, b]) => forwards(a!, b!));
    // a screened character's memo row made before its look-alike is first used as a mark character, and after
    const backwards = await fresh();
    for (const [a, b] of [...pairs].reverse()) backwards(b!, a!);
    expect(pairs.map(([a, b]) => backwards(a!, b!))).toEqual(expected);
    expect(expected.slice(0, 6).map((s) => s.relation)).toEqual(Array(6).fill('shape'));
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
  it('describes look-alikes, typos, added words and a mark inside a longer word', () => {
    expect(matchLatin(form('TOYOTA'), normaliseText('T0Y0TA').latin)?.lookAlike).toBe(true);
    expect(matchLatin(form('TOYOTA'), normaliseText('TOYOTTA').latin)?.distance).toBe(1);
    expect(matchLatin(form('TOYOTA'), normaliseText('TOYOTA MOTORS').latin)).toMatchObject({ exact: true, extraTokens: 1 });
    expect(matchLatin(form('NOKIA'), normaliseText('NOKIAN').latin)).toMatchObject({ exact: true, insideExtra: 1 });
    expect(matchLatin(form('ROLEX'), normaliseText('ROLEXANDRA').latin)).toMatchObject({ exact: true, insideExtra: 5 });
  });
  it('reads b written for d, its mirror image, as a look-alike in a word of five letters or more', () => {
    expect(matchLatin(form('DABIRO'), normaliseText('babiro').latin)?.lookAlike).toBe(true);
    expect(matchLatin(form('DABIRO'), normaliseText('DADIRO').latin)?.lookAlike).toBe(true);
    expect(matchLatin(form('DOLA'), normaliseText('BOLA').latin)?.lookAlike).toBe(false);
  });
  it('hears a spelling by its sound (Double Metaphone), and only then', () => {
    expect(matchLatin(form('OMEGA'), normaliseText('OMIGA').latin)?.phonetic).toBe(true);
    expect(matchLatin(form('BOSCH'), normaliseText('BOSH').latin)?.phonetic).toBe(true);
    expect(matchLatin(form('BOSCH'), normaliseText('BOSS').latin)?.phonetic ?? false).toBe(false);
  });
  it('sees the same letters rearranged in a short mark', () => {
    expect(matchLatin(form('BMW'), normaliseText('MBW').latin)).toMatchObject({ permuted: true });
  });
  it('keeps nothing for an unrelated word', () => {
    expect(matchLatin(form('SEAT'), normaliseText('ORANGE').latin)).toBeNull();
  });
});

describe('genericMask', () => {
  it('marks goods words, and single-character ones only at the end', () => {
    expect(genericMask([...'雪山矿泉水'])).toEqual([false, false, true, true, true]);
    expect(genericMask([...'茶马古道'])).toEqual([false, false, false, false]);
    expect(genericMask([...'古道茶'])).toEqual([false, false, true]);
  });
  it('covers the most characters: a longer word does not strand the one after it (牛肉面条 is 牛肉 + 面条)', () => {
    expect(genericMask([...'牛肉面条'])).toEqual([true, true, true, true]);
    expect(genericMask([...'特产牛肉面'])).toEqual([true, true, true, true, true]);
  });
});

describe('look-alike coverage of the generated data', () => {
  // classic look-alike pairs from imitation cases and primers (not the development set's)
  const PAIRS = ['师帅', '雪雷', '奥粤', '兔免', '哈恰', '桃挑', '白臼', '治洽', '仑伦', '友反', '仔子', '天夭', '吉古', '源原', '李季',
    '乌鸟', '己已', '未末', '土士', '日曰', '人入', '大太', '刀力', '千干', '甲由', '申由', '贝见', '今令', '休体', '折拆', '侯候', '戊戌'];
  it('knows at least nine in ten of them', () => {
    const known = PAIRS.filter((p) => {
      const [a, b] = Array.from(p) as [string, string];
      // a pair that also sounds alike is named a homophone, but the shape table must know it
      return confusablesOf(a).has(b);
    });
    expect(known.length / PAIRS.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('segmentsIntoWords', () => {
  it('reads a description made of everyday words, not a coined name', () => {

    expect(segmentsIntoWords(Array.from('脂蛋白'))).toBe(true);
    expect(segmentsIntoWords(Array.from('猪肉水饺'))).toBe(true);
    expect(segmentsIntoWords(Array.from('佩奇'))).toBe(false);
    expect(segmentsIntoWords(Array.from('肉'))).toBe(false);
  });
});
