// How a file on its way to or from the server is described to the clerk: the browser's upload banner and the
// connected desktop's (connection.state's transfer) say the same.
import type { ConnectionState } from '../../../shared/api';

export function formatMegabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Transfer = NonNullable<ConnectionState['transfer']>;

export function transferText(transfer: Transfer): string {
  const amount = transfer.bytes === null ? formatMegabytes(transfer.done) : `${formatMegabytes(transfer.done)} / ${formatMegabytes(transfer.bytes)}`;
  return transfer.direction === 'upload'
    ? `正在上传「${transfer.fileName}」到服务器（${amount}），请稍候…`
    : `正在从服务器下载「${transfer.fileName}」（${amount}），请稍候…`;
}
