// The review queue: query hits, show one in detail, record decisions (each audited, the latest undoable per clerk),
// and list what falls due. How a decision is written is in decisions.ts, the exports of hits in exports.ts.
import { expressionBuilder } from 'kysely';
import type { Decision, HitDetail, HitQuery, HitRow } from '../../shared/contract/screening';
import { HitQuerySchema } from '../../shared/contract/screening';
import type { AlignedPair } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import { marksRepository } from '../registry/marks';
import type { AppContext } from '../context';
import type { DataSchema } from '../data/schema';
import type { HitDecisionState } from './decisions-repository';
import { recordDecision, undoDecision, type DecisionResult, type DismissReason, type SeenVersion } from './decisions';
import { countOtherHitsOfFiling, queueFacets } from './facets-repository';
import { addDays, hitColumn, OVERDUE_HITS } from './hit-filter';
import { toHitRow } from './hit-records';
import { localToday } from './local-time';
import { allHitPages, getHitRecord, matchingHitIds, queryQueue } from './queue-repository';

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
    const actor = ctx.config.actor;
    const { before, after } = await recordDecision(ctx, { hitIds, decision, dismissReason, note, seen }, actor);
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
    try {
      const versions = await undoDecision(ctx, last, actor);
      return { restored: versions.length, versions };
    } finally {
      // undone or refused, this decision can no longer be undone
      lastDecisions.delete(actor);
    }
  }

  async function get(hitId: number): Promise<HitDetail> {
    const record = await getHitRecord(ctx.data, hitId);
    if (!record) throw new AppFailure('not-found', '该命中记录不存在，可能已随批次删除');
    const mark = record.mark_key === null ? undefined : await marksRepository(ctx.data).get(record.mark_key);
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
