import { describe, expect, it } from 'vitest';
import {
  checkRecognitionDate,
  emptyForm,
  formFromMark,
  parseAliases,
  parseClasses,
  validateMarkForm,
} from '../../../renderer/src/pages/registry/mark-form';

describe('国际分类 input', () => {
  it('accepts classes separated by half- or full-width semicolons, commas and spaces', () => {
    expect(parseClasses('29;32', '驰名商标')).toEqual({ classes: [29, 32] });
    expect(parseClasses('32；29， 5 ', '地理标志')).toEqual({ classes: [5, 29, 32] });
    expect(parseClasses('３０', '老字号')).toEqual({ classes: [30] });
    expect(parseClasses('29;29', '老字号')).toEqual({ classes: [29] });
  });

  it('rejects numbers outside 1–45 and non-numbers, naming the bad part', () => {
    expect(parseClasses('29;46', '驰名商标')).toEqual({ error: expect.stringContaining('「46」') });
    expect(parseClasses('0', '驰名商标')).toEqual({ error: expect.stringContaining('1–45') });
    expect(parseClasses('第29类', '驰名商标')).toEqual({ error: expect.stringContaining('「第29类」') });
    expect(parseClasses('2.5', '驰名商标')).toHaveProperty('error');
  });

  it('allows an empty value only for 公共资源', () => {
    expect(parseClasses('', '公共资源')).toEqual({ classes: [] });
    expect(parseClasses(' ; ', '驰名商标')).toEqual({ error: expect.stringContaining('只有公共资源可以留空') });
  });
});

describe('别名 and 认定日期', () => {
  it('splits aliases on semicolons, trims and drops duplicates and empties', () => {
    expect(parseAliases(' QHH ;Qinghai Lake；;QHH')).toEqual(['QHH', 'Qinghai Lake']);
    expect(parseAliases('')).toEqual([]);
    expect(parseAliases('天空之镜、茶卡，CHAKA')).toEqual(['天空之镜', '茶卡', 'CHAKA']);
  });

  it('accepts empty or real dates in every form the batches accept (issue 10, item 8)', () => {
    expect(checkRecognitionDate('')).toBeNull();
    expect(checkRecognitionDate('2019-05-20')).toBeNull();
    expect(checkRecognitionDate('2020-02-29')).toBeNull();
    expect(checkRecognitionDate('2019-02-29')).toContain('不是有效的日期');
    expect(checkRecognitionDate('2015/6/1')).toBeNull();
    expect(checkRecognitionDate('2015年6月1日')).toBeNull();
    expect(checkRecognitionDate('soon')).toContain('2019年5月20日');
    // a report often names only the year or the month of a recognition
    expect(checkRecognitionDate('2006-10')).toBeNull();
    expect(checkRecognitionDate('2006年')).toBeNull();
    expect(checkRecognitionDate('2006-13')).toContain('不是有效的日期');
  });

  it('stores a date typed 2015/6/1 or 2015年6月1日 as 2015-06-01', () => {
    for (const typed of ['2015/6/1', '2015年6月1日']) {
      const result = validateMarkForm({ ...emptyForm(), id: 'Q1', name: '青海湖', classes: '29', recognizedOn: typed });
      expect(result.ok && result.mark.recognizedOn).toBe('2015-06-01');
    }
  });
});

describe('the whole form', () => {
  it('reports every missing or bad field at once', () => {
    const result = validateMarkForm({ ...emptyForm(), classes: '99', recognizedOn: 'soon' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['classes', 'id', 'name', 'recognizedOn']);
    expect(result.errors.id).toBe('请填写编号');
    expect(result.errors.name).toBe('请填写商标名称');
  });

  it('builds a trimmed ProtectedMark and round-trips through the form values', () => {
    const result = validateMarkForm({
      ...emptyForm(),
      id: ' Q1 ',
      name: ' 青海湖 ',
      category: '公共资源',
      aliases: 'QHH;Qinghai Lake',
      region: '青海省',
    });
    expect(result).toEqual({
      ok: true,
      mark: {
        id: 'Q1', name: '青海湖', category: '公共资源', classes: [], registrationNumber: '', holder: '',
        aliases: ['QHH', 'Qinghai Lake'], region: '青海省', recognizedOn: '', notes: '',
      },
    });
    if (result.ok) expect(validateMarkForm(formFromMark(result.mark))).toEqual(result);
  });

  it('limits lengths as the contract does', () => {
    const result = validateMarkForm({ ...emptyForm(), id: 'x'.repeat(65), name: 'n', classes: '1' });
    expect(result.ok ? null : result.errors.id).toBe('编号不能超过 64 个字');
  });
});
