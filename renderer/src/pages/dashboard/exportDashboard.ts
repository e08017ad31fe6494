// 导出 XLSX: the main process asks where to save and writes the dashboard's figures and tables as a workbook.
import type { MarkGuardClient } from '../../../../shared/api';
import type { ToastTone } from '../../components/Toast';

export async function exportDashboard(
  client: MarkGuardClient,
  notify: (message: string, tone?: ToastTone) => void,
): Promise<void> {
  const result = await client['dashboard.export']({});
  if (!result.ok) return notify(`导出失败：${result.error.message}`, 'error');
  if (result.value.status === 'saved') notify(`已导出统计到 ${result.value.savedTo}`);
}
