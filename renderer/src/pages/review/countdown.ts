// The opposition deadline as a countdown: "剩 12 天" / "今天截止" / "已过期 3 天"; overdue red, within 14 days amber.

export type DeadlineTone = 'overdue' | 'soon' | 'normal' | 'none';

export const SOON_DAYS = 14;

export interface Countdown {
  text: string;
  tone: DeadlineTone;
}

export function countdown(daysLeft: number | null | undefined): Countdown {
  if (daysLeft === null || daysLeft === undefined) return { text: '—', tone: 'none' };
  if (daysLeft < 0) return { text: `已过期 ${-daysLeft} 天`, tone: 'overdue' };
  if (daysLeft === 0) return { text: '今天截止', tone: 'soon' };
  return { text: `剩 ${daysLeft} 天`, tone: daysLeft <= SOON_DAYS ? 'soon' : 'normal' };
}
