// Reading and writing the decision on hits. A write names the version it was made on and raises it in the same
// statement, so that of two clerks writing the same hit at once (truly at once on PostgreSQL) only one succeeds.
import type { Selectable } from 'kysely';
import type { Decision, HitRow } from '../../shared/contract/screening';
import type { DataExecutor } from '../data/queries';
import type { HitsTable } from '../data/schema';

/** What a decision changes on a hit: what undo puts back. */
export interface HitDecisionState {
  id: number;
  decision: Decision;
  dismiss_reason: Selectable<HitsTable>['dismiss_reason'];
  decision_note: string;
  decided_at: string | null;
  decided_by: string | null;
}

/** A hit's decision now, its version, and what a message about it names. */
export type HitNow = HitDecisionState & { version: number; source: HitRow['source']; mark_name: string; matched_text: string };

// A decision over a whole filter names many hits: they are read in slices, within every database's limit of
// bound values.
const SLICE = 5000;
function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += SLICE) out.push(items.slice(at, at + SLICE));
  return out;
}

/** The hits of `ids` that exist, as they are now, in the order of `ids`. */
export async function readDecisions(data: DataExecutor, ids: readonly number[]): Promise<HitNow[]> {
  const byId = new Map<number, HitNow>();
  for (const slice of slices(ids)) {
    const rows = await data
      .selectFrom('hits')
      .select(['id', 'decision', 'dismiss_reason', 'decision_note', 'decided_at', 'decided_by', 'version', 'source', 'mark_name', 'matched_text'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) byId.set(row.id, row);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Writes `state` on the hit when it is still at `version`, raising the version; answers the new version, or null
 * when the hit has moved on (or is gone) and nothing was written.
 */
export async function writeDecision(data: DataExecutor, state: HitDecisionState, version: number): Promise<number | null> {
  const row = await data
    .updateTable('hits')
    .set((eb) => ({
      decision: state.decision,
      dismiss_reason: state.dismiss_reason,
      decision_note: state.decision_note,
      decided_at: state.decided_at,
      decided_by: state.decided_by,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', state.id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

/**
 * The given hits and every other hit of the same filings or listings: the queue shows a filing (or listing) once,
 * so a decision is about the filing.
 */
export async function withSameFiling(data: DataExecutor, hitIds: readonly number[]): Promise<number[]> {
  const ids = new Set<number>(hitIds);
  for (const slice of slices(hitIds)) {
    const siblings = await data
      .selectFrom('hits as h')
      .innerJoin('hits as o', (join) =>
        join.on((eb) =>
          eb.or([
            eb.and([eb('h.filing_id', 'is not', null), eb('o.filing_id', '=', eb.ref('h.filing_id'))]),
            eb.and([eb('h.listing_id', 'is not', null), eb('o.listing_id', '=', eb.ref('h.listing_id'))]),
          ]),
        ),
      )
      .select('o.id')
      .where('h.id', 'in', slice)
      .orderBy('o.id')
      .execute();
    for (const row of siblings) ids.add(row.id);
  }
  return [...ids];
}
