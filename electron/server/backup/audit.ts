// Server backups in the app's audit log (entity 'backup', keyed by the backup's name; a restore is entity
// 'database' like the desktop's): who made one — the 管理员 of the request (acting-user), or for a scheduled one
// and the command line the person who runs the server — and who restored one, written into the restored data.
import type { AppContext } from '../../context';
import { auditRepository } from '../../data/audit';
import type { DataExecutor } from '../../data/queries';
import type { MadeBackup } from './make';
import type { Manifest } from './manifest';
import type { BackupOccasion } from './service';

export const BACKUP_ENTITY = 'backup';

export function describeServerCounts(counts: Manifest['counts']): string {
  return `账户 ${counts.users} 个；保护名录 ${counts.marks} 条，命中 ${counts.hits} 条，函件 ${counts.letters} 件`;
}

export async function recordServerBackup(ctx: AppContext, made: MadeBackup, occasion: BackupOccasion): Promise<void> {
  await auditRepository(ctx.data).record(
    {
      actor: ctx.config.actor,
      action: 'create',
      entity: BACKUP_ENTITY,
      entityKey: made.name,
      before: null,
      after: null,
      note: `${occasion === 'scheduled' ? '定时' : '手动'}服务器备份：${made.folder}（${describeServerCounts(made.manifest.counts)}）`,
    },
    ctx.now(),
  );
}

/** The restore's entry, in the data just restored (the entries before it are the backup's). */
export async function recordServerRestore(data: DataExecutor, actor: string, folder: string, manifest: Manifest, at: string): Promise<void> {
  await auditRepository(data).record(
    {
      actor,
      action: 'restore',
      entity: 'database',
      entityKey: folder.split(/[\\/]/).pop() ?? folder,
      before: null,
      after: null,
      note: `从服务器备份「${folder}」恢复（备份时间 ${manifest.createdAt}；${describeServerCounts(manifest.counts)}）`,
    },
    at,
  );
}
