// 导出: the main process asks where to save and writes the whole registry as CSV or XLSX.
import type { MarkGuardClient } from '../../../../shared/api';
import type { ToastTone } from '../../components/Toast';

export async function exportRegistry(
  client: MarkGuardClient,
  format: 'csv' | 'xlsx',
  notify: (message: string, tone?: ToastTone) => void,
): Promise<void> {
  const result = await client['registry.export']({ format });
  if (!result.ok) return notify(`导出失败：${result.error.message}`, 'error');
  if (result.value.status === 'saved') notify(`已导出 ${result.value.rows} 条到 ${result.value.savedTo}`);
}
