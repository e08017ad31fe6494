import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../../shared/formats/headers';
import { parseNiceClasses, parseRegistryRow, REGISTRY_HEADERS, registryRow } from '../../../shared/formats/registry';
import { neutraliseFormula, stripNeutralisingApostrophe } from '../../../shared/formats/cells';
import { parseDate } from '../../../shared/formats/dates';

const HEADERS = REGISTRY_HEADERS.map((h) => h.header);
const mapping = mapHeaders(HEADERS, REGISTRY_HEADERS);
if (!mapping.ok) throw new Error(mapping.error);
const row = (cells: string[]) => parseRegistryRow(cells, mapping.columns);

describe('registry rows', () => {
  it('parses a full row, splitting classes and aliases', () => {
    expect(row(['Q1', '青稞王', '老字号', '33；32', '123', '青稞王酒业', 'QINGKEWANG; 青稞 王', '青海省', '2012/3/5', '备注'])).toEqual({
      ok: true,
      value: {
        id: 'Q1',
        name: '青稞王',
        category: '老字号',
        classes: [32, 33],
        registrationNumber: '123',
        holder: '青稞王酒业',
        aliases: ['QINGKEWANG', '青稞 王'],
        region: '青海省',
        recognizedOn: '2012-03-05',
        notes: '备注',
      },
    });
  });

  it('splits aliases listed the way Chinese lists are written (、 ，) as well as with ;', () => {
    const parsed = row(['Q1', '茶卡盐湖', '公共资源', '', '', '', '天空之镜、CHAKA SALT LAKE，茶卡；CHAKA', '', '', '']);
    expect(parsed).toMatchObject({ ok: true, value: { aliases: ['天空之镜', 'CHAKA SALT LAKE', '茶卡', 'CHAKA'] } });
  });

  it('accepts full-width digits in classes, and an empty class list only for public resources', () => {
    expect(parseNiceClasses('２９;３０')).toEqual({ ok: true, value: [29, 30] });
    expect(row(['Q2', '昆仑山', '公共资源', '', '', '', '', '', '', ''])).toMatchObject({ ok: true });
    expect(row(['Q3', '昆仑泉', '驰名商标', '', '', '', '', '', '', ''])).toEqual({
      ok: false,
      reason: expect.stringContaining('「国际分类」不能为空'),
    });
  });

  it('reads the longer names lists give a category, and a recognition year without its day', () => {
    expect(row(['Q6', '马应龙', '中华老字号', '5', '', '', '', '', '2006年', ''])).toMatchObject({ ok: true, value: { category: '老字号', recognizedOn: '2006' } });
    expect(row(['Q7', '柴达木枸杞', '地理标志证明商标', '31', '', '', '', '', '2013-10', ''])).toMatchObject({ ok: true, value: { category: '地理标志', recognizedOn: '2013-10' } });
    expect(row(['Q8', '塔尔寺', '公共资源名称', '', '', '', '', '', '', ''])).toMatchObject({ ok: true, value: { category: '公共资源', classes: [] } });
  });

  it.each([
    [['Q4', '雪峰', '驰名商标', '0', '', '', '', '', '', ''], /国际分类「0」无效/],
    [['Q4', '雪峰', '驰名商标', '29;99', '', '', '', '', '', ''], /国际分类「99」无效/],
    [['Q4', '雪峰', '著名商标', '29', '', '', '', '', '', ''], /类别「著名商标」无效/],
    [['', '雪峰', '驰名商标', '29', '', '', '', '', '', ''], /「编号」不能为空/],
    [['Q4', '雪\u0007峰', '驰名商标', '29', '', '', '', '', '', ''], /控制字符/],
    [['Q4', '雪峰', '驰名商标', '29', '', '', '', '', '2019-13-01', ''], /认定日期「2019-13-01」无效/],
    [['Q4', '雪'.repeat(300), '驰名商标', '29', '', '', '', '', '', ''], /「商标名称」过长/],
  ])('rejects %j with a reason', (cells, reason) => {
    const result = row(cells);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('writes back the same row it read', () => {
    const cells = ['Q5', '湟鱼', '地理标志', '29;31', '', '', 'HUANGYU', '青海湖', '', ''];
    const parsed = row(cells);
    expect(parsed.ok && registryRow(parsed.value)).toEqual(cells);
  });
});

describe('cells', () => {
  it('neutralises formula starts and strips exactly that prefix again', () => {
    for (const value of ['=1+1', '+86', '-5', '@SUM(A1)', '\tx']) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      expect(stripNeutralisingApostrophe(neutraliseFormula(value))).toBe(value);
    }
    expect(neutraliseFormula('青海湖')).toBe('青海湖');
    expect(stripNeutralisingApostrophe("'青海湖")).toBe("'青海湖");
  });

  it('reads the date forms clerks type and rejects impossible dates', () => {
    expect(parseDate('2024年2月29日')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2025-07-07T00:00:00.000Z')).toBe('2025-07-07');
    expect(parseDate('七月')).toBeNull();
  });
});
