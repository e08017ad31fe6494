import { describe, expect, it } from 'vitest';
import { countDeadlines, groupByFiling, splitByDeadline } from '../../../../renderer/src/pages/deadlines/deadline-groups';
import { hit } from './hit-fixtures';

describe('deadline list', () => {
  it('groups hits by filing and counts overdue and due within 14 days', () => {
    const second = { ...hit(2, '三江原', 5), markId: 'X', markName: '江河源' };
    const rows = [hit(1, '叁江源', 20), hit(2, '三江原', 5), second, hit(3, '三姜源', -2)];
    const groups = groupByFiling(rows);
    expect(groups.find((g) => g.filing.id === 2)?.marks.map((m) => m.markName)).toEqual(['三江源', '江河源']);
    expect(countDeadlines(groups)).toEqual({ overdue: 1, soon: 1, later: 1 });
  });

  it('puts what can still be opposed first, nearest deadline first, and the overdue apart, latest passed first', () => {
    const rows = [hit(1, '叁江源', 20), hit(4, '三江元', -200), hit(2, '三江原', 0), hit(3, '三姜源', -2)];
    const { actionable, overdue } = splitByDeadline(groupByFiling(rows));
    expect(actionable.map((g) => g.filing.id)).toEqual([2, 1]);
    expect(overdue.map((g) => g.filing.id)).toEqual([3, 4]);
  });
});
