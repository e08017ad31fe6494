// A mark's name as trademark data writes it: the note that the mark has a figure is not part of its words.
import { describe, expect, it } from 'vitest';
import { isDeviceOnly, markWords } from '../../shared/mark-words';

describe('markWords', () => {
  it('takes the device note off the end of a name, leaving a prefix of the name', () => {
    expect(markWords('华为HUAWEI及图')).toBe('华为HUAWEI');
    expect(markWords('康师傅 及图形')).toBe('康师傅');
    expect(markWords('小猪佩奇（图形）')).toBe('小猪佩奇');
    expect(markWords('ABC+图形')).toBe('ABC');
    expect(markWords('雪莲【图形】')).toBe('雪莲');
  });
  it('takes off notes of the sign’s colours or form, and notes that follow one another', () => {
    expect(markWords('康师傅及图（指定颜色）')).toBe('康师傅');
    expect(markWords('金凤凰 (三维标志)')).toBe('金凤凰');
    expect(markWords('雪莲（图形）（颜色组合）')).toBe('雪莲');
    expect(isDeviceOnly('图形（指定颜色）')).toBe(true);
    expect(markWords('颜色组合')).toBe('颜色组合');
  });
  it('leaves a name whose own last character is 图 alone, and a name without a note', () => {
    expect(markWords('宏图')).toBe('宏图');
    expect(markWords('蓝图及图')).toBe('蓝图');
    expect(markWords('鸿图大展')).toBe('鸿图大展');
    expect(markWords('图')).toBe('图');
    expect(markWords('康师傅')).toBe('康师傅');
  });
  it('reads a name that is only the note as a device mark without words', () => {
    for (const name of ['图形', '（图形）', '(图)', '图形商标', '  ', '']) {
      expect(markWords(name).trim()).toBe('');
      expect(isDeviceOnly(name)).toBe(true);
    }
    expect(isDeviceOnly('宏图')).toBe(false);
  });
});
