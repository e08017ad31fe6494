// hits.decide (the given hits) and hits.decideMatching (every hit the filter matches), then the loaded rows, the
// detail pane and the decision counts follow. The latest decision can be undone (撤销 in its notice, or Ctrl+Z).
import { useCallback, useRef } from 'react';
import type { Decision, HitRow } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { DECISION_LABELS, type DismissReason } from './labels';
import type { HitFilter, HitPages } from './useHitPages';

export type Decide = (hitIds: readonly number[], decision: Decision, reason?: DismissReason, note?: string) => Promise<void>;
export type DecideMatching = (filter: HitFilter, decision: Decision, reason?: DismissReason, note?: string) => Promise<void>;

interface UndoRecord {
  token: number;
  /** the loaded rows as they were, to put back in place; null after a decision over the whole filter (reload) */
  rows: Map<number, Partial<HitRow>> | null;
}

const decisionFields = (r: HitRow): Partial<HitRow> => ({ decision: r.decision, dismissReason: r.dismissReason, decisionNote: r.decisionNote });

/** The versions of the decided rows and of every mark they list, as this clerk sees them (hits.decide's `seen`). */
function seenVersions(rows: readonly HitRow[], ids: ReadonlySet<number>): Array<{ hitId: number; version: number }> {
  const seen = new Map<number, number>();
  for (const r of rows) {
    if (!ids.has(r.hitId)) continue;
    seen.set(r.hitId, r.version);
    for (const m of r.marksHit ?? []) seen.set(m.hitId, m.version);
  }
  return [...seen].map(([hitId, version]) => ({ hitId, version }));
}

export function useDecide(pages: HitPages, onDecided: () => void, onUndone: (hitIds: readonly number[]) => void) {
  const client = useClient();
  const notify = useToast();
  const last = useRef<UndoRecord | null>(null);
  const { rows, patch, patchEach, patchVersions, reload } = pages;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const undo = useCallback(async () => {
    const record = last.current;
    if (!record) return notify('没有可以撤销的结论', 'info');
    last.current = null;
    const result = await client['hits.undo']({ undoToken: record.token });
    if (!result.ok) {
      // another clerk decided these hits since: show what they are now
      if (result.error.kind === 'conflict') reload();
      return notify(`未能撤销：${result.error.message}`, 'error');
    }
    if (record.rows) {
      patchEach(record.rows);
      const restored = new Map([...record.rows].map(([id, fields]) => [id, fields.decision ?? 'undecided']));
      patchVersions(result.value.versions, restored);
    } else reload();
    notify(`已撤销，${result.value.restored} 条命中恢复为原来的结论`, 'info');
    onDecided();
    onUndone(record.rows ? [...record.rows.keys()] : []);
  }, [client, notify, patchEach, patchVersions, reload, onDecided, onUndone]);

  const announce = useCallback(
    (token: number | null, updated: number, decision: Decision, rowsBefore: Map<number, Partial<HitRow>> | null) => {
      if (token === null) return;
      last.current = { token, rows: rowsBefore };
      notify(`已将 ${updated} 条命中标记为「${DECISION_LABELS[decision]}」`, 'success', { label: '撤销', run: () => void undo() });
    },
    [notify, undo],
  );

  const decide = useCallback<Decide>(
    async (hitIds, decision, reason, note) => {
      if (hitIds.length === 0) return;
      const ids = new Set(hitIds);
      const before = new Map(rowsRef.current.filter((r) => ids.has(r.hitId)).map((r) => [r.hitId, decisionFields(r)]));
      const result = await client['hits.decide']({
        hitIds: [...hitIds],
        seen: seenVersions(rowsRef.current, ids),
        decision,
        ...(decision === 'dismissed' ? { dismissReason: reason ?? '其他', note: note ?? '' } : {}),
      });
      if (!result.ok) {
        // another clerk decided the filing since: nothing was saved; show the current decisions
        if (result.error.kind === 'conflict') {
          reload();
          onDecided();
        }
        return notify(`未能保存结论：${result.error.message}`, 'error');
      }
      patch(hitIds, {
        decision,
        dismissReason: decision === 'dismissed' ? (reason ?? '其他') : '',
        decisionNote: decision === 'dismissed' ? (note ?? '') : '',
      });
      patchVersions(result.value.versions, new Map(result.value.versions.map((v) => [v.hitId, decision])));
      announce(result.value.undoToken, result.value.updated, decision, before);
      onDecided();
    },
    [client, notify, patch, patchVersions, reload, onDecided, announce],
  );

  const decideMatching = useCallback<DecideMatching>(
    async (filter, decision, reason, note) => {
      const result = await client['hits.decideMatching']({
        query: filter,
        decision,
        ...(decision === 'dismissed' ? { dismissReason: reason ?? '其他', note: note ?? '' } : {}),
      });
      if (!result.ok) return notify(`未能保存结论：${result.error.message}`, 'error');
      reload();
      announce(result.value.undoToken, result.value.updated, decision, null);
      onDecided();
    },
    [client, notify, reload, onDecided, announce],
  );

  return { decide, decideMatching, undo };
}
