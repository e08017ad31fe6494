// Normalisers, with examples of our own (not the development set's).
import { describe, expect, it } from 'vitest';
import { latinSkeleton, normaliseOwner, normaliseText, simplifiedInPlace } from '../../../shared/engine/normalise';
import { fuzzySyllable, spellsPinyinOf } from '../../../shared/engine/pinyin';
import { composedOf, readingsOf, variantOf } from '../../../shared/engine/glyphs';
import { saidNumber } from '../../../shared/engine/text-variants';

const han = (s: string) => normaliseText(s).han.join('');

describe('normaliseText', () => {
  it('maps traditional characters to simplified and says so', () => {
    const t = normaliseText('龍門鎮');
    expect(t.han.join('')).toBe('龙门镇');
    expect(t.hanOrigin).toEqual(['traditional', 'traditional', 'traditional']);
    expect(t.hanSource.join('')).toBe('龍門鎮');
  });
  it('maps Japanese and variant forms (徳 → 德, 峯 → 峰)', () => {
    expect(han('徳峯')).toBe('德峰');
    expect(variantOf('徳')?.to).toBe('德');
  });
  it('reads the katakana middle dot as a separator, like ·, not as a character it is drawn near', () => {
    const t = normaliseText('安踏・运动鞋');
    expect(t.han.join('')).toBe('安踏运动鞋');
    expect(t.hanBreakAfter[1]).toBe(true);
  });
  it('leaves a character of the Chinese standard set as it is, though Japanese writes it for another (芸, 沪, 欠)', () => {
    expect(han('芸豆沪江欠款')).toBe('芸豆沪江欠款');
    expect(variantOf('芸')).toBeUndefined();
    // and a character is split into its own parts: 吹 is 口 and 欠, not 口 and 缺
    expect(composedOf('口', '欠')).toBe('吹');
  });
  it('writes a title simplified in place: every other character and every offset as it was', () => {
    const title = '少兒鋼琴培訓 徳峯 𠮷野家 ＡＢＣ 壹';
    const out = simplifiedInPlace(title);
    expect(out).toBe('少儿钢琴培训 德峰 𠮷野家 ＡＢＣ 壹');
    expect(out.length).toBe(title.length);
  });
  it('reads 丨, 丶, 丿 and 〡 between characters as the bars and dots they stand for, not as characters', () => {
    const t = normaliseText('蜜丨雪丶冰城丨柠檬水');
    expect(t.han.join('')).toBe('蜜雪冰城柠檬水');
    expect(t.hanStart.slice(0, 4)).toEqual([0, 2, 4, 5]);
    expect(t.hanBreakAfter.slice(0, 4)).toEqual([true, true, false, true]);
    // the Kangxi radicals ⼁ ⼂ ⼃ are the same strokes once NFKC has read them
    expect(han('丿蜜〡雪⼁冰⼂城⼃')).toBe('蜜雪冰城');
  });
  it('reads a long dash that ends a word right after a character as 一 (统— for 统一), not one between words (——)', () => {
    expect(han('金—')).toBe('金一');
    expect(han('金— 方便面')).toBe('金一方便面');
    expect(normaliseText('金—').hanOrigin).toEqual(['same', 'shape']);
    expect(han('金城—柠檬水')).toBe('金城柠檬水');
    expect(han('金城——柠檬水')).toBe('金城柠檬水');
    expect(han('金——')).toBe('金');
  });
  it('reads capital and Arabic numerals as Chinese numerals', () => {
    const t = normaliseText('柒星8号');
    expect(t.han.join('')).toBe('七星八号');
    expect(t.hanOrigin[0]).toBe('numeral');
    expect(t.hanOrigin[2]).toBe('numeral');
  });
  it('reads a numeral of tens in one character as the tens written out (廿五 is 二十五), both at the one written', () => {
    const t = normaliseText('道光廿五');
    expect(t.han.join('')).toBe('道光二十五');
    expect(t.hanStart.slice(2, 4)).toEqual([2, 2]);
    expect(t.hanEnd.slice(2, 4)).toEqual([3, 3]);
    expect(t.hanOrigin[2]).toBe('numeral');
    expect(normaliseText('卅六').han.join('')).toBe('三十六');
  });
  it('keeps digits among letters as Latin look-alikes', () => {
    const t = normaliseText('G00GLE 手机');
    expect(t.latin.map((l) => l.canon)).toEqual(['G00GLE']);
    expect(t.latin[0]?.skeleton).toBe('GOOGIE');
    expect(t.han.join('')).toBe('手机');
  });
  it('folds full-width letters, accents, Cyrillic and Greek look-alikes', () => {
    expect(normaliseText('ＴＥＳＬＡ').latin[0]?.canon).toBe('TESLA');
    expect(normaliseText('Nestlé').latin[0]?.canon).toBe('NESTLE');
    expect(normaliseText('АРРLЕ').latin[0]?.canon).toBe('APPLE'); // Cyrillic А and Р
    expect(normaliseText('ΝΙΚΕ').latin[0]?.canon).toBe('NIKE'); // Greek capitals
  });
  it('drops control and zero-width characters and survives a 10,000-character text', () => {
    expect(han('茅\u0000台\u200b酒')).toBe('茅台酒');
    const long = normaliseText('山'.repeat(10_000));
    expect(long.han.length).toBeLessThanOrEqual(2000);
  });
  it('reads ™ and ℠ as the mark symbols they are, not as the letters TM and SM', () => {
    const t = normaliseText('耐克™运动鞋 NIKE™');
    expect(t.han.join('')).toBe('耐克运动鞋');
    expect(t.latin.map((l) => l.canon)).toEqual(['NIKE']);
  });
  it('joins a word written out letter by letter, but not a short run such as a size chart', () => {
    expect(normaliseText('N I K E 运动鞋').latin.map((t) => [t.canon, t.start, t.end])).toEqual([['NIKE', 0, 7]]);
    expect(normaliseText('A.D.I.D.A.S').latin.map((t) => t.canon)).toEqual(['ADIDAS']);
    expect(normaliseText('纯棉 S M L XL').latin.map((t) => t.canon)).toEqual(['S', 'M', 'L', 'XL']);
    expect(normaliseText('A B C D,  E').latin.map((t) => t.canon)).toEqual(['ABCD', 'E']);
  });
  it('reads a lone digit in a word spelled out letter by letter as the letter it stands for, a number elsewhere', () => {
    const spelled = normaliseText('L E N O V 0 电脑');
    expect(spelled.latin.map((t) => t.canon)).toEqual(['LENOV0']);
    expect(spelled.han.join('')).toBe('电脑');
    expect(normaliseText('K 8 运动鞋').latin.map((t) => t.canon)).toEqual(['K', '8']);
    expect(normaliseText('6 个核桃').han.join('')).toBe('六个核桃');
    expect(normaliseText('XL 2 件装').han.join('')).toBe('二件装');
  });
  it('builds the look-alike skeleton (0/O, 1/l/I, rn/m, vv/w)', () => {
    expect(latinSkeleton('C0RNER')).toBe(latinSkeleton('COMER'));
    expect(latinSkeleton('VVOLF')).toBe(latinSkeleton('WOLF'));
    expect(latinSkeleton('B1ACK')).toBe(latinSkeleton('BLACK'));
  });
});

describe('normaliseOwner', () => {
  it('ignores full/half-width brackets and spaces', () => {
    expect(normaliseOwner('青海湖乳业（集团） 有限公司')).toBe(normaliseOwner('青海湖乳业(集团)有限公司'));
  });
});

describe('readings and fuzzy pinyin', () => {
  it('gives every reading of a polyphonic character', () => {
    expect(readingsOf('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
  });
  it('folds z/zh, c/ch, s/sh, n/l, f/h, an/ang, en/eng, in/ing', () => {
    expect(fuzzySyllable('zhang')).toBe(fuzzySyllable('zan'));
    expect(fuzzySyllable('shen')).toBe(fuzzySyllable('seng'));
    expect(fuzzySyllable('nan')).toBe(fuzzySyllable('lang'));
    expect(fuzzySyllable('hu')).toBe(fuzzySyllable('fu'));
    expect(fuzzySyllable('xing')).toBe(fuzzySyllable('xin'));
  });
});

describe('spellsPinyinOf', () => {
  const chars = (s: string) => Array.from(s);
  it('knows a mark written with its own pinyin, whole or in part, in any reading of a character', () => {
    expect(spellsPinyinOf('QINGHUAZHIDANBAI', chars('清华脂蛋白'))).toBe(true);
    expect(spellsPinyinOf('MIXUE', chars('蜜雪冰城'))).toBe(true);
    expect(spellsPinyinOf('BINGCHENG', chars('蜜雪冰城'))).toBe(true);
    expect(spellsPinyinOf('YINHANG', chars('银行'))).toBe(true);
    expect(spellsPinyinOf('LVYUAN', chars('绿源'))).toBe(true);
    expect(spellsPinyinOf('LUYUAN', chars('绿源'))).toBe(true);
  });
  it('does not take a foreign word, a part of a syllable or a single character for the pinyin', () => {
    expect(spellsPinyinOf('PHOENIX', chars('金凤凰'))).toBe(false);
    expect(spellsPinyinOf('MIXU', chars('蜜雪冰城'))).toBe(false);
    expect(spellsPinyinOf('MI', chars('蜜雪冰城'))).toBe(false);
    expect(spellsPinyinOf('MIBING', chars('蜜雪冰城'))).toBe(false);
    expect(spellsPinyinOf('QQ', chars('腾讯'))).toBe(false);
  });
});

describe('components', () => {
  it('knows characters written as two characters', () => {
    expect(composedOf('木', '子')).toBe('李');
    expect(composedOf('女', '子')).toBe('好');
  });
});

describe('saidNumber', () => {
  it('says a number as Chinese does, a round hundred, thousand or ten thousand by its unit alone', () => {
    const said = Object.fromEntries(['13', '25', '100', '105', '1000', '1010', '2008', '30000', '10086'].map((d) => [d, saidNumber(d)]));
    expect(said).toEqual({ 13: '十三', 25: '二十五', 100: '百', 105: '一百零五', 1000: '千', 1010: '一千零一十', 2008: '二千零八', 30000: '三万', 10086: '一万零八十六' });
  });
});
