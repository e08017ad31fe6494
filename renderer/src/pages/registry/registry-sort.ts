// Sorting the registry table by a clicked column header: ascending, then descending, then the search's own order.
// Pure, unit-tested (tests/unit/renderer/registry-sort.test.ts).
import type { StoredMark } from '../../../../shared/api';
import { CATEGORIES } from '../../../../shared/domain';

export type RegistrySortKey = 'id' | 'category' | 'name' | 'classes' | 'holder' | 'registrationNumber' | 'region';
export interface RegistrySort {
  key: RegistrySortKey;
  dir: 'asc' | 'desc';
}

// Chinese by pinyin as the clerk's spreadsheet sorts it; numbers inside 编号 by value (QH-9 before QH-10)
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

const compareBy: Record<RegistrySortKey, (a: StoredMark, b: StoredMark) => number> = {
  id: (a, b) => collator.compare(a.id, b.id),
  category: (a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
  name: (a, b) => collator.compare(a.name, b.name),
  // a 公共资源 without classes covers all of them: it sorts first
  classes: (a, b) => (a.classes[0] ?? 0) - (b.classes[0] ?? 0) || a.classes.length - b.classes.length,
  holder: (a, b) => collator.compare(a.holder, b.holder),
  registrationNumber: (a, b) => collator.compare(a.registrationNumber, b.registrationNumber),
  region: (a, b) => collator.compare(a.region, b.region),
};

/** Empty values stay at the end whichever the direction; ties keep the order they came in. */
export function sortMarks<T extends StoredMark>(marks: readonly T[], sort: RegistrySort | null): readonly T[] {
  if (!sort) return marks;
  const compare = compareBy[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const isEmpty = (m: T) => (sort.key === 'classes' ? false : m[sort.key] === '');
  return marks
    .map((mark, order) => ({ mark, order }))
    .sort((a, b) => Number(isEmpty(a.mark)) - Number(isEmpty(b.mark)) || sign * compare(a.mark, b.mark) || a.order - b.order)
    .map((x) => x.mark);
}

/** The next sort after a click on a header: asc → desc → none, and asc for another column. */
export function nextSort(current: RegistrySort | null, key: RegistrySortKey): RegistrySort | null {
  if (current?.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}
