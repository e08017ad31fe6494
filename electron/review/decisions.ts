// Writing a decision and undoing it. A decision is one transaction with its audit entries: it is refused as a
// conflict, with nothing written, when a hit the clerk saw has another version now, and each hit is written with a
// statement that checks its version itself (decisions-repository.ts), so that two requests at once on PostgreSQL
// cannot both write the same version.
import type { z } from 'zod';
import type { Decision, DismissReasonSchema, HitRow } from '../../shared/contract/screening';
import { CONFIRM_LABELS } from '../../shared/contract/screening';
import { AppFailure } from '../../shared/result';
import { auditRepository } from '../data/audit';
import type { AppContext } from '../context';
import { inTransaction, type DataExecutor } from '../data/queries';
import { readDecisions, withSameFiling, writeDecision, type HitDecisionState, type HitNow } from './decisions-repository';
import { localMinute } from './local-time';

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

export type DismissReason = z.infer<typeof DismissReasonSchema>;

export interface DecisionRequest {
  hitIds: readonly number[];
  decision: Decision;
  dismissReason?: DismissReason | undefined;
  note?: string | undefined;
  /** the versions the clerk saw (hits.decide); none for a decision over a whole filter */
  seen?: readonly SeenVersion[] | undefined;
}

/**
 * Writes a decision on the given hits and every other hit of their filings (or listings), audited; answers each
 * hit as it was before and the version the decision left it at.
 */
export async function recordDecision(ctx: AppContext, request: DecisionRequest, actor: string): Promise<{ before: HitDecisionState[]; after: SeenVersion[] }> {
  const { decision, dismissReason, note, seen = [] } = request;
  const now = ctx.now();
  const before: HitDecisionState[] = [];
  const after: SeenVersion[] = [];
  await inTransaction(ctx.data, async (tx) => {
    // what the clerk saw must still be so; each write below checks its own hit again, atomically
    const changed = await movedOn(tx, seen);
    if (changed.length > 0) throw conflictOf(changed);
    const seenVersion = new Map(seen.map((s) => [s.hitId, s.version]));
    for (const row of await readDecisions(tx, await withSameFiling(tx, request.hitIds))) {
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
      await auditRepository(tx).record(
        { actor, action: 'update', entity: 'hit', entityKey: String(row.id), before: null, after: null, note: decisionNote(row, decision, dismissReason, note) },
        now,
      );
    }
  });
  return { before, after };
}

/** Puts hits back as they were before a decision, when each is still at the version the decision left. */
export async function undoDecision(ctx: AppContext, last: { before: readonly HitDecisionState[]; after: readonly SeenVersion[] }, actor: string): Promise<SeenVersion[]> {
  const now = ctx.now();
  const versions: SeenVersion[] = [];
  await inTransaction(ctx.data, async (tx) => {
    const changed = await movedOn(tx, last.after);
    if (changed.length > 0) throw conflictOf(changed);
    for (const [i, before] of last.before.entries()) {
      const written = await writeOrRefuse(tx, before, last.after[i]!.version);
      if (written === false) continue;
      versions.push({ hitId: before.id, version: written });
      await auditRepository(tx).record(
        { actor, action: 'update', entity: 'hit', entityKey: String(before.id), before: null, after: null, note: `撤销结论：恢复为${DECISION_LABELS[before.decision]}` },
        now,
      );
    }
  });
  return versions;
}
