import { countdown } from './countdown';

/** "剩 12 天" in amber within 14 days, "已过期 3 天" in red; the date itself in the tooltip. */
export function CountdownText({ daysLeft, date }: { daysLeft: number | null | undefined; date?: string }) {
  const { text, tone } = countdown(daysLeft);
  return (
    <span className={`countdown countdown-${tone}`} title={date ? `异议截止日期：${date}` : undefined}>
      {text}
    </span>
  );
}
