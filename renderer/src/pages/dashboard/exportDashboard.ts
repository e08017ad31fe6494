// 导出 XLSX: choose where to save → the backend writes the dashboard's figures and tables as a workbook.
import type { MarkGuardClient } from '../../../../shared/api';
import type { ToastTone } from '../../components/Toast';

export async function exportDashboard(
  client: MarkGuardClient,
  notify: (message: string, tone?: ToastTone) => void,
): Promise<void> {
  const picked = await client['dialog.saveFile']({ title: '导出统计为 Excel', defaultName: '商标监测统计.xlsx', filter: 'table' });
  if (!picked.ok) return notify(picked.error.message, 'error');
  if (picked.value.path === null) return;
  const result = await client['dashboard.export']({ path: picked.value.path });
  if (result.ok) notify(`已导出统计到 ${result.value.path}`);
  else notify(`导出失败：${result.error.message}`, 'error');
}
