// Issue 10 item 6: the monthly report — a period (本月, 上月, 本季度, 自定义 with two dates), the decisions made and
// the letters issued in it, and a weekly chart that says which date it counts (公告日 or 导入日).
import { expect, openApp, test } from './fixtures';
import { FILINGS, api, goTo, importBatch, skipWithoutDevSet } from './clerk-data';

test('the dashboard reports a period: decisions and letters in it; the weekly chart names its date', async ({ page, server }) => {
  skipWithoutDevSet();
  test.setTimeout(120_000);
  await importBatch(server, FILINGS, 'filing');
  const { rows } = await api(server, 'hits.query', { source: 'filing', sortBy: 'score', limit: 10 });
  // the figures count hits; the queue shows a filing once, and a decision covers every mark the filing hits
  const total = (await api(server, 'batches.list', {})).reduce((n, b) => n + b.hitCount, 0);
  const confirmed = (await api(server, 'hits.decide', { hitIds: rows.slice(0, 3).map((r) => r.hitId), decision: 'confirmed' })).updated;
  const dismissed = (await api(server, 'hits.decide', { hitIds: rows.slice(3, 5).map((r) => r.hitId), decision: 'dismissed', dismissReason: '不近似' })).updated;
  expect(confirmed).toBeGreaterThanOrEqual(3);
  expect(dismissed).toBeGreaterThanOrEqual(2);
  const draft = await api(server, 'letters.draftFromHits', { hitIds: [rows[0]!.hitId], kind: 'referral' });
  await api(server, 'letters.issue', { id: draft.id });

  await openApp(page, server);
  await goTo(page, '统计');
  const figures = page.getByRole('region', { name: '本期工作量' });
  const figure = (label: string) => figures.locator('.stat').filter({ hasText: label }).locator('dd');
  const expectFigures = async (found: number, confirmed: number, dismissed: number, letters: number) => {
    await expect(figure('新发现命中')).toHaveText(String(found));
    await expect(figure('确认为疑似抢注')).toHaveText(String(confirmed));
    await expect(figure('排除')).toHaveText(String(dismissed));
    await expect(figure('发出函件')).toHaveText(String(letters));
  };
  // 本月 by default: everything above happened today.
  await expect(page.getByRole('combobox', { name: '统计期间' })).toHaveValue('thisMonth');
  const today = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  await expect(figures).toContainText(`${today.getFullYear()}-${pad(today.getMonth() + 1)}-01 至`);
  await expectFigures(total, confirmed, dismissed, 1);

  // 上月: nothing yet.
  await page.getByRole('combobox', { name: '统计期间' }).selectOption('lastMonth');
  await expectFigures(0, 0, 0, 0);
  // 本季度 holds today.
  await page.getByRole('combobox', { name: '统计期间' }).selectOption('thisQuarter');
  await expectFigures(total, confirmed, dismissed, 1);
  // 自定义: two dates; the wrong way round is refused with a message and changes nothing.
  await page.getByRole('combobox', { name: '统计期间' }).selectOption('custom');
  const yesterday = new Date(today.getTime() - 86_400_000);
  await page.getByLabel('开始日期').fill(iso(today));
  await page.getByLabel('结束日期').fill(iso(yesterday));
  await expect(page.getByText('开始日期不能晚于结束日期')).toBeVisible();
  await page.getByLabel('开始日期').fill(iso(yesterday));
  await page.getByLabel('结束日期').fill(iso(yesterday));
  await expectFigures(0, 0, 0, 0);
  await page.getByLabel('结束日期').fill(iso(today));
  await expect(figures).toContainText(`${iso(yesterday)} 至 ${iso(today)}`);
  await expectFigures(total, confirmed, dismissed, 1);

  // The weekly chart says which date it counts, and can count by the other.
  await expect(page.getByRole('region', { name: '每周命中数（按公告日）' }).locator('canvas')).toBeVisible();
  await page.getByRole('combobox', { name: '每周命中数的统计日期' }).selectOption('found');
  await expect(page.getByRole('region', { name: '每周命中数（按导入日）' }).locator('canvas')).toBeVisible();
  const summary = await api(server, 'dashboard.summary', { weekBasis: 'found' });
  expect(summary.hitsPerWeek.reduce((n, w) => n + w.hits, 0)).toBe(total);
});
