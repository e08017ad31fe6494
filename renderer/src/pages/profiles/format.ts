// Number and date display for the profiles and the dashboard.

const COUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 12345 → "12,345"; not-a-number shows as a dash. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? COUNT.format(n) : '—';
}

/** A share as a percentage with one decimal: (3, 8) → "37.5%"; nothing of nothing is a dash. */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0) || !Number.isFinite(part)) return '—';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** "2026-03-16" (or an ISO timestamp) → "2026-03-16"; empty → "—". */
export function formatDay(value: string): string {
  if (!value) return '—';
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : value;
}

/** First and last filing date as one cell: "2025-01-02 至 2025-06-30", one date when they are the same. */
export function formatDateRange(first: string, last: string): string {
  if (!first && !last) return '—';
  if (!first || !last || formatDay(first) === formatDay(last)) return formatDay(first || last);
  return `${formatDay(first)} 至 ${formatDay(last)}`;
}

export type DeadlineTone = 'overdue' | 'urgent' | 'normal' | 'none';

/** How a deadline is shown: overdue and ≤ 14 days left are highlighted (issue 4, Deadlines). */
export function deadlineTone(daysLeft: number | null): DeadlineTone {
  if (daysLeft === null) return 'none';
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 14) return 'urgent';
  return 'normal';
}

/** -3 → "已逾期 3 天", 0 → "今天截止", 5 → "剩 5 天", null → "—". */
export function formatDaysLeft(daysLeft: number | null): string {
  if (daysLeft === null) return '—';
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return '今天截止';
  return `剩 ${daysLeft} 天`;
}
