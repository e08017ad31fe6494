import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../../shared/domain';
import type { Dashboard } from '../../../../shared/contract/screening';
import { dataUrlToBlob } from '../../../../renderer/src/pages/dashboard/chart-image';
import {
  PRINT_COLOURS,
  categoryOption,
  decisionsOption,
  weeklyOption,
} from '../../../../renderer/src/pages/dashboard/chart-options';

const TOTALS: Dashboard['totals'] = {
  filings: 1479, listings: 0, hits: 219, undecided: 208, confirmed: 8, dismissed: 3, overdue: 149, dueWithin14: 15,
};

/** WCAG relative luminance of "#rrggbb": what is left of a colour on a black-and-white printer. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

interface Series {
  name?: string;
  type?: string;
  data?: unknown[];
}
function seriesOf(option: object): Series[] {
  const series = (option as { series?: Series[] }).series;
  return Array.isArray(series) ? series : [];
}

describe('chart options', () => {
  it('draws hits and confirmed hits for every category, with Chinese names and a title for the report', () => {
    const rows = CATEGORIES.map((category, i) => ({ category, hits: 10 - i, confirmed: i }));
    const option = categoryOption(rows, '2026-11-29');
    expect((option.xAxis as { data: string[] }).data).toEqual([...CATEGORIES]);
    expect(seriesOf(option).map((s) => [s.name, s.data])).toEqual([
      ['命中', rows.map((r) => r.hits)],
      ['已确认抢注', rows.map((r) => r.confirmed)],
    ]);
    expect(option.title).toMatchObject({ text: '各类别名录商标命中数', subtext: '商标守护 · 截至 2026-11-29' });
    expect(option.animation).toBe(false);
    expect(option.backgroundColor).toBe('#ffffff');
  });

  it('draws the weeks in order and names the period', () => {
    const weeks = [
      { week: '2026-06-01', hits: 5, confirmed: 0 },
      { week: '2026-06-08', hits: 3, confirmed: 1 },
    ];
    const option = weeklyOption(weeks, '2026-11-29');
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-06-01', '2026-06-08']);
    expect(seriesOf(option).map((s) => s.type)).toEqual(['line', 'line']);
    expect((option.title as { subtext: string }).subtext).toContain('2026-06-01 至 2026-06-08');
  });

  it('shows the three decisions with their Chinese names and counts', () => {
    const [pie] = seriesOf(decisionsOption(TOTALS, '2026-11-29'));
    expect(pie?.data).toEqual([
      expect.objectContaining({ name: '待定', value: 208 }),
      expect.objectContaining({ name: '已确认抢注', value: 8 }),
      expect.objectContaining({ name: '已排除', value: 3 }),
    ]);
  });

  it('uses colours that stay apart in black and white', () => {
    const apart = (a: string, b: string) => Math.abs(luminance(a) - luminance(b));
    expect(apart(PRINT_COLOURS.hits, PRINT_COLOURS.confirmed)).toBeGreaterThan(0.2);
    const pie = [PRINT_COLOURS.undecided, PRINT_COLOURS.confirmed, PRINT_COLOURS.dismissed];
    for (let i = 0; i < pie.length; i++) {
      for (let j = i + 1; j < pie.length; j++) expect(apart(pie[i]!, pie[j]!), `${pie[i]} vs ${pie[j]}`).toBeGreaterThan(0.15);
    }
  });
});

describe('chart image', () => {
  it('turns a PNG data URL into a Blob without fetch', async () => {
    const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const blob = dataUrlToBlob(`data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`);
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(bytes);
  });
});
