// hits.decide, then the loaded rows, the detail pane and the decision counts follow.
import { useCallback } from 'react';
import type { Decision } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';
import { DECISION_LABELS, type DismissReason } from './labels';
import type { HitPages } from './useHitPages';

export type Decide = (hitIds: readonly number[], decision: Decision, reason?: DismissReason, note?: string) => Promise<void>;

export function useDecide(patch: HitPages['patch'], onDecided: () => void): Decide {
  const client = useClient();
  const notify = useToast();
  return useCallback<Decide>(
    async (hitIds, decision, reason, note) => {
      if (hitIds.length === 0) return;
      const result = await client['hits.decide']({
        hitIds: [...hitIds],
        decision,
        ...(decision === 'dismissed' ? { dismissReason: reason ?? '其他', note: note ?? '' } : {}),
      });
      if (!result.ok) return notify(`未能保存结论：${result.error.message}`, 'error');
      patch(hitIds, {
        decision,
        dismissReason: decision === 'dismissed' ? (reason ?? '其他') : '',
        decisionNote: decision === 'dismissed' ? (note ?? '') : '',
      });
      if (hitIds.length > 1) notify(`已将 ${result.value.updated} 条命中标记为「${DECISION_LABELS[decision]}」`);
      onDecided();
    },
    [client, notify, patch, onDecided],
  );
}
