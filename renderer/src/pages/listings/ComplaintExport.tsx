// 导出投诉清单: the confirmed listings of one platform as a CSV for the platform's bulk takedown form.
import { useState } from 'react';
import { useClient } from '../../api/context';
import { today } from '../../components/format';
import { useToast } from '../../components/Toast';
import { useFacets } from '../review/useFacets';

export function ComplaintExport() {
  const client = useClient();
  const notify = useToast();
  const facets = useFacets('listing', 0);
  const [platform, setPlatform] = useState('');
  const platforms = facets?.platforms ?? [];
  const chosen = platform || platforms[0] || '';

  async function run() {
    if (!chosen) return;
    const picked = await client['dialog.saveFile']({ title: `导出${chosen}投诉清单`, defaultName: `投诉清单-${chosen}-${today()}.csv`, filter: 'table' });
    if (!picked.ok) return notify(picked.error.message, 'error');
    if (picked.value.path === null) return;
    const result = await client['listings.complaintExport']({ platform: chosen, path: picked.value.path });
    if (!result.ok) return notify(`导出失败：${result.error.message}`, 'error');
    notify(`已导出${chosen}投诉清单 ${result.value.rows} 条到 ${result.value.path}`);
  }

  return (
    <span className="complaint-export">
      <select aria-label="投诉清单的平台" value={chosen} onChange={(e) => setPlatform(e.target.value)} disabled={platforms.length === 0}>
        {platforms.length === 0 ? <option value="">无平台</option> : null}
        {platforms.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
      <button type="button" onClick={() => void run()} disabled={!chosen} title="已确认的商品，按平台导出为 CSV，用于批量投诉下架">
        导出投诉清单
      </button>
    </span>
  );
}
