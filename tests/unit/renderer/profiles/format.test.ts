import { describe, expect, it } from 'vitest';
import {
  deadlineTone,
  formatCount,
  formatDateRange,
  formatDay,
  formatDaysLeft,
  formatShare,
} from '../../../../renderer/src/pages/profiles/format';
import { weekLabel } from '../../../../renderer/src/pages/dashboard/chart-options';

describe('number formatting', () => {
  it('groups thousands and never shows NaN', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(Number.NaN)).toBe('—');
  });

  it('gives shares with one decimal and a dash for nothing of nothing', () => {
    expect(formatShare(3, 8)).toBe('37.5%');
    expect(formatShare(0, 5)).toBe('0.0%');
    expect(formatShare(5, 5)).toBe('100.0%');
    expect(formatShare(0, 0)).toBe('—');
  });
});

describe('dates and deadlines', () => {
  it('shows days, ranges and empty dates', () => {
    expect(formatDay('2026-03-16')).toBe('2026-03-16');
    expect(formatDay('2026-03-16T08:00:00.000Z')).toBe('2026-03-16');
    expect(formatDay('')).toBe('—');
    expect(formatDateRange('2025-01-02', '2025-06-30')).toBe('2025-01-02 至 2025-06-30');
    expect(formatDateRange('2025-01-02', '2025-01-02')).toBe('2025-01-02');
    expect(formatDateRange('', '2025-01-02')).toBe('2025-01-02');
    expect(formatDateRange('', '')).toBe('—');
  });

  it('highlights overdue and due within 14 days', () => {
    expect(deadlineTone(-1)).toBe('overdue');
    expect(deadlineTone(0)).toBe('urgent');
    expect(deadlineTone(14)).toBe('urgent');
    expect(deadlineTone(15)).toBe('normal');
    expect(deadlineTone(null)).toBe('none');
  });

  it('says how long is left in Chinese', () => {
    expect(formatDaysLeft(-3)).toBe('已逾期 3 天');
    expect(formatDaysLeft(0)).toBe('今天截止');
    expect(formatDaysLeft(5)).toBe('剩 5 天');
    expect(formatDaysLeft(null)).toBe('—');
  });

  it('shortens ISO week starts on the chart axis and leaves other week names alone', () => {
    expect(weekLabel('2026-03-02')).toBe('03-02');
    expect(weekLabel('2026-W10')).toBe('2026-W10');
  });
});
