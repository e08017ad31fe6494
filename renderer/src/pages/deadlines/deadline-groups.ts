// deadlines.upcoming answers one row per open hit; the list shows one line per filing, with the marks it hits.
import type { HitRow, StoredFiling } from '../../../../shared/contract/screening';
import { SOON_DAYS } from '../review/countdown';

export interface DeadlineGroup {
  filing: StoredFiling;
  marks: { markId: string; markName: string; category: HitRow['markCategory'] }[];
  bestScore: number;
}

export function groupByFiling(rows: readonly HitRow[]): DeadlineGroup[] {
  const groups = new Map<number, DeadlineGroup>();
  for (const row of rows) {
    if (!row.filing) continue;
    let group = groups.get(row.filing.id);
    if (!group) {
      group = { filing: row.filing, marks: [], bestScore: 0 };
      groups.set(row.filing.id, group);
    }
    if (!group.marks.some((m) => m.markId === row.markId)) group.marks.push({ markId: row.markId, markName: row.markName, category: row.markCategory });
    group.bestScore = Math.max(group.bestScore, row.score);
  }
  return [...groups.values()].sort(
    (a, b) => (a.filing.daysLeft ?? Infinity) - (b.filing.daysLeft ?? Infinity) || b.bestScore - a.bestScore,
  );
}

export interface DeadlineCounts {
  overdue: number;
  soon: number;
  later: number;
}

export function countDeadlines(groups: readonly DeadlineGroup[]): DeadlineCounts {
  const counts = { overdue: 0, soon: 0, later: 0 };
  for (const g of groups) {
    const d = g.filing.daysLeft;
    if (d === null) continue;
    if (d < 0) counts.overdue++;
    else if (d <= SOON_DAYS) counts.soon++;
    else counts.later++;
  }
  return counts;
}
