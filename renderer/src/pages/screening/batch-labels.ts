// Chinese labels of batches and jobs.
import type { BatchKind, BatchStatus, BatchSummary, JobProgress } from '../../../../shared/contract/screening';

export const KIND_LABELS: Record<BatchKind, string> = { filing: '商标申请公告', listing: '电商商品' };

const STATUS_LABELS: Record<BatchStatus, string> = {
  importing: '导入中',
  imported: '已导入，待筛查',
  screening: '筛查中',
  screened: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

export const PHASE_LABELS: Record<JobProgress['phase'], string> = {
  importing: '导入中',
  screening: '筛查中',
  removing: '删除中',
  done: '完成',
  failed: '失败',
  cancelled: '已取消',
};

export type StatusTone = 'running' | 'ok' | 'warn' | 'bad';

/** A batch that says it is importing or screening while no job runs was interrupted (the app was closed or killed). */
export function isInterrupted(batch: BatchSummary): boolean {
  return !batch.running && (batch.status === 'importing' || batch.status === 'screening');
}

export function statusOf(batch: BatchSummary): { label: string; tone: StatusTone } {
  if (isInterrupted(batch)) return { label: batch.status === 'importing' ? '导入中断（未完成）' : '筛查中断（未完成）', tone: 'bad' };
  const label = STATUS_LABELS[batch.status];
  if (batch.running) return { label, tone: 'running' };
  if (batch.status === 'failed') return { label: '失败（未完成）', tone: 'bad' };
  if (batch.status === 'cancelled') return { label: '已取消（未完成）', tone: 'warn' };
  if (batch.status === 'imported') return { label, tone: 'warn' };
  return { label, tone: 'ok' };
}

export function canResume(batch: BatchSummary): boolean {
  return !batch.running && (batch.status === 'failed' || batch.status === 'cancelled' || isInterrupted(batch));
}

export function canRescreen(batch: BatchSummary): boolean {
  return !batch.running && (batch.status === 'imported' || batch.status === 'screened');
}

/** "新增 0 条，重复 1479 条" — what an import added. */
export function importSummary(p: { newRows: number; duplicateRows: number; badRows: number }): string {
  const bad = p.badRows > 0 ? `，问题行 ${p.badRows} 条` : '';
  return `新增 ${p.newRows} 条，重复 ${p.duplicateRows} 条${bad}`;
}

/** When the batch's work ended: empty while it runs or is still to be screened, or when it did not finish. */
export function finishedAt(batch: BatchSummary): string | null {
  if (batch.running) return null;
  if (batch.status === 'screened') return batch.screenedAt;
  return null;
}

/** "第1930期", "第1928–1930期（3 期）" or "A 至 B（3 期）": the gazette issues a batch brought, in order. */
export function issuesText(issues: readonly string[]): string {
  if (issues.length <= 1) return issues[0] ?? '';
  if (issues.length === 2) return issues.join('、');
  const first = /^第(\d+)期$/.exec(issues[0] ?? '');
  const last = /^第(\d+)期$/.exec(issues[issues.length - 1] ?? '');
  if (first && last) return `第${first[1]}–${last[1]}期（${issues.length} 期）`;
  return `${issues[0]} 至 ${issues[issues.length - 1]}（${issues.length} 期）`;
}
