// One chart of the dashboard with its 复制图片 / 保存图片 actions. The title is drawn inside the chart, so the
// picture pasted into a report says what it shows.
import { useRef, type ReactNode } from 'react';
import { useToast } from '../../components/Toast';
import { today } from '../../components/format';
import { chartPng, copyDataUrl, downloadDataUrl } from './chart-image';
import { EChart } from './EChart';
import type { ChartOption, EChartsType } from './echarts';

interface ChartCardProps {
  title: string;
  option: ChartOption;
  height?: number;
  /** replaces the chart when there is nothing to draw */
  emptyText?: string | null;
  className?: string;
  /** controls of the chart shown beside 复制图片 / 保存图片 */
  actions?: ReactNode;
}

export function ChartCard({ title, option, height = 300, emptyText, className, actions }: ChartCardProps) {
  const chart = useRef<EChartsType | null>(null);
  const notify = useToast();

  const copy = async () => {
    if (!chart.current) return;
    const copied = await copyDataUrl(chartPng(chart.current));
    if (copied) notify(`已复制「${title}」图片，可直接粘贴到报告中`);
    else notify('无法写入剪贴板，请使用“保存图片”', 'error');
  };
  const save = () => {
    if (!chart.current) return;
    downloadDataUrl(chartPng(chart.current), `${title}-${today()}.png`);
  };

  return (
    <section className={`card chart-card${className ? ` ${className}` : ''}`} aria-label={title}>
      <div className="chart-actions">
        {actions}
        <button type="button" className="link" onClick={() => void copy()} disabled={Boolean(emptyText)}>
          复制图片
        </button>
        <button type="button" className="link" onClick={save} disabled={Boolean(emptyText)}>
          保存图片
        </button>
      </div>
      {emptyText ? (
        <div className="chart-empty" style={{ height }}>
          <strong>{title}</strong>
          <span className="muted">{emptyText}</span>
        </div>
      ) : (
        <EChart option={option} ariaLabel={title} height={height} chartRef={chart} />
      )}
    </section>
  );
}
