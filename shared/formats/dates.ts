// The one date parser for every table and form (issue 9, item 14): the registry's 认定日期, a filing's 申请日期
// and 初审公告日期, in CSV, XLSX and the registry editor alike. Dates are kept as YYYY-MM-DD.

/** Years a date in this program can plausibly have; outside them a date is a typo or a shifted column. */
export const DATE_YEAR_MIN = 1900;
export const DATE_YEAR_MAX = 2100;

const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const GENERAL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ].*)?$/;
/** 20150601, as many data systems and the office's own exports write a date. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Accepts 2015-06-01, 2015/6/1, 2015.6.1, 2015年6月1日, 20150601, full-width digits and ISO timestamps; returns
 * YYYY-MM-DD, or null for anything else and for impossible days (2019-02-31).
 */
export function parseDate(text: string): string | null {
  // the gazette's own form first, without the general pattern: a million rows carry two dates each
  if (text.length === 10 && text[4] === '-' && text[7] === '-') {
    const quick = calendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
    if (quick && quick === text) return quick;
  }
  const cleaned = text.normalize('NFKC').trim();
  const match = GENERAL.exec(cleaned) ?? COMPACT.exec(cleaned);
  if (!match) return null;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

const YEAR_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;
const YEAR_ONLY = /^(\d{4})\s*年?$/;

/**
 * A recognition date (认定日期) as the sources give it: a full date as `parseDate` reads it, or only a year-month
 * (2006-10, 2006年10月) or a year (2006, 2006年), since reports often name no more — kept as YYYY-MM or YYYY rather
 * than padded to a day nobody gave. Null for anything else.
 */
export function parseRecognitionDate(text: string): string | null {
  const full = parseDate(text);
  if (full !== null) return full;
  const cleaned = text.normalize('NFKC').trim();
  const yearMonth = YEAR_MONTH.exec(cleaned);
  if (yearMonth) {
    const day = calendarDate(Number(yearMonth[1]), Number(yearMonth[2]), 1);
    return day === null ? null : day.slice(0, 7);
  }
  const year = YEAR_ONLY.exec(cleaned);
  if (year) return calendarDate(Number(year[1]), 1, 1) === null ? null : year[1]!;
  return null;
}

const DAY_MS = 86_400_000;
// Day 0 of the 1900 system is 1899-12-31, and Excel counts a 29 February 1900 that never was (serial 60): from
// serial 61 on, 1899-12-30 plus the serial gives the right day. The 1904 system counts from 1904-01-01.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The calendar day of an Excel serial date (the time of day is dropped), or null. */
export function excelSerialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const days = Math.floor(serial);
  const ms = date1904 ? EPOCH_1904 + days * DAY_MS : EPOCH_1900 + (days < 61 ? days + 1 : days) * DAY_MS;
  const date = new Date(ms);
  return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
