// 导出: choose where to save → write the whole registry as CSV or XLSX.
import type { MarkGuardClient } from '../../../../shared/api';
import { today } from '../../components/format';
import type { ToastTone } from '../../components/Toast';

export async function exportRegistry(
  client: MarkGuardClient,
  format: 'csv' | 'xlsx',
  notify: (message: string, tone?: ToastTone) => void,
): Promise<void> {
  const picked = await client['dialog.saveFile']({
    title: format === 'csv' ? '导出名录为 CSV' : '导出名录为 Excel',
    defaultName: `保护名录-${today()}.${format}`,
    filter: 'table',
  });
  if (!picked.ok) return notify(picked.error.message, 'error');
  if (picked.value.path === null) return;
  const result = await client['registry.export']({ path: picked.value.path, format });
  if (result.ok) notify(`已导出 ${result.value.rows} 条到 ${result.value.path}`);
  else notify(`导出失败：${result.error.message}`, 'error');
}
