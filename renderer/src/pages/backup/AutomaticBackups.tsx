import type { BackupInfo } from '../../../../shared/api';
import { formatBytes, formatDateTime } from '../../components/format';

interface AutomaticBackupsProps {
  backups: BackupInfo[] | null;
  error: string | null;
  /** by the backup's file name: the main process knows where its automatic backups are */
  onRestore: (fileName: string, backup: BackupInfo) => void;
}

export function AutomaticBackups({ backups, error, onRestore }: AutomaticBackupsProps) {
  if (error) return <div className="form-banner">无法读取自动备份：{error}</div>;
  if (backups === null) return <div className="muted">正在读取…</div>;
  if (backups.length === 0) return <div className="muted">还没有自动备份。</div>;
  return (
    <table className="plain-table" aria-label="自动备份">
      <thead>
        <tr>
          <th>时间</th>
          <th>文件</th>
          <th>大小</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.path}>
            <td>{formatDateTime(b.createdAt)}</td>
            <td className="path" title={b.path}>
              {b.fileName}
            </td>
            <td>{formatBytes(b.sizeBytes)}</td>
            <td>
              <button type="button" className="link" onClick={() => onRestore(b.fileName, b)}>
                恢复此备份
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
