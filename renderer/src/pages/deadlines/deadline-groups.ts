// deadlines.upcoming answers one row per open hit; the list shows one line per filing, with the marks it hits,
// split into what can still be opposed (nearest deadline first) and what is overdue (most recently passed first).
import type { HitRow, StoredFiling } from '../../../../shared/contract/screening';
import { deadlineStatus } from '../../../../shared/deadlines';

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
  return [...groups.values()];
}

export interface DeadlineSections {
  /** can still be opposed: nearest deadline first */
  actionable: DeadlineGroup[];
  /** opposition period over: the most recently passed first */
  overdue: DeadlineGroup[];
}

export function splitByDeadline(groups: readonly DeadlineGroup[]): DeadlineSections {
  const daysOf = (g: DeadlineGroup) => g.filing.daysLeft ?? Infinity;
  const actionable = groups.filter((g) => deadlineStatus(g.filing.daysLeft) !== 'overdue' && g.filing.daysLeft !== null);
  const overdue = groups.filter((g) => deadlineStatus(g.filing.daysLeft) === 'overdue');
  actionable.sort((a, b) => daysOf(a) - daysOf(b) || b.bestScore - a.bestScore);
  overdue.sort((a, b) => daysOf(b) - daysOf(a) || b.bestScore - a.bestScore);
  return { actionable, overdue };
}

export interface DeadlineCounts {
  overdue: number;
  soon: number;
  later: number;
}

export function countDeadlines(groups: readonly DeadlineGroup[]): DeadlineCounts {
  const counts = { overdue: 0, soon: 0, later: 0 };
  for (const g of groups) {
    const status = deadlineStatus(g.filing.daysLeft);
    if (status === 'overdue') counts.overdue++;
    else if (status === 'due-soon') counts.soon++;
    else if (status === 'open') counts.later++;
  }
  return counts;
}
