// In server mode the backups are the server's: where they are, the schedule, the last one; a 管理员 can start one.
// There is no local save here — the data is on the server, and so are its backups.
import { useState } from 'react';
import type { ServerBackupStatus } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { usePermission } from '../../app/account';
import { formatBytes, formatDateTime } from '../../components/format';
import { useToast } from '../../components/Toast';

type Available = Extract<ServerBackupStatus, { available: true }>;

interface ServerBackupsProps {
  status: Available;
  onMade: () => void;
}

export function ServerBackups({ status, onMade }: ServerBackupsProps) {
  const client = useClient();
  const allowed = usePermission('serverBackup.create');
  const notify = useToast();
  const [busy, setBusy] = useState(false);

  async function backupNow() {
    setBusy(true);
    const r = await client['serverBackup.create']({});
    setBusy(false);
    if (!r.ok) return notify(`服务器备份失败：${r.error.message}`, 'error');
    notify(`服务器备份已完成：${r.value.name}（${formatBytes(r.value.sizeBytes)}）`);
    onMade();
  }

  return (
    <section className="card" aria-label="服务器备份">
      <h2>服务器备份</h2>
      <p className="muted">
        数据保存在服务器上，备份也由服务器完成：每份备份是服务器上的一个文件夹，含应用数据、账户数据库和校验清单。恢复需在服务器上停止服务后运行
        <code>npm run server -- restore 备份文件夹</code>（见说明文档）。
      </p>
      <dl className="server-backup-facts">
        <dt>备份文件夹（服务器上）</dt>
        <dd className="path">{status.folder}</dd>
        <dt>定时备份</dt>
        <dd>{status.dailyAt ? `每天 ${status.dailyAt}（服务器时间），保留最近 ${status.keep} 份` : `未开启定时备份；保留最近 ${status.keep} 份`}</dd>
        <dt>最近一次备份</dt>
        <dd>{status.last ? `${formatDateTime(status.last.createdAt)}，${formatBytes(status.last.sizeBytes)}（共 ${status.count} 份）` : '还没有服务器备份'}</dd>
      </dl>
      {status.lastFailure ? (
        <div className="form-banner" role="alert">
          {formatDateTime(status.lastFailure.at)} 的服务器备份失败：{status.lastFailure.message}
        </div>
      ) : null}
      <button type="button" className="primary" disabled={busy || !allowed.allowed} title={allowed.reason} onClick={() => void backupNow()}>
        {busy ? '正在备份…' : '立即备份服务器'}
      </button>
      {allowed.allowed ? null : <p className="muted">{allowed.reason}</p>}
    </section>
  );
}
