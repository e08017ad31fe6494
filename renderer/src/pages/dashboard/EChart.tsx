// A thin React wrapper around one ECharts instance: created on mount, given the option on every change, resized with
// its box, disposed on unmount. The owner gets the instance through `chartRef` (for the image export).
import { useEffect, useRef, type RefObject } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts';

interface EChartProps {
  option: ChartOption;
  /** text for screen readers: what the chart shows */
  ariaLabel: string;
  height: number;
  chartRef?: RefObject<EChartsType | null>;
}

export function EChart({ option, ariaLabel, height, chartRef }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = instance;
    if (chartRef) chartRef.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (chartRef) chartRef.current = null;
    };
  }, [chartRef]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="echart" role="img" aria-label={ariaLabel} style={{ height }} />;
}
