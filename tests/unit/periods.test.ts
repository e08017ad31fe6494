import { describe, expect, it } from 'vitest';
import { deadlineStatus, isActionable, isOverdue } from '../../shared/deadlines';
import { periodProblem, presetPeriod } from '../../shared/periods';

describe('report periods', () => {
  it('本月, 上月 and 本季度 around a day, across a year end', () => {
    expect(presetPeriod('thisMonth', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('thisQuarter', '2026-11-29')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('thisQuarter', '2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(presetPeriod('custom', '2026-11-29')).toBeNull();
  });

  it('a custom period needs two valid dates in order, with a Chinese message', () => {
    expect(periodProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(periodProblem({ from: '2026-12-01', to: '2026-11-30' })).toBe('开始日期不能晚于结束日期');
    expect(periodProblem({ from: '', to: '2026-11-30' })).toMatch(/请填写起止日期/);
  });
});

describe('actionable and overdue', () => {
  it('the deadline day is still actionable; the day after is overdue; no date is neither', () => {
    expect(isActionable('2026-11-29', '2026-11-29')).toBe(true);
    expect(isOverdue('2026-11-28', '2026-11-29')).toBe(true);
    expect(isActionable('', '2026-11-29') || isOverdue('', '2026-11-29')).toBe(false);
    expect([deadlineStatus(-1), deadlineStatus(0), deadlineStatus(14), deadlineStatus(15), deadlineStatus(null)]).toEqual(['overdue', 'due-soon', 'due-soon', 'open', 'none']);
  });
});
