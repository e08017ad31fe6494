// The opposition deadline as a countdown: "剩 12 天" / "今天截止" / "已过期 3 天"; overdue red, within 14 days amber.
// Which is which comes from shared/deadlines.ts, as everywhere else.
import { DUE_SOON_DAYS, deadlineStatus } from '../../../../shared/deadlines';

export type DeadlineTone = 'overdue' | 'soon' | 'normal' | 'none';

export const SOON_DAYS = DUE_SOON_DAYS;

export interface Countdown {
  text: string;
  tone: DeadlineTone;
}

const TONES = { overdue: 'overdue', 'due-soon': 'soon', open: 'normal', none: 'none' } as const;

export function countdown(daysLeft: number | null | undefined): Countdown {
  const tone = TONES[deadlineStatus(daysLeft)];
  if (daysLeft === null || daysLeft === undefined) return { text: '—', tone };
  if (daysLeft < 0) return { text: `已过期 ${-daysLeft} 天`, tone };
  if (daysLeft === 0) return { text: '今天截止', tone };
  return { text: `剩 ${daysLeft} 天`, tone };
}
