// 备份与恢复: back up now, restore from a chosen file or an automatic backup (the current database is kept aside).
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, ServerBackupStatus } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { usePermission } from '../../app/account';
import { useToast } from '../../components/Toast';
import { AutomaticBackups } from './AutomaticBackups';
import { ServerBackups } from './ServerBackups';
import { useRestore } from './useRestore';

export function BackupPage() {
  const client = useClient();
  const notify = useToast();
  const allowed = usePermission('backup.create');
  const [automatic, setAutomatic] = useState<BackupInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  // connected to a server, or served by one: its backups are shown instead of a local save
  const [server, setServer] = useState<ServerBackupStatus | null>(null);
  const loadServer = useCallback(async () => {
    const status = await client['serverBackup.status']({});
    setServer(status.ok ? status.value : { available: false });
  }, [client]);
  useEffect(() => {
    void loadServer();
  }, [loadServer]);

  const loadAutomatic = useCallback(async () => {
    if (!allowed.allowed) return;
    const r = await client['backup.listAutomatic']({});
    if (r.ok) setAutomatic(r.value);
    else setListError(r.error.message);
  }, [client, allowed.allowed]);
  useEffect(() => {
    void loadAutomatic();
  }, [loadAutomatic]);
  const restore = useRestore(() => void loadAutomatic());

  async function backupNow() {
    const r = await client['backup.create']({});
    if (!r.ok) return notify(`备份失败：${r.error.message}`, 'error');
    if (r.value.status === 'saved') notify(`备份已保存：${r.value.savedTo}`);
  }

  async function chooseRestoreFile() {
    const picked = await client['files.open']({ purpose: 'backup' });
    if (!picked.ok) return notify(picked.error.message, 'error');
    if (picked.value.status === 'chosen') restore.ask({ fileToken: picked.value.token }, picked.value.fileName);
  }

  const { restored } = restore;
  if (server?.available) {
    return (
      <div className="page backup-page">
        <div className="page-head">
          <h1>备份与恢复</h1>
        </div>
        <ServerBackups status={server} onMade={() => void loadServer()} />
      </div>
    );
  }
  return (
    <div className="page backup-page">
      <div className="page-head">
        <h1>备份与恢复</h1>
      </div>
      {allowed.allowed ? null : (
        <div className="info-banner" role="status">
          {allowed.reason}
        </div>
      )}
      <section className="card">
        <h2>立即备份</h2>
        <p className="muted">把当前的全部数据（名录及其变更记录）保存为一个备份文件，可以拷到别处保存。</p>
        <button type="button" className="primary" onClick={() => void backupNow()} disabled={!allowed.allowed}>
          立即备份…
        </button>
      </section>
      <section className="card">
        <h2>从备份恢复</h2>
        <p className="muted">用备份文件替换当前数据。恢复前会先检查备份是否完好；当前数据库不会删除，而是另存一份。</p>
        <button type="button" onClick={() => void chooseRestoreFile()} disabled={!allowed.allowed}>
          从备份恢复…
        </button>
        {restored ? (
          <div className="info-banner" role="status">
            已从 {restored.restoredFrom} 恢复，名录共 {restored.markCount} 条。原来的数据库保存在 {restored.previousKeptAt}。
          </div>
        ) : null}
      </section>
      <section className="card">
        <h2>自动备份</h2>
        <p className="muted">每次启动时自动备份一次，保留最近七份。</p>
        <AutomaticBackups backups={automatic} error={listError} onRestore={(fileName, backup) => restore.ask({ automaticBackup: fileName }, fileName, backup)} />
      </section>
      {restore.dialog}
    </div>
  );
}
