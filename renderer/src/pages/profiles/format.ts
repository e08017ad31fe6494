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
