import { describe, expect, it } from 'vitest';
import type { ProtectedMark } from '../../shared/domain';
import { buildSearchIndex, coversClass, queryTokens, searchMarks } from '../../shared/registry-search';

function mark(partial: Partial<ProtectedMark> & Pick<ProtectedMark, 'id' | 'name'>): ProtectedMark {
  return {
    category: '驰名商标',
    classes: [29],
    registrationNumber: '',
    holder: '',
    aliases: [],
    region: '',
    recognizedOn: '',
    notes: '',
    ...partial,
  };
}

const MARKS: ProtectedMark[] = [
  mark({ id: 'P001', name: '青海湖', category: '公共资源', classes: [], region: '海南藏族自治州', aliases: ['Qinghai Lake'] }),
  mark({ id: 'P002', name: '可可西里', category: '公共资源', classes: [], region: '玉树藏族自治州' }),
  mark({ id: 'W001', name: '可可西里', category: '驰名商标', classes: [29], holder: '青海可可西里食品有限公司' }),
  mark({ id: 'G001', name: '柴达木枸杞', category: '地理标志', classes: [31], region: '海西州', aliases: ['柴杞'] }),
  mark({ id: 'F001', name: 'RED BULL', category: '涉外商标', classes: [32], aliases: ['红牛'], registrationNumber: '6857067' }),
  mark({ id: 'L001', name: '马忠酿皮', category: '老字号', classes: [30, 43], holder: '西宁马忠食品有限公司' }),
  mark({ id: 'S001', name: '雪域红', category: '省著名商标', classes: [33] }),
  mark({ id: 'G002', name: '青海湖湟鱼', category: '地理标志', classes: [29] }),
];

const index = buildSearchIndex(MARKS);
const ids = (query: string, filters = {}) => searchMarks(index, query, filters).map((m) => m.id);

describe('registry search', () => {
  it('returns every mark in list order for an empty query', () => {
    expect(ids('')).toEqual(MARKS.map((m) => m.id));
    expect(ids('   ')).toEqual(MARKS.map((m) => m.id));
  });

  it('finds by Chinese text, exact name first', () => {
    expect(ids('青海湖')).toEqual(['P001', 'G002']);
    expect(ids('枸杞')).toEqual(['G001']);
  });

  it('finds by pinyin initials', () => {
    expect(ids('qhh')).toEqual(['P001', 'G002']);
    expect(ids('kkxl')).toEqual(['P002', 'W001']);
    expect(ids('QHH')).toEqual(['P001', 'G002']);
    expect(ids('ｋｋｘｌ')).toEqual(['P002', 'W001']);
  });

  it('finds by full pinyin without tones', () => {
    expect(ids('qinghaihu')).toEqual(['P001', 'G002']);
    expect(ids('chaidamu')).toEqual(['G001']);
  });

  it('finds by alias, including an alias in Chinese of a Latin mark', () => {
    expect(ids('红牛')).toEqual(['F001']);
    expect(ids('柴杞')).toEqual(['G001']);
    expect(ids('qinghai lake')).toEqual(['P001']);
  });

  it('ignores case and spaces in Latin names', () => {
    expect(ids('red bull')).toEqual(['F001']);
    expect(ids('redbull')).toEqual(['F001']);
  });

  it('finds by id, holder, registration number and region', () => {
    expect(ids('l001')).toEqual(['L001']);
    expect(ids('马忠食品')).toEqual(['L001']);
    expect(ids('6857067')).toEqual(['F001']);
    expect(ids('海西州')).toEqual(['G001']);
  });

  it('requires every token to match', () => {
    expect(ids('可可西里 食品')).toEqual(['W001']);
    expect(ids('青海湖 不存在')).toEqual([]);
  });

  it('filters by category and Nice class', () => {
    expect(ids('', { category: '地理标志' })).toEqual(['G001', 'G002']);
    expect(ids('kkxl', { category: '驰名商标' })).toEqual(['W001']);
    expect(ids('', { niceClass: 43 })).toEqual(['P001', 'P002', 'L001']);
    expect(ids('', { category: '老字号', niceClass: 30 })).toEqual(['L001']);
  });

  it('treats a public resource without classes as covering every class', () => {
    expect(coversClass(MARKS[0]!, 1)).toBe(true);
    expect(coversClass(MARKS[6]!, 1)).toBe(false);
  });

  it('splits queries on any whitespace, including the full-width space', () => {
    expect(queryTokens(' 青海\u3000湖 ')).toEqual(['青海', '湖']);
  });

  it('searches 10,000 records by initials and text with keys computed once', () => {
    const many: ProtectedMark[] = [];
    for (let i = 0; i < 10_000; i++) {
      many.push(mark({ id: `X${i}`, name: i % 1000 === 0 ? `可可西里${i}` : `商标${i}号`, holder: `公司${i}` }));
    }
    const big = buildSearchIndex(many);
    expect(searchMarks(big, 'kkxl')).toHaveLength(10);
    expect(searchMarks(big, '商标9999号').map((m) => m.id)).toEqual(['X9999']);
    // A short prefix matches many records; the result keeps list order within a rank.
    expect(searchMarks(big, 'x99').slice(0, 2).map((m) => m.id)).toEqual(['X99', 'X990']);
  });

  it('reuses the keys of unchanged records when rebuilt with an identity', () => {
    const identity = (m: ProtectedMark) => `${m.id}@${m.name}`;
    const first = buildSearchIndex(MARKS, { identity });
    const renamed = MARKS.map((m) => (m.id === 'S001' ? { ...m, name: '青海湖雪' } : { ...m }));
    const second = buildSearchIndex(renamed, { identity, previous: first });
    expect(second.entries[0]?.initials).toBe(first.entries[0]?.initials);
    expect(second.entries[0]?.item).toBe(renamed[0]);
    expect(searchMarks(second, 'qhhx').map((m) => m.id)).toEqual(['S001']);
    expect(searchMarks(second, '雪域红')).toEqual([]);
  });
});
