// The classes a listing title's goods words name (a listing carries no class of its own).
import { describe, expect, it } from 'vitest';
import { goodsClassesIn } from '../../../shared/engine/goods';

describe('goodsClassesIn', () => {
  it('reads the longest goods word: 牦牛肉 is meat (29), 牦牛 a live animal (31)', () => {
    expect(goodsClassesIn('大通牦牛肉 礼盒')).toEqual([29]);
    expect(goodsClassesIn('活体牦牛 出售')).toEqual([31]);
    expect(goodsClassesIn('特产 牦牛肉干')).toEqual([29]);
  });
  it('knows cloth sold by the metre (绸布, 丝绸, 面料) as class 24', () => {
    expect(goodsClassesIn('瑞蚨祥绸布 真丝面料')).toEqual([24]);
  });
  it('skips the words inside the matched brand and finds none in a title without goods words', () => {
    expect(goodsClassesIn('牛肉面馆 新店开业', 0, 3)).toEqual([]);
    expect(goodsClassesIn('新店开业 欢迎光临')).toEqual([]);
  });
});
