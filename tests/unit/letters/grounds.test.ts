import { describe, expect, it } from 'vitest';
import { formatGrounds, isBadFaithProfile, suggestGrounds, suggestRequest } from '../../../shared/letters/grounds';
import { facts } from './facts';

const ONE = { hits: 1, distinctOwners: 1 };

describe('suggested grounds', () => {
  it('well-known mark: art. 13.3 on dissimilar goods, arts. 13 and 30 on its own registered classes', () => {
    expect(suggestGrounds(facts({ category: '驰名商标', niceClass: 5, markClasses: [29] }), ONE)).toEqual(['第十三条第三款']);
    expect(suggestGrounds(facts({ category: '驰名商标', niceClass: 29, markClasses: [29] }), ONE)).toEqual(['第十三条', '第三十条']);
    expect(suggestGrounds(facts({ category: '驰名商标', niceClass: 29, markClasses: [29], registrationNumber: '' }), ONE)).toEqual([
      '第十三条第二款',
    ]);
  });

  it('geographical indication: art. 16', () => {
    expect(suggestGrounds(facts({ category: '地理标志' }), ONE)).toEqual(['第十六条第一款']);
  });

  it('public resource: arts. 4 and 10', () => {
    expect(suggestGrounds(facts({ category: '公共资源', markClasses: [] }), ONE)).toEqual(['第四条', '第十条第二款']);
  });

  it('provincial famous and time-honored marks: art. 32, with art. 30 where registered in the class', () => {
    expect(suggestGrounds(facts({ category: '省著名商标', niceClass: 29, markClasses: [29] }), ONE)).toEqual(['第三十条', '第三十二条']);
    expect(suggestGrounds(facts({ category: '老字号', niceClass: 30, markClasses: [29] }), ONE)).toEqual(['第三十二条']);
    expect(suggestGrounds(facts({ category: '老字号', registrationNumber: '' }), ONE)).toEqual(['第三十二条']);
  });

  it('foreign-related mark: arts. 30 and 32', () => {
    expect(suggestGrounds(facts({ category: '涉外商标', niceClass: 29 }), ONE)).toEqual(['第三十条', '第三十二条']);
  });

  it('an applicant with many squats adds arts. 4 and 44, without duplicates and in statute order', () => {
    expect(isBadFaithProfile({ hits: 3, distinctOwners: 1 })).toBe(true);
    expect(isBadFaithProfile({ hits: 2, distinctOwners: 2 })).toBe(true);
    expect(isBadFaithProfile({ hits: 2, distinctOwners: 1 })).toBe(false);
    expect(suggestGrounds(facts({ category: '公共资源' }), { hits: 5, distinctOwners: 1 })).toEqual([
      '第四条',
      '第十条第二款',
      '第四十四条第一款',
    ]);
  });
});

describe('suggested request', () => {
  it('refusal before the deadline, invalidation after it, opposition for a right holder', () => {
    expect(suggestRequest('referral', facts({ oppositionDeadline: '2027-02-27' }), '2027-02-27')).toBe('不予核准注册');
    expect(suggestRequest('referral', facts({ oppositionDeadline: '2027-02-27' }), '2027-02-28')).toBe('宣告无效');
    expect(suggestRequest('referral', facts({ oppositionDeadline: '' }), '2027-02-28')).toBe('不予核准注册');
    expect(suggestRequest('holder-notice', facts(), '2026-11-29')).toBe('提出异议');
  });

  it('formats the grounds with the law name', () => {
    expect(formatGrounds(['第三十二条', '第四条', '第四条'])).toBe('《中华人民共和国商标法》第四条、第三十二条');
    expect(formatGrounds([])).toBe('');
  });
});
