// Display helpers shared by the pages.

/**
 * The one way a similarity score is shown, everywhere (queue, detail, quick check, profiles): 0 to 1 with two
 * decimals, 0.87 — the scale the filters and the engine use.
 */
export function scoreText(score: number): string {
  return score.toFixed(2);
}

/** "2026-11-29T08:41:05.123Z" → "2026-11-29 16:41" in local time; unknown strings are shown as they are. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Today as YYYY-MM-DD in local time, for default file names. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
