// Deadlines of the trademark procedure. Pure date arithmetic on calendar dates written as YYYY-MM-DD, with no
// time zone: a gazette date is a day in Beijing, and turning it into a Date at midnight UTC or local time would
// move it by a day on some machines.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses YYYY-MM-DD; null for anything else, including impossible dates such as 2026-02-30. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Adds whole months the way Chinese law counts a period in months (Civil Code art. 201–203): the period ends on
 * the corresponding day of the last month, or on that month's last day when it has no such day.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Months a filing may be opposed after its publication (Trademark Law art. 33). */
export const OPPOSITION_PERIOD_MONTHS = 3;

/**
 * The last day to oppose a filing published on `publishedOn` (YYYY-MM-DD): publication date + 3 months, clamped
 * to the month's end (2026-11-30 → 2027-02-28). Returns '' for an empty or invalid date, so that a filing without
 * a publication date shows no deadline rather than a wrong one.
 */
export function oppositionDeadline(publishedOn: string): string {
  const published = parseIsoDate(publishedOn);
  return published ? formatIsoDate(addMonths(published, OPPOSITION_PERIOD_MONTHS)) : '';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier; null if either is invalid. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return null;
  const utc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

// One definition of what a clerk can still act on, used by the review queue, the deadlines page and the dashboard
// (the SQL form is `deadlineIs` in electron/review/hit-filter.ts, tested against these functions):
// a filing is actionable up to and including its deadline day, overdue from the day after, and has no deadline
// without a publication date.

/** Deadlines within this many days are shown as due soon (amber). */
export const DUE_SOON_DAYS = 14;

export type DeadlineStatus = 'overdue' | 'due-soon' | 'open' | 'none';

/** The status of a deadline `daysLeft` days away (negative: past), as every page shows it. */
export function deadlineStatus(daysLeft: number | null | undefined): DeadlineStatus {
  if (daysLeft === null || daysLeft === undefined) return 'none';
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'open';
}

/** True while the filing can still be opposed: its deadline (YYYY-MM-DD) is today or later. */
export function isActionable(deadline: string, today: string): boolean {
  return deadline !== '' && deadline >= today;
}

/** True once the opposition period has ended: too late to oppose (invalidation remains, art. 44/45). */
export function isOverdue(deadline: string, today: string): boolean {
  return deadline !== '' && deadline < today;
}
