// 导出: the current view of the queue (its filters and order, every row) to an XLSX file; the main process asks
// where to save.
import type { MarkGuardClient } from '../../../../shared/api';
import type { ToastTone } from '../../components/Toast';
import type { HitFilter } from './useHitPages';

export async function exportHits(
  client: MarkGuardClient,
  filter: HitFilter,
  notify: (message: string, tone?: ToastTone) => void,
): Promise<void> {
  const result = await client['hits.export']({ query: filter });
  if (!result.ok) return notify(`导出失败：${result.error.message}`, 'error');
  if (result.value.status === 'saved') notify(`已导出 ${result.value.rows} 条到 ${result.value.savedTo}`);
}
