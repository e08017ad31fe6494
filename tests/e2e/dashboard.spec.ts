// Profiles and dashboard end to end: the dev registry and the dev gazette filings imported through the web bridge's
// API (the batches page has its own spec), a few decisions taken, then the applicant and agency lists, a profile
// and the dashboard's charts, picture export and workbook export. Screenshots go to test-results/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { api, DEV, SHOTS, tableToken } from './clerk-data';
import { expect, openApp, test, type WebServer } from './fixtures';

const HITS_COLOUR = [0x1f, 0x4e, 0x8c];


/** The dev registry, then the dev filings screened against it; a few hits confirmed and dismissed. */
/** Returns how many hits the confirmation covered (a decision covers every mark its filing hits). */
async function importDevData(server: WebServer): Promise<number> {
  const preview = await api(server, 'registry.importPreview', { fileToken: await tableToken(server, path.join(DEV, 'registry.csv')) });
  // four dev records repeat sample ones (玉树牦牛, 三江源, …): kept as separate records, as before the duplicate check
  await api(server, 'registry.importChoose', { token: preview.token, duplicates: 'keep' });
  await api(server, 'registry.importCommit', { token: preview.token });
  const fileToken = await tableToken(server, path.join(DEV, 'filings.csv'));
  const mapping = (await api(server, 'batches.previewFile', { fileToken, kind: 'filing' })).mapping;
  const { batchId } = await api(server, 'batches.startImport', { fileToken, kind: 'filing', mapping });
  await expect
    .poll(async () => (await api(server, 'batches.progress', { batchId })).phase, { timeout: 45_000, intervals: [250] })
    .toBe('done');
  const { rows } = await api(server, 'hits.query', { source: 'filing', sortBy: 'score', limit: 20 });
  expect(rows.length, 'the dev filings hit the dev registry').toBeGreaterThan(10);
  const confirmed = await api(server, 'hits.decide', { hitIds: rows.slice(0, 8).map((r) => r.hitId), decision: 'confirmed' });
  await api(server, 'hits.decide', { hitIds: rows.slice(8, 11).map((r) => r.hitId), decision: 'dismissed', dismissReason: '不近似' });
  return confirmed.updated;
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

function numberIn(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** How many pixels of a chart's canvas have the 命中 series colour: bars and lines were drawn, not just axes. */
async function hitsPixels(page: Page, chartName: string): Promise<number> {
  const canvas = page.getByRole('region', { name: chartName }).locator('canvas').first();
  return canvas.evaluate((el, rgb) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - rgb[0]!) < 8 && Math.abs(data[i + 1]! - rgb[1]!) < 8 && Math.abs(data[i + 2]! - rgb[2]!) < 8) n++;
    }
    return n;
  }, HITS_COLOUR);
}

test('applicant and agency profiles, a profile page and the dashboard after importing the dev filings', async ({ page, server }) => {
  test.setTimeout(120_000);
  // ECharts must run under the app's Content-Security-Policy (no eval, no inline script, images only as data:).
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  const confirmedHits = await importDevData(server);
  await openApp(page, server);

  // Applicants: most hits first, with numbers and flags.
  await page.getByRole('button', { name: '申请人与代理机构' }).click();
  await expect(page.getByRole('heading', { name: '申请人与代理机构' })).toBeVisible();
  const list = page.getByRole('table', { name: '申请人列表' });
  const rows = list.locator('.grid-body [role="row"]');
  await expect(rows.first().locator('.cell-name a')).toBeVisible();
  expect(numberIn(await page.locator('.profiles-page .count').textContent())).toBeGreaterThan(0);
  const hits = await rows.locator('[role="cell"]:nth-child(4)').allTextContents();
  expect(numberIn(hits[0] ?? '')).toBeGreaterThan(0);
  expect(hits.map(numberIn)).toEqual([...hits.map(numberIn)].sort((a, b) => b - a));
  const flag = list.locator('.flag-tag').first();
  await expect(flag).toBeVisible();
  expect(await flag.getAttribute('title')).toMatch(/判定标准：.*≥\d+/);

  // Sort by 申请量, largest first.
  await list.getByRole('button', { name: /申请量/ }).click();
  await expect(list.getByRole('columnheader', { name: /申请量/ })).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () => {
      const filings = (await rows.locator('[role="cell"]:nth-child(2)').allTextContents()).map(numberIn);
      return filings.length > 1 && filings.every((n, i) => i === 0 || n <= (filings[i - 1] ?? 0));
    })
    .toBe(true);
  // Agencies: the dev agencies file far more than one business needs.
  await page.getByRole('radio', { name: '代理机构' }).click();
  const agencies = page.getByRole('table', { name: '代理机构列表' });
  await expect(agencies.locator('.grid-body [role="row"]').first().locator('.cell-name a')).toBeVisible();
  await expect(agencies.locator('.flag-tags').first()).toContainText('抢注多个权利人的商标');
  await page.getByRole('radio', { name: '申请人' }).click();
  await list.getByRole('button', { name: /命中数/ }).click();
  await expect(list.getByRole('columnheader', { name: /命中数/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().locator('.cell-name a')).toBeVisible();
  await shoot(page, 'profiles.png');
  // Search narrows the list on the server; Escape clears it.
  const search = page.getByRole('searchbox', { name: '搜索申请人' });
  const first = (await rows.first().locator('.cell-name a').textContent()) ?? '';
  const everyone = (await page.locator('.profiles-page .count').textContent()) ?? '';
  await search.fill(first.slice(0, 3));
  await expect(page.locator('.profiles-page .count')).not.toHaveText(everyone);
  await expect(rows.first().locator('.cell-name a')).toContainText(first.slice(0, 3));
  await search.press('Escape');
  await expect(rows.first().locator('.cell-name a')).toHaveText(first);

  // The applicant with the most hits: figures, flags, hits, links to the review queue.
  const top = rows.first().locator('.cell-name a');
  const name = (await top.textContent()) ?? '';
  await top.click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const hitTable = page.getByRole('table', { name: '命中记录' });
  await expect(hitTable.locator('tbody tr').first()).toBeVisible();
  expect(await hitTable.locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(page.locator('.profile-page .stat').filter({ hasText: '命中数' }).locator('dd')).not.toHaveText('0');
  const queue = page.getByRole('link', { name: '在审查队列中查看' });
  expect(decodeURIComponent((await queue.getAttribute('href')) ?? '')).toContain(`applicant=${name}`);
  await shoot(page, 'profile.png');
  const number = (await hitTable.locator('tbody tr').first().locator('td').first().textContent()) ?? '';
  await hitTable.locator('tbody tr').first().getByRole('link', { name: '审查' }).click();
  await expect(page).toHaveURL(new RegExp(`#/review\\?decision=all&text=${number}`));
  await page.goBack();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(hitTable.locator('tbody tr').first()).toBeVisible();
  // the profile lists hits (one per filing and mark), the queue one row per filing
  const filings = new Set(await hitTable.locator('tbody tr td:first-child').allTextContents()).size;
  await queue.click();
  await expect(page.locator('.hit-count')).toHaveText(`共 ${filings} 件申请`);
  await page.goBack();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // The dashboard: figures and three charts with data drawn.
  await page.getByRole('button', { name: '统计', exact: true }).click();
  await expect(page.getByRole('heading', { name: '统计' })).toBeVisible();
  const hitTotal = page.locator('.dashboard-page .stat').filter({ hasText: '命中名录' }).locator('dd');
  await expect(hitTotal).not.toHaveText('0');
  const confirmedFigure = page.locator('.dashboard-page .stat').filter({ hasText: '已确认抢注' }).locator('dd');
  await expect(confirmedFigure).not.toHaveText('0');
  expect(await confirmedFigure.evaluate((el) => el.firstChild?.textContent)).toBe(String(confirmedHits));
  await expect(page.locator('.echart canvas')).toHaveCount(3);
  await expect.poll(() => hitsPixels(page, '各类别名录商标命中数')).toBeGreaterThan(500);
  await expect.poll(() => hitsPixels(page, '每周命中数')).toBeGreaterThan(100);
  await expect(page.getByRole('table').filter({ hasText: '涉及名录商标' }).first().locator('tbody tr').first()).toBeVisible();

  // 保存图片: a PNG named after the chart.
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: '各类别名录商标命中数' }).getByRole('button', { name: '保存图片' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^各类别名录商标命中数-\d{4}-\d{2}-\d{2}\.png$/);
  const png = readFileSync(await saved.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.length).toBeGreaterThan(10_000);
  await saved.saveAs(path.join(SHOTS, 'dashboard-chart.png'));

  // 导出 XLSX through the save dialog.
  const workbook = test.info().outputPath('商标监测统计.xlsx');
  await server.queueDialog(workbook);
  await page.getByRole('button', { name: '导出 XLSX' }).click();
  await expect(page.locator('.toast').filter({ hasText: '已导出统计' })).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  expect(book.worksheets.length).toBeGreaterThan(1);

  expect(violations, 'no CSP violation or page error').toEqual([]);
  await page.locator('.toast').click();
  await expect(page.locator('.toast')).toHaveCount(0);
  await page.setViewportSize({ width: 1440, height: 1900 });
  await page.locator('.app-content').evaluate((el) => el.scrollTo(0, 0));
  await shoot(page, 'dashboard.png');
});

test('copying a chart puts a PNG on the clipboard', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await importDevData(server);
  await openApp(page, server);
  await page.getByRole('button', { name: '统计', exact: true }).click();
  const chart = page.getByRole('region', { name: '命中处理情况' });
  await expect(chart.locator('canvas')).toBeVisible();
  await chart.getByRole('button', { name: '复制图片' }).click();
  await expect(page.locator('.toast').filter({ hasText: '已复制「命中处理情况」图片' })).toBeVisible();
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
  expect(types).toContain('image/png');
});

test('a fresh database: the dashboard and the profiles say there is nothing yet', async ({ page, server }) => {
  await openApp(page, server);
  await page.getByRole('button', { name: '统计', exact: true }).click();
  await expect(page.locator('.dashboard-page .stat').filter({ hasText: '命中名录' }).locator('dd')).toHaveText('0');
  await expect(page.locator('.chart-empty').first()).toContainText('还没有命中');
  await expect(page.getByRole('region', { name: '即将到期的异议期限' })).toContainText('近期没有到期的异议期限');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: '申请人与代理机构' }).click();
  await expect(page.locator('.profiles-page .count')).toHaveText('共 0 个申请人');
  await expect(page.locator('.grid-empty')).toContainText('还没有命中保护名录的申请人');
});
