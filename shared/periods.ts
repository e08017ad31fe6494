// Report periods of the dashboard (本月, 上月, 本季度, 自定义) as calendar-date ranges, both ends included.
import { addMonths, daysInMonth, formatIsoDate, parseIsoDate } from './deadlines';

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'custom';

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  thisMonth: '本月',
  lastMonth: '上月',
  thisQuarter: '本季度',
  custom: '自定义',
};

export interface Period {
  /** YYYY-MM-DD, first day included */
  from: string;
  /** YYYY-MM-DD, last day included */
  to: string;
}

/** The range of a preset around `today` (YYYY-MM-DD); null for 'custom' or an invalid date. */
export function presetPeriod(preset: PeriodPreset, today: string): Period | null {
  const date = parseIsoDate(today);
  if (!date || preset === 'custom') return null;
  const monthRange = (year: number, month: number, months: number): Period => {
    const last = addMonths({ year, month, day: 1 }, months - 1);
    return {
      from: formatIsoDate({ year, month, day: 1 }),
      to: formatIsoDate({ ...last, day: daysInMonth(last.year, last.month) }),
    };
  };
  if (preset === 'thisMonth') return monthRange(date.year, date.month, 1);
  if (preset === 'lastMonth') {
    const previous = addMonths({ ...date, day: 1 }, -1);
    return monthRange(previous.year, previous.month, 1);
  }
  return monthRange(date.year, Math.floor((date.month - 1) / 3) * 3 + 1, 3);
}

/** A clear Chinese message when a custom period cannot be used, else null. */
export function periodProblem(period: Period): string | null {
  if (!parseIsoDate(period.from) || !parseIsoDate(period.to)) return '请填写起止日期（格式 2026-06-01）';
  if (period.from > period.to) return '开始日期不能晚于结束日期';
  return null;
}
