import { describe, expect, it } from 'vitest';
import {
  formatGrounds,
  groundsForStage,
  isBadFaithProfile,
  stageProblems,
  substantiveGrounds,
  suggestGrounds,
  suggestRequest,
} from '../../../shared/letters/grounds';
import { decideStage, invalidationDeadline } from '../../../shared/letters/stage';
import { facts } from './facts';

const ONE = { hits: 1, distinctOwners: 1 };
const MANY = { hits: 5, distinctOwners: 1 };
const TODAY = '2026-11-29';

describe('substantive grounds by category', () => {
  it('well-known mark: art. 13.3 on dissimilar goods, arts. 13 and 30 on its own registered classes, 13.2 unregistered', () => {
    expect(substantiveGrounds(facts({ category: '驰名商标', niceClass: 5, markClasses: [29] }), ONE)).toEqual(['第十三条第三款']);
    expect(substantiveGrounds(facts({ category: '驰名商标', niceClass: 29, markClasses: [29] }), ONE)).toEqual(['第十三条', '第三十条']);
    expect(substantiveGrounds(facts({ category: '驰名商标', niceClass: 29, markClasses: [29], registrationNumber: '' }), ONE)).toEqual(['第十三条第二款']);
  });

  it('GI: art. 16.1; public resource: arts. 4 and 10.2; provincial famous, time-honored and foreign-related: art. 32 (+30)', () => {
    expect(substantiveGrounds(facts({ category: '地理标志' }), ONE)).toEqual(['第十六条第一款']);
    expect(substantiveGrounds(facts({ category: '公共资源', markClasses: [] }), ONE)).toEqual(['第四条', '第十条第二款']);
    expect(substantiveGrounds(facts({ category: '省著名商标', niceClass: 29, markClasses: [29] }), ONE)).toEqual(['第三十条', '第三十二条']);
    expect(substantiveGrounds(facts({ category: '老字号', niceClass: 30, markClasses: [29] }), ONE)).toEqual(['第三十二条']);
    expect(substantiveGrounds(facts({ category: '涉外商标', niceClass: 29 }), ONE)).toEqual(['第三十条', '第三十二条']);
  });

  it('an applicant with many squats adds art. 4 (bad faith), not art. 44 which is for registered marks', () => {
    expect(isBadFaithProfile({ hits: 3, distinctOwners: 1 })).toBe(true);
    expect(isBadFaithProfile({ hits: 2, distinctOwners: 2 })).toBe(true);
    expect(isBadFaithProfile({ hits: 2, distinctOwners: 1 })).toBe(false);
    expect(substantiveGrounds(facts({ category: '地理标志' }), MANY)).toEqual(['第四条', '第十六条第一款']);
  });
});

describe('the stage of a filing (decideStage)', () => {
  const published = { publishedOn: '2026-11-27', oppositionDeadline: '2027-02-27', registeredOn: '' };
  it('no publication date: under examination', () => {
    expect(decideStage({ publishedOn: '', oppositionDeadline: '', registeredOn: '' }, TODAY).stage).toBe('examination');
  });
  it('published and within the three months, up to and including the deadline: published', () => {
    expect(decideStage(published, TODAY)).toEqual({ stage: 'published', why: '异议期至2027年2月27日' });
    expect(decideStage(published, '2027-02-27').stage).toBe('published');
  });
  it('the day after the deadline: registered (no opposition left, only invalidation)', () => {
    expect(decideStage(published, '2027-02-28')).toEqual({ stage: 'registered', why: '异议期已于2027年2月27日届满，按已注册处理' });
  });
  it('a known registration date wins, once it has come', () => {
    expect(decideStage({ ...published, registeredOn: '2026-11-28' }, TODAY).stage).toBe('registered');
    expect(decideStage({ ...published, registeredOn: '2026-12-28' }, TODAY).stage).toBe('published');
  });
  it('relative grounds run five years from registration (art. 45.1)', () => {
    expect(invalidationDeadline('2021-11-29')).toBe('2026-11-29');
    expect(invalidationDeadline('2020-02-29')).toBe('2025-02-28');
    expect(invalidationDeadline('')).toBe('');
  });
});

describe('grounds follow the stage', () => {
  const gi = facts({ category: '地理标志' });
  const context = { registeredOn: '', today: TODAY };

  it('under examination → refusal on the substantive grounds alone', () => {
    expect(suggestRequest('referral', 'examination')).toBe('予以驳回');
    expect(suggestGrounds(gi, MANY, 'examination', context)).toEqual(['第四条', '第十六条第一款']);
  });

  it('published → opposition: art. 33 with the substantive articles; a GI letter never cites art. 44.1 then', () => {
    expect(suggestRequest('referral', 'published')).toBe('不予核准注册');
    expect(suggestRequest('holder-notice', 'published')).toBe('提出异议');
    const grounds = suggestGrounds(gi, MANY, 'published', context);
    expect(grounds).toEqual(['第四条', '第十六条第一款', '第三十三条']);
    expect(grounds).not.toContain('第四十四条第一款');
  });

  it('registered → invalidation: art. 44.1 for absolute grounds and bad faith, art. 45.1 for relative ones', () => {
    expect(suggestRequest('referral', 'registered')).toBe('宣告无效');
    expect(suggestRequest('holder-notice', 'registered')).toBe('请求宣告无效');
    expect(suggestGrounds(gi, ONE, 'registered', context)).toEqual(['第十六条第一款', '第四十五条第一款']);
    expect(suggestGrounds(gi, MANY, 'registered', context)).toEqual(['第四条', '第十六条第一款', '第四十四条第一款', '第四十五条第一款']);
    expect(suggestGrounds(facts({ category: '公共资源', markClasses: [] }), ONE, 'registered', context)).toEqual(['第四条', '第十条第二款', '第四十四条第一款']);
  });

  it('registered more than five years ago: relative grounds are dropped, except a well-known mark against bad faith', () => {
    const old = { registeredOn: '2020-01-10', today: TODAY };
    expect(suggestGrounds(gi, ONE, 'registered', old)).toEqual([]);
    expect(suggestGrounds(gi, MANY, 'registered', old)).toEqual(['第四条', '第四十四条第一款']);
    const wellKnown = facts({ category: '驰名商标', niceClass: 5, markClasses: [29] });
    expect(suggestGrounds(wellKnown, ONE, 'registered', old)).toEqual([]);
    expect(suggestGrounds(wellKnown, MANY, 'registered', old)).toEqual(['第四条', '第十三条第三款', '第四十四条第一款', '第四十五条第一款']);
  });

  it('moving a row to another stage swaps the procedural article and keeps the substantive ones', () => {
    const published = ['第四条', '第十六条第一款', '第三十三条'];
    const c = { category: '地理标志' as const, registeredOn: '', today: TODAY };
    expect(groundsForStage(published, 'registered', c)).toEqual(['第四条', '第十六条第一款', '第四十四条第一款', '第四十五条第一款']);
    expect(groundsForStage(groundsForStage(published, 'registered', c), 'published', c)).toEqual(published);
    expect(groundsForStage(published, 'examination', c)).toEqual(['第四条', '第十六条第一款']);
  });
});

describe('what a stage forbids (stageProblems)', () => {
  const c = { applicationNumber: '70000001', category: '地理标志' as const, registeredOn: '', today: TODAY };
  it('a published filing cannot be declared invalid under art. 44.1 or 45.1', () => {
    expect(stageProblems({ request: '宣告无效', grounds: ['第十六条第一款', '第四十四条第一款'] }, 'referral', 'published', c)).toEqual([
      '申请号 70000001（公告期内）的请求事项应为“不予核准注册”或“提出异议”，而不是“宣告无效”',
      '申请号 70000001（公告期内）尚未注册，不能依据第四十四条第一款请求宣告无效',
    ]);
  });
  it('a registered one cannot be opposed; one under examination neither', () => {
    expect(stageProblems({ request: '宣告无效', grounds: ['第十六条第一款', '第三十三条'] }, 'referral', 'registered', c)).toEqual([
      '申请号 70000001（已注册）已过异议期，不能依据第三十三条提出异议',
    ]);
    expect(stageProblems({ request: '予以驳回', grounds: ['第十六条第一款', '第三十三条'] }, 'referral', 'examination', c)).toEqual([
      '申请号 70000001（审查中）尚未初审公告，不能依据第三十三条提出异议',
    ]);
  });
  it('relative grounds after five years, and a row with no substantive ground, are named', () => {
    const old = { ...c, registeredOn: '2020-01-10' };
    expect(stageProblems({ request: '宣告无效', grounds: ['第十六条第一款', '第四十五条第一款'] }, 'referral', 'registered', old)).toEqual([
      '申请号 70000001（已注册）注册已满五年，第十六条第一款已超过第四十五条第一款规定的期限',
    ]);
    expect(stageProblems({ request: '不予核准注册', grounds: ['第三十三条'] }, 'referral', 'published', c)).toEqual([
      '申请号 70000001（公告期内）没有填写实体法律依据（例如第十六条第一款、第三十二条）',
    ]);
  });
  it('the suggestion for each stage raises no problem', () => {
    for (const stage of ['examination', 'published', 'registered'] as const) {
      for (const kind of ['referral', 'holder-notice'] as const) {
        const grounds = suggestGrounds(facts(), MANY, stage, c);
        expect(stageProblems({ request: suggestRequest(kind, stage), grounds }, kind, stage, c)).toEqual([]);
      }
    }
  });
});

describe('formatGrounds', () => {
  it('formats the grounds with the law name, in statute order, once each', () => {
    expect(formatGrounds(['第三十二条', '第四条', '第四条'])).toBe('《中华人民共和国商标法》第四条、第三十二条');
    expect(formatGrounds([])).toBe('');
  });
});
