// The review queue: query hits, show one in detail, record decisions (each audited, the latest undoable), and list
// what falls due. The exports of hits are in exports.ts.
import { expressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { Decision, DismissReasonSchema, HitDetail, HitQuery, HitRow } from '../../shared/contract/screening';
import { CONFIRM_LABELS, HitQuerySchema } from '../../shared/contract/screening';
import type { AlignedPair } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { inTransaction, type DataExecutor } from '../data/queries';
import type { DataSchema } from '../data/schema';
import { readDecisions, withSameFiling, writeDecision, type HitDecisionState, type HitNow } from './decisions-repository';
import { countOtherHitsOfFiling, queueFacets } from './facets-repository';
import { addDays, hitColumn, OVERDUE_HITS } from './hit-filter';
import { toHitRow } from './hit-records';
import { localMinute, localToday } from './local-time';
import { allHitPages, getHitRecord, matchingHitIds, queryQueue } from './queue-repository';

export const DECISION_LABELS: Record<Decision, string> = { undecided: '待定', confirmed: CONFIRM_LABELS.filing, dismissed: '排除' };
/** A confirmed listing is 仿冒/侵权, a confirmed filing 疑似恶意抢注. */
export const decisionLabel = (row: Pick<HitRow, 'decision' | 'source'>) =>
  row.decision === 'confirmed' ? CONFIRM_LABELS[row.source] : DECISION_LABELS[row.decision];

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

/** The hits among `expected` that are no longer at the version expected of them. */
async function movedOn(data: DataExecutor, expected: readonly SeenVersion[]): Promise<HitNow[]> {
  const now = new Map((await readDecisions(data, expected.map((e) => e.hitId))).map((row) => [row.id, row]));
  return expected.flatMap((e) => {
    const row = now.get(e.hitId);
    return row && row.version !== e.version ? [row] : [];
  });
}

/**
 * Writes `state` on a hit at `version`. A hit another request has changed since it was read is a conflict (the
 * caller's transaction rolls back: nothing of the decision is written); a hit removed since is left out (false).
 */
async function writeOrRefuse(tx: DataExecutor, state: HitDecisionState, version: number): Promise<number | false> {
  const written = await writeDecision(tx, state, version);
  if (written !== null) return written;
  const [now] = await readDecisions(tx, [state.id]);
  if (now) throw conflictOf([now]);
  return false;
}

const decisionNote = (row: HitNow, decision: Decision, dismissReason?: string, note?: string) =>
  `「${row.matched_text}」/「${row.mark_name}」：${decisionLabel(row)} → ${decisionLabel({ decision, source: row.source })}${dismissReason && decision === 'dismissed' ? `（${dismissReason}）` : ''}${note ? `；备注：${note}` : ''}`;

type DismissReason = z.infer<typeof DismissReasonSchema>;

let undoTokens = 0;

export function createReviewService(ctx: AppContext) {
  const today = () => localToday(ctx.now());
  /**
   * Per clerk (in server mode several share this service), the hits of the latest decision as they were before it
   * and the versions it left them at, for hits.undo.
   */
  const lastDecisions = new Map<string, { token: number; before: HitDecisionState[]; after: SeenVersion[] }>();

  async function decide(hitIds: readonly number[], decision: Decision, dismissReason?: DismissReason, note?: string, seen?: readonly SeenVersion[]): Promise<DecisionResult> {
    if (decision === 'dismissed' && !dismissReason) throw new AppFailure('invalid-input', '排除时请选择原因：不近似、权利人自有或其他');
    const now = ctx.now();
    const actor = ctx.config.actor;
    const before: HitDecisionState[] = [];
    const after: SeenVersion[] = [];
    await inTransaction(ctx.data, async (tx) => {
      // what the clerk saw must still be so; each write below checks its own hit again, atomically
      const changed = await movedOn(tx, seen ?? []);
      if (changed.length > 0) throw conflictOf(changed);
      const seenVersion = new Map((seen ?? []).map((s) => [s.hitId, s.version]));
      for (const row of await readDecisions(tx, await withSameFiling(tx, hitIds))) {
        const { source: _source, mark_name: _markName, matched_text: _matchedText, version, ...state } = row;
        const next: HitDecisionState = {
          id: row.id,
          decision,
          dismiss_reason: decision === 'dismissed' ? (dismissReason ?? '') : '',
          decision_note: note ?? '',
          decided_at: decision === 'undecided' ? null : now,
          decided_by: decision === 'undecided' ? null : actor,
        };
        const written = await writeOrRefuse(tx, next, seenVersion.get(row.id) ?? version);
        if (written === false) continue;
        before.push(state);
        after.push({ hitId: row.id, version: written });
        ctx.audit.record(
          { actor, action: 'update', entity: 'hit', entityKey: String(row.id), before: null, after: null, note: decisionNote(row, decision, dismissReason, note) },
          now,
        );
      }
    });
    if (after.length === 0) return { updated: 0, undoToken: null, versions: [] };
    undoTokens += 1;
    lastDecisions.set(actor, { token: undoTokens, before, after });
    return { updated: after.length, undoToken: undoTokens, versions: after };
  }

  /**
   * Puts the hits of this clerk's latest decision back as they were before it (audited like a decision); refused,
   * with nothing changed, when another clerk has decided any of them since.
   */
  async function undo(undoToken: number): Promise<{ restored: number; versions: SeenVersion[] }> {
    const actor = ctx.config.actor;
    const last = lastDecisions.get(actor);
    if (!last || last.token !== undoToken) throw new AppFailure('conflict', '只能撤销最近一次作出的结论；该结论已撤销或之后又作出了新的结论');
    const now = ctx.now();
    const versions: SeenVersion[] = [];
    try {
      await inTransaction(ctx.data, async (tx) => {
        const changed = await movedOn(tx, last.after);
        if (changed.length > 0) throw conflictOf(changed);
        for (const [i, before] of last.before.entries()) {
          const written = await writeOrRefuse(tx, before, last.after[i]!.version);
          if (written === false) continue;
          versions.push({ hitId: before.id, version: written });
          ctx.audit.record(
            { actor, action: 'update', entity: 'hit', entityKey: String(before.id), before: null, after: null, note: `撤销结论：恢复为${DECISION_LABELS[before.decision]}` },
            now,
          );
        }
      });
    } finally {
      // undone or refused, this decision can no longer be undone
      lastDecisions.delete(actor);
    }
    return { restored: versions.length, versions };
  }

  async function get(hitId: number): Promise<HitDetail> {
    const record = await getHitRecord(ctx.data, hitId);
    if (!record) throw new AppFailure('not-found', '该命中记录不存在，可能已随批次删除');
    const mark = record.mark_key === null ? undefined : ctx.marks.get(record.mark_key);
    return {
      ...toHitRow(record, today()),
      alignment: JSON.parse(record.alignment) as AlignedPair[],
      mark: mark
        ? { id: mark.id, name: mark.name, category: mark.category, classes: mark.classes, registrationNumber: mark.registrationNumber, holder: mark.holder, aliases: mark.aliases, region: mark.region }
        : null,
      otherHitsOfFiling: await countOtherHitsOfFiling(ctx.data, record.f_id, hitId),
      decidedAt: record.decided_at,
      decidedBy: record.decided_by,
    };
  }

  /**
   * What falls due: open (not dismissed) hits that can still be opposed with a deadline within `withinDays`,
   * nearest first; then the undecided ones whose deadline has passed (too late to oppose, still open to
   * invalidation under arts. 44/45), most recently passed first. Callers show the second group apart.
   */
  async function upcoming(withinDays: number): Promise<HitRow[]> {
    const eb = expressionBuilder<DataSchema, never>();
    // Every row, never the first thousand (issue 9, item 17); overdue is the one definition the dashboard counts.
    const also = eb.and([eb(hitColumn('h', 'deadline'), '<=', addDays(today(), withinDays)), eb(hitColumn('h', 'decision'), '<>', 'dismissed')]);
    const rows: HitRow[] = [];
    for await (const page of allHitPages(ctx.data, { source: 'filing', deadline: 'open', sortBy: 'deadline', sortDir: 'asc' }, today(), { also })) rows.push(...page);
    for await (const page of allHitPages(ctx.data, { ...OVERDUE_HITS, sortBy: 'deadline', sortDir: 'desc' }, today())) rows.push(...page);
    return rows;
  }

  return {
    query: (query: HitQuery) => queryQueue(ctx.data, query, today()),
    get,
    decide,
    /** A decision over a whole filter is made on the hits as they are now (no versions: the clerk did not see each). */
    async decideMatching(query: HitQuery, decision: Decision, dismissReason?: DismissReason, note?: string): Promise<DecisionResult> {
      const ids = await matchingHitIds(ctx.data, HitQuerySchema.parse(query), today());
      if (ids.length === 0) return { updated: 0, undoToken: null, versions: [] };
      return decide(ids, decision, dismissReason, note);
    },
    undo,
    facets: (source: 'filing' | 'listing') => queueFacets(ctx.data, source, today()),
    upcoming,
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
