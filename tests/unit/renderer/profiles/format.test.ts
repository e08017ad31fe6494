import { describe, expect, it } from 'vitest';
import { formatCount, formatDateRange, formatDay, formatShare } from '../../../../renderer/src/pages/profiles/format';
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

describe('dates', () => {
  it('shows days, ranges and empty dates', () => {
    expect(formatDay('2026-03-16')).toBe('2026-03-16');
    expect(formatDay('2026-03-16T08:00:00.000Z')).toBe('2026-03-16');
    expect(formatDay('')).toBe('—');
    expect(formatDateRange('2025-01-02', '2025-06-30')).toBe('2025-01-02 至 2025-06-30');
    expect(formatDateRange('2025-01-02', '2025-01-02')).toBe('2025-01-02');
    expect(formatDateRange('', '2025-01-02')).toBe('2025-01-02');
    expect(formatDateRange('', '')).toBe('—');
  });

  it('shortens ISO week starts on the chart axis and leaves other week names alone', () => {
    expect(weekLabel('2026-03-02')).toBe('03-02');
    expect(weekLabel('2026-W10')).toBe('2026-W10');
  });
});
