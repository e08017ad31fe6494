// The review queue: query hits, show one in detail, record decisions (each audited), and list what falls due.
// The exports of hits are in hit-exports.ts.
import type { Decision, HitDetail, HitQuery, HitRow } from '../../shared/contract/screening';
import { CONFIRM_LABELS } from '../../shared/contract/screening';
import type { AlignedPair } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { addDays, allHitPages, getHitRecord, OVERDUE_HITS, queryQueue, toHitRow } from '../db/repositories/hits-query';

export const DECISION_LABELS: Record<Decision, string> = { undecided: '待定', confirmed: CONFIRM_LABELS.filing, dismissed: '排除' };
/** A confirmed listing is 仿冒/侵权, a confirmed filing 疑似恶意抢注. */
export const decisionLabel = (row: Pick<HitRow, 'decision' | 'source'>) =>
  row.decision === 'confirmed' ? CONFIRM_LABELS[row.source] : DECISION_LABELS[row.decision];

/** Today's date in the machine's time zone: deadlines are calendar days where the clerk sits. */
export function localToday(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function createReviewService(ctx: AppContext) {
  const today = () => localToday(ctx.now());

  return {
    query: (query: HitQuery) => queryQueue(ctx.db, query, today()),

    get(hitId: number): HitDetail {
      const record = getHitRecord(ctx.db, hitId);
      if (!record) throw new AppFailure('not-found', '该命中记录不存在，可能已随批次删除');
      const mark = record.mark_key === null ? undefined : ctx.marks.get(record.mark_key);
      const others = ctx.db
        .prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM hits WHERE filing_id = ? AND id <> ?')
        .get(record.f_id ?? -1, hitId);
      return {
        ...toHitRow(record, today()),
        alignment: JSON.parse(record.alignment) as AlignedPair[],
        mark: mark
          ? { id: mark.id, name: mark.name, category: mark.category, classes: mark.classes, registrationNumber: mark.registrationNumber, holder: mark.holder, aliases: mark.aliases, region: mark.region }
          : null,
        otherHitsOfFiling: others?.n ?? 0,
        decidedAt: record.decided_at,
        decidedBy: record.decided_by,
      };
    },

    decide(hitIds: readonly number[], decision: Decision, dismissReason?: string, note?: string): { updated: number } {
      if (decision === 'dismissed' && !dismissReason) throw new AppFailure('invalid-input', '排除时请选择原因：不近似、权利人自有或其他');
      const now = ctx.now();
      const read = ctx.db.prepare<[number], { decision: Decision; source: HitRow['source']; mark_name: string; matched_text: string }>(
        'SELECT decision, source, mark_name, matched_text FROM hits WHERE id = ?',
      );
      const update = ctx.db.prepare(
        `UPDATE hits SET decision = @decision, dismiss_reason = @dismissReason, decision_note = @note,
           decided_at = @decidedAt, decided_by = @decidedBy WHERE id = @id`,
      );
      return ctx.db.transaction(() => {
        let updated = 0;
        for (const id of withSameFiling(hitIds)) {
          const before = read.get(id);
          if (!before) continue;
          update.run({
            id,
            decision,
            dismissReason: decision === 'dismissed' ? dismissReason : '',
            note: note ?? '',
            decidedAt: decision === 'undecided' ? null : now,
            decidedBy: decision === 'undecided' ? null : ctx.config.actor,
          });
          ctx.audit.record(
            {
              actor: ctx.config.actor,
              action: 'update',
              entity: 'hit',
              entityKey: String(id),
              before: null,
              after: null,
              note: `「${before.matched_text}」/「${before.mark_name}」：${decisionLabel(before)} → ${decisionLabel({ decision, source: before.source })}${dismissReason && decision === 'dismissed' ? `（${dismissReason}）` : ''}${note ? `；备注：${note}` : ''}`,
            },
            now,
          );
          updated += 1;
        }
        return { updated };
      })();
    },

    facets(source: 'filing' | 'listing') {
      const all = <T>(sql: string) => ctx.db.prepare(sql).all(source) as T[];
      const counts = all<{ decision: Decision; n: number }>('SELECT decision, count(*) AS n FROM hits WHERE source = ? GROUP BY decision');
      const count = (decision: Decision) => counts.find((c) => c.decision === decision)?.n ?? 0;
      return {
        marks: all<{ markId: string; markName: string; count: number }>(
          'SELECT mark_id AS markId, max(mark_name) AS markName, count(*) AS count FROM hits WHERE source = ? GROUP BY mark_id ORDER BY count DESC',
        ),
        gazetteIssues: all<{ v: string }>(
          "SELECT DISTINCT f.gazette_issue AS v FROM hits h JOIN filings f ON f.id = h.filing_id WHERE h.source = ? AND f.gazette_issue <> '' ORDER BY v DESC",
        ).map((r) => r.v),
        platforms: all<{ v: string }>(
          "SELECT DISTINCT l.platform AS v FROM hits h JOIN listings l ON l.id = h.listing_id WHERE h.source = ? AND l.platform <> '' ORDER BY v",
        ).map((r) => r.v),
        classes: all<{ v: number }>(
          'SELECT DISTINCT f.nice_class AS v FROM hits h JOIN filings f ON f.id = h.filing_id WHERE h.source = ? ORDER BY v',
        ).map((r) => r.v),
        counts: { undecided: count('undecided'), confirmed: count('confirmed'), dismissed: count('dismissed') },
      };
    },

    /**
     * What falls due: open hits whose opposition deadline is within `withinDays`, and undecided ones whose deadline
     * has already passed (too late to oppose, still open to invalidation under art. 44), most urgent first.
     */
    upcoming(withinDays: number): HitRow[] {
      // Every row, never the first thousand (issue 9, item 17); overdue is the one definition the dashboard counts.
      const order = { sortBy: 'deadline' as const, sortDir: 'asc' as const };
      const overdue = [...allHitPages(ctx.db, { ...OVERDUE_HITS, ...order }, today())].flat();
      const due = [
        ...allHitPages(ctx.db, { source: 'filing', deadline: 'open', ...order }, today(), {
          andWhere: { clause: "h.deadline <= @until AND h.decision <> 'dismissed'", params: { until: addDays(today(), withinDays) } },
        }),
      ].flat();
      return [...overdue, ...due];
    },
  };

  /**
   * The queue shows a filing (or listing) once, with every mark it hits, so a decision is about the filing: it
   * applies to the given hits and to every other hit of the same filing or listing.
   */
  function withSameFiling(hitIds: readonly number[]): number[] {
    const siblings = ctx.db.prepare<[number], { id: number }>(
      `SELECT o.id FROM hits h JOIN hits o
         ON ((h.filing_id IS NOT NULL AND o.filing_id = h.filing_id) OR (h.listing_id IS NOT NULL AND o.listing_id = h.listing_id))
       WHERE h.id = ? ORDER BY o.id`,
    );
    const ids = new Set<number>(hitIds);
    for (const id of hitIds) for (const row of siblings.all(id)) ids.add(row.id);
    return [...ids];
  }
}

export type ReviewService = ReturnType<typeof createReviewService>;
