import type { BatchSummary } from '../../../../shared/contract/screening';

/** After the registry changed: which batches were screened against the old registry, and a way to screen them again. */
export function StaleNotice({ batches, onRescreen }: { batches: readonly BatchSummary[] | null; onRescreen: () => void }) {
  const stale = batches?.filter((b) => b.stale && !b.running) ?? [];
  if (stale.length === 0) return null;
  return (
    <div className="info-banner stale-notice">
      <span>保护名录在上次筛查后有改动：{stale.length} 个批次的命中可能已过时，重新筛查后才反映新名录（已作出的结论会保留）。</span>
      <button type="button" className="primary" onClick={onRescreen}>重新筛查全部</button>
    </div>
  );
}
