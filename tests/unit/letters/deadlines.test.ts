import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, oppositionDeadline, parseIsoDate } from '../../../shared/deadlines';

describe('oppositionDeadline (publication date + 3 months, art. 33)', () => {
  it.each([
    ['2026-11-28', '2027-02-28'],
    ['2026-11-30', '2027-02-28'],
    ['2026-11-29', '2027-02-28'],
    ['2027-11-30', '2028-02-29'], // 2028 is a leap year
    ['2027-11-29', '2028-02-29'],
    ['2026-01-15', '2026-04-15'],
    ['2026-10-31', '2027-01-31'],
    ['2026-05-31', '2026-08-31'],
    ['2026-03-31', '2026-06-30'],
    ['2026-12-31', '2027-03-31'],
    ['2099-11-30', '2100-02-28'], // 2100 is not a leap year
    ['2399-11-30', '2400-02-29'], // 2400 is
  ])('%s → %s', (published, deadline) => {
    expect(oppositionDeadline(published)).toBe(deadline);
  });

  it('gives no deadline for an empty or impossible date instead of a wrong one', () => {
    for (const bad of ['', '2026-02-30', '2026-13-01', '2026/11/30', '20261130', '2026-11-30T00:00']) {
      expect(oppositionDeadline(bad)).toBe('');
    }
  });

  it('accepts surrounding spaces', () => {
    expect(oppositionDeadline(' 2026-11-30 ')).toBe('2027-02-28');
  });
});

describe('date helpers', () => {
  it('adds negative months across a year', () => {
    expect(addMonths({ year: 2026, month: 1, day: 31 }, -2)).toEqual({ year: 2025, month: 11, day: 30 });
  });
  it('counts days between dates, across February of a leap year', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-29')).toBe(-2);
    expect(daysBetween('x', '2026-11-29')).toBeNull();
  });
  it('rejects 29 February outside leap years', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
