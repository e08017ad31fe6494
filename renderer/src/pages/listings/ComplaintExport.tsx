// 导出投诉清单: every confirmed listing of one platform, as XLSX (or CSV when the clerk names the file .csv), for the
// platform's bulk takedown form. The main process asks where to save.
import { useState } from 'react';
import { useClient } from '../../api/context';
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
    const result = await client['listings.complaintExport']({ platform: chosen });
    if (!result.ok) return notify(`导出失败：${result.error.message}`, 'error');
    if (result.value.status === 'saved') notify(`已导出${chosen}投诉清单 ${result.value.rows} 条到 ${result.value.savedTo}`);
  }

  return (
    <span className="complaint-export">
      <select aria-label="投诉清单的平台" value={chosen} onChange={(e) => setPlatform(e.target.value)} disabled={platforms.length === 0}>
        {platforms.length === 0 ? <option value="">无平台</option> : null}
        {platforms.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
      <button type="button" onClick={() => void run()} disabled={!chosen} title="已确认的商品，按平台导出为 Excel（文件名以 .csv 结尾则为 CSV），用于批量投诉下架">
        导出投诉清单
      </button>
    </span>
  );
}
