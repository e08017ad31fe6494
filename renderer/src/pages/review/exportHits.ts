// 导出: the current view of the queue (its filters and order, every page) to an XLSX file the user chooses.
import type { MarkGuardClient } from '../../../../shared/api';
import type { ToastTone } from '../../components/Toast';
import { today } from '../../components/format';
import type { HitFilter } from './useHitPages';

export async function exportHits(
  client: MarkGuardClient,
  filter: HitFilter,
  notify: (message: string, tone?: ToastTone) => void,
): Promise<void> {
  const name = filter.source === 'filing' ? '抢注审查清单' : '电商审查清单';
  const picked = await client['dialog.saveFile']({ title: `导出${name}`, defaultName: `${name}-${today()}.xlsx`, filter: 'table' });
  if (!picked.ok) return notify(picked.error.message, 'error');
  if (picked.value.path === null) return;
  const path = /\.xlsx$/i.test(picked.value.path) ? picked.value.path : `${picked.value.path}.xlsx`;
  const result = await client['hits.export']({ query: filter, path });
  if (!result.ok) return notify(`导出失败：${result.error.message}`, 'error');
  notify(`已导出 ${result.value.rows} 条到 ${result.value.path}`);
}
