// The review queue: query hits, show one in detail, record decisions (each audited, the latest undoable), and list
// what falls due. The exports of hits are in hit-exports.ts.
import type { Decision, HitDetail, HitQuery, HitRow } from '../../shared/contract/screening';
import { CONFIRM_LABELS, HitQuerySchema } from '../../shared/contract/screening';
import type { AlignedPair } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { addDays, allHitPages, DEADLINE_SQL, getHitRecord, matchingHitIds, OVERDUE_HITS, queryQueue, toHitRow } from '../db/repositories/hits-query';
import { syncUntilPorted } from './sync-until-ported';

export const DECISION_LABELS: Record<Decision, string> = { undecided: '待定', confirmed: CONFIRM_LABELS.filing, dismissed: '排除' };
/** A confirmed listing is 仿冒/侵权, a confirmed filing 疑似恶意抢注. */
export const decisionLabel = (row: Pick<HitRow, 'decision' | 'source'>) =>
  row.decision === 'confirmed' ? CONFIRM_LABELS[row.source] : DECISION_LABELS[row.decision];

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in the machine's time zone: deadlines are calendar days where the clerk sits. */
export function localToday(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A moment as a clerk reads it: the local date and minute. */
export function localMinute(iso: string): string {
  const date = new Date(iso);
  return `${localToday(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface HitDecisionState {
  id: number;
  decision: Decision;
  dismiss_reason: string;
  decision_note: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface DecisionResult {
  updated: number;
  undoToken: number | null;
  /** every hit the decision wrote, with its new version */
  versions: SeenVersion[];
}

/** A hit's version as the clerk saw it (hits.decide's `seen`). */
export interface SeenVersion {
  hitId: number;
  version: number;
}

type HitNow = HitDecisionState & { version: number; source: HitRow['source']; mark_name: string; matched_text: string };

/** The refusal of a decision made on hits another clerk has decided since: what they are now, and by whom. */
function conflictOf(changed: readonly HitNow[]): AppFailure {
  const first = changed[0]!;
  const who = first.decided_by ? `已由 ${first.decided_by}` : '已被他人';
  const when = first.decided_at ? ` 于 ${localMinute(first.decided_at)} ` : '';
  const more = changed.length > 1 ? `等 ${changed.length} 条命中` : '';
  return new AppFailure(
    'conflict',
    `「${first.matched_text}」/「${first.mark_name}」${more}${who}${when}改为「${decisionLabel(first)}」，本次结论未保存。请查看最新结论后再决定。`,
  );
}

let undoTokens = 0;

export function createReviewService(ctx: AppContext) {
  const today = () => localToday(ctx.now());
  /**
   * Per clerk (in server mode several share this service), the hits of the latest decision as they were before it
   * and the versions it left them at, for hits.undo.
   */
  const lastDecisions = new Map<string, { token: number; before: HitDecisionState[]; after: SeenVersion[] }>();

  function decide(hitIds: readonly number[], decision: Decision, dismissReason?: string, note?: string, seen?: readonly SeenVersion[]): DecisionResult {
    if (decision === 'dismissed' && !dismissReason) throw new AppFailure('invalid-input', '排除时请选择原因：不近似、权利人自有或其他');
    const now = ctx.now();
    const read = ctx.db.prepare<[number], HitNow>(
      'SELECT id, decision, dismiss_reason, decision_note, decided_at, decided_by, version, source, mark_name, matched_text FROM hits WHERE id = ?',
    );
    const update = ctx.db.prepare(
      `UPDATE hits SET decision = @decision, dismiss_reason = @dismissReason, decision_note = @note,
         decided_at = @decidedAt, decided_by = @decidedBy, version = version + 1 WHERE id = @id`,
    );
    const before: HitDecisionState[] = [];
    const after: SeenVersion[] = [];
    const updated = ctx.db.transaction(() => {
      // checked inside the write transaction: no other decision can come between the check and the write
      const changed = (seen ?? []).map((s) => ({ s, now: read.get(s.hitId) })).filter(({ s, now: row }) => row && row.version !== s.version);
      if (changed.length > 0) throw conflictOf(changed.map((c) => c.now!));
      let n = 0;
      for (const id of withSameFiling(hitIds)) {
        const row = read.get(id);
        if (!row) continue;
        const { source, mark_name: markName, matched_text: matchedText, version, ...state } = row;
        before.push(state);
        after.push({ hitId: id, version: version + 1 });
        update.run({
          id,
          decision,
          dismissReason: decision === 'dismissed' ? dismissReason : '',
          note: note ?? '',
          decidedAt: decision === 'undecided' ? null : now,
          decidedBy: decision === 'undecided' ? null : ctx.config.actor,
        });
        syncUntilPorted(ctx).audit.record(
          {
            actor: ctx.config.actor,
            action: 'update',
            entity: 'hit',
            entityKey: String(id),
            before: null,
            after: null,
            note: `「${matchedText}」/「${markName}」：${decisionLabel(row)} → ${decisionLabel({ decision, source })}${dismissReason && decision === 'dismissed' ? `（${dismissReason}）` : ''}${note ? `；备注：${note}` : ''}`,
          },
          now,
        );
        n += 1;
      }
      return n;
    })();
    if (updated === 0) return { updated, undoToken: null, versions: [] };
    undoTokens += 1;
    lastDecisions.set(ctx.config.actor, { token: undoTokens, before, after });
    return { updated, undoToken: undoTokens, versions: after };
  }

  return {
    query: (query: HitQuery) => queryQueue(ctx.db, query, today()),

    get(hitId: number): HitDetail {
      const record = getHitRecord(ctx.db, hitId);
      if (!record) throw new AppFailure('not-found', '该命中记录不存在，可能已随批次删除');
      const mark = record.mark_key === null ? undefined : syncUntilPorted(ctx).marks.get(record.mark_key);
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

    decide,

    /** A decision over a whole filter is made on the hits as they are now (no versions: the clerk did not see each). */
    decideMatching(query: HitQuery, decision: Decision, dismissReason?: string, note?: string): DecisionResult {
      const ids = matchingHitIds(ctx.db, HitQuerySchema.parse(query), today());
      if (ids.length === 0) return { updated: 0, undoToken: null, versions: [] };
      return decide(ids, decision, dismissReason, note);
    },

    /** Puts the hits of the latest decision back as they were before it (audited like a decision). */
    /**
     * Puts the hits of this clerk's latest decision back as they were before it (audited like a decision); refused,
     * with nothing changed, when another clerk has decided any of them since.
     */
    undo(undoToken: number): { restored: number; versions: SeenVersion[] } {
      const actor = ctx.config.actor;
      const last = lastDecisions.get(actor);
      if (!last || last.token !== undoToken) throw new AppFailure('conflict', '只能撤销最近一次作出的结论；该结论已撤销或之后又作出了新的结论');
      const now = ctx.now();
      const read = ctx.db.prepare<[number], HitNow>(
        'SELECT id, decision, dismiss_reason, decision_note, decided_at, decided_by, version, source, mark_name, matched_text FROM hits WHERE id = ?',
      );
      const update = ctx.db.prepare(
        `UPDATE hits SET decision = @decision, dismiss_reason = @dismiss_reason, decision_note = @decision_note,
           decided_at = @decided_at, decided_by = @decided_by, version = version + 1 WHERE id = @id`,
      );
      const versions: SeenVersion[] = [];
      const restored = ctx.db.transaction(() => {
        const changed = last.after.map((a) => read.get(a.hitId)).filter((row, i) => row && row.version !== last.after[i]!.version);
        if (changed.length > 0) {
          lastDecisions.delete(actor);
          throw conflictOf(changed as HitNow[]);
        }
        let n = 0;
        for (const [i, before] of last.before.entries()) {
          if (update.run(before).changes === 0) continue;
          versions.push({ hitId: before.id, version: last.after[i]!.version + 1 });
          syncUntilPorted(ctx).audit.record(
            { actor, action: 'update', entity: 'hit', entityKey: String(before.id), before: null, after: null, note: `撤销结论：恢复为${DECISION_LABELS[before.decision]}` },
            now,
          );
          n += 1;
        }
        return n;
      })();
      lastDecisions.delete(actor);
      return { restored, versions };
    },

    facets(source: 'filing' | 'listing') {
      const all = <T>(sql: string) => ctx.db.prepare(sql).all(source) as T[];
      // the queue shows a filing (or listing) once, so its counts are of filings, not of hits
      const counts = all<{ decision: Decision; n: number }>(
        'SELECT decision, count(DISTINCT coalesce(filing_id, listing_id)) AS n FROM hits WHERE source = ? GROUP BY decision',
      );
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
        undecidedByDeadline: {
          actionable: undecidedWhere(source, DEADLINE_SQL.actionable),
          overdue: undecidedWhere(source, DEADLINE_SQL.overdue),
        },
      };
    },

    upcoming,
  };

  function undecidedWhere(source: 'filing' | 'listing', clause: string): number {
    return (
      ctx.db
        .prepare<Record<string, unknown>, { n: number }>(`SELECT count(DISTINCT coalesce(h.filing_id, h.listing_id)) AS n FROM hits h WHERE h.source = @source AND h.decision = 'undecided' AND ${clause}`)
        .get({ source, today: today() })?.n ?? 0
    );
  }

  /**
   * What falls due: open (not dismissed) hits that can still be opposed with a deadline within `withinDays`,
   * nearest first; then the undecided ones whose deadline has passed (too late to oppose, still open to
   * invalidation under arts. 44/45), most recently passed first. Callers show the second group apart.
   */
  function upcoming(withinDays: number): HitRow[] {
    // Every row, never the first thousand (issue 9, item 17); overdue is the one definition the dashboard counts.
    const due = [
      ...allHitPages(ctx.db, { source: 'filing', deadline: 'open', sortBy: 'deadline', sortDir: 'asc' }, today(), {
        andWhere: { clause: "h.deadline <= @until AND h.decision <> 'dismissed'", params: { until: addDays(today(), withinDays) } },
      }),
    ].flat();
    const overdue = [...allHitPages(ctx.db, { ...OVERDUE_HITS, sortBy: 'deadline', sortDir: 'desc' }, today())].flat();
    return [...due, ...overdue];
  }

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
