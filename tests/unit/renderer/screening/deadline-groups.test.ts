import { describe, expect, it } from 'vitest';
import { countDeadlines, groupByFiling } from '../../../../renderer/src/pages/deadlines/deadline-groups';
import { hit } from './hit-fixtures';

describe('deadline list', () => {
  it('groups hits by filing, nearest deadline first, and counts overdue and due within 14 days', () => {
    const second = { ...hit(2, '三江原', 5), markId: 'X', markName: '江河源' };
    const rows = [hit(1, '叁江源', 20), hit(2, '三江原', 5), second, hit(3, '三姜源', -2)];
    const groups = groupByFiling(rows);
    expect(groups.map((g) => g.filing.id)).toEqual([3, 2, 1]);
    expect(groups[1]?.marks.map((m) => m.markName)).toEqual(['三江源', '江河源']);
    expect(countDeadlines(groups)).toEqual({ overdue: 1, soon: 1, later: 1 });
  });
});
