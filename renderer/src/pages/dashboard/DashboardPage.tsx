// 统计: what the screening found, as figures and charts a division head can paste into a report, and as a workbook.
import { useMemo, useState } from 'react';
import { presetPeriod, type Period } from '../../../../shared/periods';
import { useClient } from '../../api/context';
import { today } from '../../components/format';
import { useToast } from '../../components/Toast';
import { ChartCard } from './ChartCard';
import { categoryOption, decisionsOption, weeklyOption } from './chart-options';
import { DueSoonTable } from './DueSoonTable';
import { PeriodFigures } from './PeriodFigures';
import { PeriodPicker } from './PeriodPicker';
import { exportDashboard } from './exportDashboard';
import { TopProfiles } from './TopProfiles';
import { TotalsRow } from './TotalsRow';
import { useDashboard, type WeekBasis } from './useDashboard';
import '../review/review.css';
import '../profiles/profiles.css';
import './dashboard.css';

const NO_HITS = '还没有命中：请先导入并筛查初审公告';
const BASIS_LABELS: Record<WeekBasis, string> = { published: '按公告日', found: '按导入日' };

export function DashboardPage() {
  const client = useClient();
  const notify = useToast();
  const date = today();
  const [period, setPeriod] = useState<Period | null>(() => presetPeriod('thisMonth', date));
  const [weekBasis, setWeekBasis] = useState<WeekBasis>('published');
  const { data, error, loading, reload } = useDashboard(period, weekBasis);
  const options = useMemo(
    () =>
      data
        ? {
            category: categoryOption(data.hitsByCategory, date),
            weekly: weeklyOption(data.hitsPerWeek, date, data.weekBasis),
            decisions: decisionsOption(data.totals, date),
          }
        : null,
    [data, date],
  );
  const noHits = data !== null && data.totals.hits === 0 ? NO_HITS : null;

  return (
    <div className="page dashboard-page">
      <div className="page-head">
        <h1>统计</h1>
        <div className="count">{loading ? '正在统计…' : `截至 ${date}`}</div>
        <PeriodPicker today={date} onPeriod={setPeriod} />
        <div className="toolbar-spacer" />
        <button type="button" onClick={reload} disabled={loading}>
          刷新
        </button>
        <button type="button" className="primary" onClick={() => void exportDashboard(client, notify)} disabled={!data}>
          导出 XLSX
        </button>
      </div>
      {error ? (
        <div className="form-banner" role="alert">
          无法读取统计：{error}
        </div>
      ) : null}
      {data && options ? (
        <>
          <PeriodFigures period={data.period} />
          <TotalsRow totals={data.totals} />
          <div className="chart-grid">
            <ChartCard title="各类别名录商标命中数" option={options.category} emptyText={noHits} />
            <ChartCard title="命中处理情况" option={options.decisions} emptyText={noHits} />
            <ChartCard
              title={`每周命中数（${BASIS_LABELS[data.weekBasis]}）`}
              option={options.weekly}
              emptyText={data.hitsPerWeek.length === 0 ? NO_HITS : null}
              className="chart-wide"
              actions={
                <select aria-label="每周命中数的统计日期" value={weekBasis} onChange={(e) => setWeekBasis(e.target.value as WeekBasis)}>
                  <option value="published">按公告日统计</option>
                  <option value="found">按导入日统计</option>
                </select>
              }
            />
          </div>
          <DueSoonTable rows={data.dueSoon} overdue={data.totals.overdue} />
          <div className="top-grid">
            <TopProfiles kind="applicant" title="命中最多的申请人" rows={data.topApplicants} />
            <TopProfiles kind="agency" title="命中最多的代理机构" rows={data.topAgencies} />
          </div>
        </>
      ) : null}
    </div>
  );
}
