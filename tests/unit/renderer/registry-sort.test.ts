// The registry table sorts by a clicked column (issue 10, item 8).
import { describe, expect, it } from 'vitest';
import type { StoredMark } from '../../../shared/api';
import { nextSort, sortMarks } from '../../../renderer/src/pages/registry/registry-sort';

const mark = (key: number, over: Partial<StoredMark>): StoredMark => ({
  key, id: `Q${key}`, name: '', category: '驰名商标', classes: [1], registrationNumber: '', holder: '', aliases: [], region: '',
  recognizedOn: '', notes: '', createdAt: '', updatedAt: '', version: 0, ...over,
});

const marks = [
  mark(1, { id: 'QH-10', name: '青海湖', category: '公共资源', classes: [], holder: '' }),
  mark(2, { id: 'QH-9', name: '昆仑山', category: '驰名商标', classes: [32, 33], holder: '昆仑公司' }),
  mark(3, { id: 'QH-2', name: '阿里山', category: '地理标志', classes: [29], holder: '阿里协会' }),
];

describe('registry sort', () => {
  it('sorts 编号 with numbers by value, names by pinyin, categories in their fixed order', () => {
    expect(sortMarks(marks, { key: 'id', dir: 'asc' }).map((m) => m.id)).toEqual(['QH-2', 'QH-9', 'QH-10']);
    expect(sortMarks(marks, { key: 'name', dir: 'asc' }).map((m) => m.name)).toEqual(['阿里山', '昆仑山', '青海湖']);
    expect(sortMarks(marks, { key: 'name', dir: 'desc' }).map((m) => m.name)).toEqual(['青海湖', '昆仑山', '阿里山']);
    expect(sortMarks(marks, { key: 'category', dir: 'asc' }).map((m) => m.category)).toEqual(['驰名商标', '地理标志', '公共资源']);
  });

  it('keeps empty values last in both directions, and the given order without a sort', () => {
    expect(sortMarks(marks, { key: 'holder', dir: 'asc' }).map((m) => m.key)).toEqual([3, 2, 1]);
    expect(sortMarks(marks, { key: 'holder', dir: 'desc' }).map((m) => m.key)).toEqual([2, 3, 1]);
    expect(sortMarks(marks, null)).toBe(marks);
  });

  it('cycles a header click through ascending, descending and unsorted', () => {
    expect(nextSort(null, 'name')).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'name')).toBeNull();
    expect(nextSort({ key: 'name', dir: 'desc' }, 'id')).toEqual({ key: 'id', dir: 'asc' });
  });
});
