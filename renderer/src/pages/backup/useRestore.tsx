// Restoring from a backup: ask first (explaining that the current database is kept aside), then restore.
import { useState, type ReactNode } from 'react';
import type { BackupInfo, ChannelInput } from '../../../../shared/api';
import { formatDateTime } from '../../components/format';
import { useClient } from '../../api/context';
import { useAppInfo } from '../../app/useAppInfo';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';

export interface Restored {
  restoredFrom: string;
  previousKeptAt: string;
  markCount: number;
}

/** Which backup: a file chosen in the main process's dialog (by its token) or an automatic backup (by its name). */
export type RestoreSource = ChannelInput<'backup.restore'>;

export function useRestore(onRestored: () => void): {
  ask: (source: RestoreSource, fileName: string, backup?: BackupInfo) => void;
  restored: Restored | null;
  dialog: ReactNode;
} {
  const client = useClient();
  const notify = useToast();
  const appInfo = useAppInfo();
  const [confirming, setConfirming] = useState<{ source: RestoreSource; fileName: string; busy: boolean; backup?: BackupInfo } | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);

  async function restore(source: RestoreSource, fileName: string) {
    setConfirming((c) => (c ? { ...c, busy: true } : { source, fileName, busy: true }));
    const r = await client['backup.restore'](source);
    setConfirming(null);
    if (!r.ok) return notify(`恢复失败，当前数据没有改动：${r.error.message}`, 'error');
    setRestored(r.value);
    notify(`已恢复，名录共 ${r.value.markCount} 条`);
    appInfo.reload();
    onRestored();
  }

  const dialog = confirming ? (
    <ConfirmDialog
      title="从备份恢复"
      confirmLabel="恢复"
      danger
      busy={confirming.busy}
      onConfirm={() => void restore(confirming.source, confirming.fileName)}
      onCancel={() => setConfirming(null)}
    >
      <p>将用以下备份替换当前数据：</p>
      <p className="path">{confirming.fileName}</p>
      {confirming.backup ? <BackupFacts backup={confirming.backup} /> : null}
      <p className="muted">
        恢复前会检查备份文件是否完好、版本是否相符。当前数据库不会被删除，会另存在数据文件夹中，需要时可以再恢复回来。
      </p>
    </ConfirmDialog>
  ) : null;

  return { ask: (source, fileName, backup) => setConfirming({ source, fileName, busy: false, ...(backup ? { backup } : {}) }), restored, dialog };
}

/** When the backup was taken and what it holds, so the clerk sees what the data will be after the restore. */
function BackupFacts({ backup }: { backup: BackupInfo }) {
  return (
    <p className="backup-facts">
      备份时间：{formatDateTime(backup.createdAt)}；
      {backup.counts
        ? `其中名录 ${backup.counts.marks} 条、批次 ${backup.counts.batches} 个、函件 ${backup.counts.letters} 份。`
        : '无法读取其中的数据条数（恢复前会再检查该文件）。'}
    </p>
  );
}
