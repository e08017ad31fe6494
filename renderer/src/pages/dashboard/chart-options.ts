// The dashboard's charts as ECharts options: Chinese labels, values written on the bars and slices, and colours that
// stay apart when the report is printed in black and white (dark, middle and light greys once printed).
import type { Dashboard } from '../../../../shared/contract/screening';
import { DECISION_LABEL } from '../profiles/decision';
import type { ChartOption } from './echarts';

export const PRINT_COLOURS = { hits: '#1f4e8c', confirmed: '#e3a03a', undecided: '#d3d9e0', dismissed: '#3d6b4f' } as const;
const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";
const TEXT = '#1f2a37';

function base(title: string, subtitle: string): ChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, color: TEXT },
    title: {
      text: title,
      subtext: subtitle,
      left: 8,
      top: 4,
      textStyle: { fontFamily: FONT, fontSize: 15, fontWeight: 'bold', color: TEXT },
      subtextStyle: { fontFamily: FONT, fontSize: 12, color: '#5a6675' },
    },
    tooltip: { textStyle: { fontFamily: FONT } },
  };
}

/** 统计口径 line under each title: where the numbers come from and when. */
export function subtitle(date: string): string {
  return `商标守护 · 截至 ${date}`;
}

export function categoryOption(rows: Dashboard['hitsByCategory'], date: string): ChartOption {
  return {
    ...base('各类别名录商标命中数', subtitle(date)),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontFamily: FONT } },
    legend: { top: 8, right: 12, textStyle: { fontFamily: FONT } },
    grid: { left: 48, right: 20, top: 72, bottom: 36 },
    xAxis: { type: 'category', data: rows.map((r) => r.category), axisLabel: { fontFamily: FONT, color: TEXT, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT } },
    series: [
      {
        name: '命中',
        type: 'bar',
        data: rows.map((r) => r.hits),
        itemStyle: { color: PRINT_COLOURS.hits },
        label: { show: true, position: 'top', fontFamily: FONT },
        barMaxWidth: 36,
      },
      {
        name: '已确认抢注',
        type: 'bar',
        data: rows.map((r) => r.confirmed),
        itemStyle: { color: PRINT_COLOURS.confirmed, borderColor: '#8a5a00', borderWidth: 1 },
        label: { show: true, position: 'top', fontFamily: FONT },
        barMaxWidth: 36,
      },
    ],
  };
}

/** "2026-03-02" → "03-02" on the axis; anything else (e.g. "2026-W10") as it is. */
export function weekLabel(week: string): string {
  const match = /^\d{4}-(\d{2}-\d{2})$/.exec(week);
  return match?.[1] ?? week;
}

/** What the weekly chart counts by, written into the picture so a pasted chart says it. */
export const WEEK_BASIS_TEXT: Record<Dashboard['weekBasis'], { title: string; note: string }> = {
  published: { title: '每周命中数（按公告日）', note: '按初审公告日期所在周统计（电商商品按发现日期）' },
  found: { title: '每周命中数（按导入日）', note: '按筛查发现命中的日期所在周统计' },
};

export function weeklyOption(rows: Dashboard['hitsPerWeek'], date: string, basis: Dashboard['weekBasis'] = 'published'): ChartOption {
  const range = rows.length > 0 ? `${rows[0]?.week} 至 ${rows[rows.length - 1]?.week}` : '';
  const text = WEEK_BASIS_TEXT[basis];
  return {
    ...base(text.title, `${subtitle(date)} · ${text.note}${range ? ` · ${range}` : ''}`),
    tooltip: { trigger: 'axis', textStyle: { fontFamily: FONT } },
    legend: { top: 8, right: 12, textStyle: { fontFamily: FONT } },
    grid: { left: 48, right: 24, top: 72, bottom: 40 },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: rows.map((r) => r.week),
      axisLabel: { fontFamily: FONT, color: TEXT, formatter: (value: string) => weekLabel(value), hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT } },
    series: [
      {
        name: '命中',
        type: 'line',
        data: rows.map((r) => r.hits),
        itemStyle: { color: PRINT_COLOURS.hits },
        lineStyle: { width: 2.5, color: PRINT_COLOURS.hits },
        symbol: 'circle',
        symbolSize: 6,
      },
      {
        name: '已确认抢注',
        type: 'line',
        data: rows.map((r) => r.confirmed),
        itemStyle: { color: PRINT_COLOURS.confirmed },
        lineStyle: { width: 2.5, type: 'dashed', color: PRINT_COLOURS.confirmed },
        symbol: 'triangle',
        symbolSize: 8,
      },
    ],
  };
}

export function decisionsOption(totals: Dashboard['totals'], date: string): ChartOption {
  const data = [
    { name: DECISION_LABEL.undecided, value: totals.undecided, itemStyle: { color: PRINT_COLOURS.undecided } },
    { name: DECISION_LABEL.confirmed, value: totals.confirmed, itemStyle: { color: PRINT_COLOURS.confirmed } },
    { name: DECISION_LABEL.dismissed, value: totals.dismissed, itemStyle: { color: PRINT_COLOURS.dismissed } },
  ];
  return {
    ...base('命中处理情况', `${subtitle(date)} · 共 ${totals.hits} 条命中`),
    tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）', textStyle: { fontFamily: FONT } },
    legend: { top: 8, right: 12, orient: 'vertical', textStyle: { fontFamily: FONT } },
    series: [
      {
        name: '处理情况',
        type: 'pie',
        radius: ['32%', '52%'],
        center: ['50%', '60%'],
        percentPrecision: 1,
        data,
        label: { formatter: '{b}\n{c} 条（{d}%）', fontFamily: FONT, color: TEXT, overflow: 'none', lineHeight: 18 },
        labelLine: { length: 10, length2: 14 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      },
    ],
  };
}
