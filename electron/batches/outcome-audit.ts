// Who imported or re-screened a batch, in the audit log, written when the job ends — minutes after the request
// that started it answered. The entry's actor is read then from ctx.config.actor: on a server the user who
// started the job (acting-user's AsyncLocalStorage follows the job's promise chain from the request that began
// it, not the requests served meanwhile), on the desktop the 经办人. A batch the server took up again by itself at
// start (resumeInterrupted) has no request behind it: the person who started the server is named then.
import type { AppContext } from '../context';
import { auditRepository, type AuditAction } from '../data/audit';
import { createBatchesRepository, type BatchRecord } from './repository';

export const BATCH_ENTITY = 'batch';

function outcomeNote(batch: BatchRecord, what: string): string {
  const file = `「${batch.fileName}」`;
  if (batch.status === 'failed' || batch.status === 'cancelled') {
    return `${what}${file}未完成（${batch.status === 'cancelled' ? '已取消' : '失败'}）${batch.message ? `：${batch.message}` : ''}`;
  }
  const rows = `新增 ${batch.newRows} 行，重复 ${batch.duplicateRows} 行，问题行 ${batch.badRows} 行`;
  return `${what}${file}完成：${what === '导入' ? `${rows}，` : ''}筛查命中 ${batch.hitCount} 条`;
}

/** Records how the batch's job ended; never throws (a failed entry is logged: the job itself is done). */
export async function recordBatchOutcome(ctx: AppContext, batchId: number, action: Extract<AuditAction, 'import' | 'update'>): Promise<void> {
  try {
    if (!ctx.isOpen()) return; // a restore replaced the database the job wrote to
    const batch = await createBatchesRepository(ctx.data).get(batchId);
    if (!batch) return;
    const note = outcomeNote(batch, action === 'import' ? '导入' : '重新筛查');
    await auditRepository(ctx.data).record(
      { actor: ctx.config.actor, action, entity: BATCH_ENTITY, entityKey: String(batchId), before: null, after: null, note },
      ctx.now(),
    );
  } catch (error) {
    console.error(`[markguard] 批次 ${batchId} 的审计记录写入失败：`, error);
  }
}
