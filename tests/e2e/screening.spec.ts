// The screening workflow end to end through the web bridge: import the dev gazette, watch progress, review hits with
// the keyboard, filter by deadline, the listings queue and its complaint list, the deadlines page and the quick check.
// Screenshots of each page go to test-results/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, expect, openApp, test, type WebServer } from './fixtures';

const DEV = path.resolve(REPO_ROOT, '..', 'shared', 'bench', 'dev');
const FILINGS = path.join(DEV, 'filings.csv');
const LISTINGS = path.join(DEV, 'listings.csv');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const IMPORT_TIMEOUT = 45_000;

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(`${name}.png`, { path: file, contentType: 'image/png' });
}

function skipWithoutDevSet() {
  const missing = [FILINGS, LISTINGS].filter((f) => !existsSync(f));
  if (missing.length > 0) console.log(`screening e2e skipped: dev set not found (${missing.join(', ')})`);
  test.skip(missing.length > 0, `dev set not found: ${missing.join(', ')}`);
}

async function goTo(page: Page, label: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
}

/** Imports a file on the 筛查批次 page with the automatic column mapping and waits until screening is done. */
async function importFile(page: Page, server: WebServer, file: string, kind: 'filing' | 'listing'): Promise<number> {
  await goTo(page, '筛查批次');
  // A finished job's panel from before is closed, so the panel below is this import's.
  const previous = page.getByRole('region', { name: '导入进度' });
  if (await previous.isVisible()) await previous.getByRole('button', { name: '关闭' }).click();
  await expect(previous).toHaveCount(0);
  await page.getByRole('radio', { name: kind === 'filing' ? '商标申请公告' : '电商商品' }).check();
  await server.queueDialog(file);
  await page.getByRole('button', { name: kind === 'filing' ? '选择商标申请公告文件…' : '选择电商商品文件…' }).click();
  const mapping = page.getByRole('dialog', { name: '导入文件：核对列对应' });
  await expect(mapping).toBeVisible();
  await expect(mapping.getByText(path.basename(file))).toBeVisible();
  if (kind === 'filing') await shoot(page, 'batches-mapping');
  await mapping.getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: '导入进度' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: IMPORT_TIMEOUT });
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  return Number(await panel.locator('.job-hits dd').textContent());
}

test('import the dev gazette, see progress and hits; importing it again adds nothing', async ({ page, server }) => {
  skipWithoutDevSet();
  await openApp(page, server);
  const hits = await importFile(page, server, FILINGS, 'filing');
  expect(hits).toBeGreaterThan(0);
  const panel = page.getByRole('region', { name: '导入进度' });
  await expect(panel.locator('.job-result')).toContainText(/新增 \d+ 条，重复 0 条/);
  const row = page.locator('.batch-table tbody tr').first();
  await expect(row).toContainText('filings.csv');
  await expect(row).toContainText('已完成');
  await shoot(page, 'batches');

  const again = await importFile(page, server, FILINGS, 'filing');
  expect(again).toBe(0);
  await expect(panel.locator('.job-result')).toContainText('新增 0 条，重复 1479 条');
  await expect(page.locator('.batch-table tbody tr')).toHaveCount(2);
});

test('review hits with the keyboard, filter by deadline, and see what falls due', async ({ page, server }) => {
  skipWithoutDevSet();
  await openApp(page, server);
  await importFile(page, server, FILINGS, 'filing');
  await goTo(page, '抢注审查');
  const rows = page.locator('.hit-grid .grid-body [role="row"]');
  await expect(rows.first()).toBeVisible();
  const total = Number(/共 (\d+) 条命中/.exec((await page.locator('.hit-count').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(2);

  // j, c, j, d + reason 2 (权利人自有) + Enter
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('命中详情')).toBeVisible();
  await page.keyboard.press('c');
  await expect(rows.nth(0).locator('.decision')).toHaveText('已确认');
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('d');
  const dismiss = page.getByRole('dialog', { name: '排除命中' });
  await expect(dismiss).toBeVisible();
  await page.keyboard.press('2');
  await expect(dismiss.getByRole('radio', { name: /权利人自有/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dismiss).toHaveCount(0);
  await expect(rows.nth(1).locator('.decision')).toHaveText('排除·权利人自有');
  await page.keyboard.press('j');
  await expect(page.getByLabel('命中详情').locator('.aligned .al').first()).toBeVisible();
  await expect(page.getByLabel('命中详情')).toContainText('名录商标');
  await shoot(page, 'review');

  // The decisions are stored: the confirmed filter shows the one confirmed hit.
  await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('confirmed');
  await expect(page.locator('.hit-count')).toHaveText('共 1 条命中');
  await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('');

  // Deadline filter: every countdown shown is overdue, then every one is within 30 days.
  const countdowns = page.locator('.hit-grid .grid-body .countdown');
  const allMatch = async (pattern: RegExp) => (await countdowns.allTextContents()).every((t) => pattern.test(t));
  await page.getByRole('combobox', { name: '按异议期限筛选' }).selectOption('overdue');
  await expect(page.locator('.hit-count')).not.toHaveText(`共 ${total} 条命中`);
  await expect.poll(() => allMatch(/^已过期 \d+ 天$/)).toBe(true);
  await page.getByRole('combobox', { name: '按异议期限筛选' }).selectOption('within30');
  await expect(countdowns.first()).toBeVisible();
  await expect.poll(() => allMatch(/^(剩 \d+ 天|今天截止)$/)).toBe(true);

  // Sorting by a header.
  await page.getByRole('button', { name: /^异议截止/ }).click();
  await expect(page.getByRole('columnheader', { name: /^异议截止/ })).toHaveAttribute('aria-sort', /ascending|descending/);

  // At the next start a notice says how many oppositions fall due within 14 days and links to them.
  await page.reload();
  const notice = page.locator('.deadline-notice');
  await expect(notice).toContainText(/\d+ 件异议期 14 天内届满/);
  await notice.getByRole('button', { name: '去审查' }).click();
  await expect(page.getByRole('heading', { name: '抢注审查' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '按异议期限筛选' })).toHaveValue('within14');
  await expect(countdowns.first()).toBeVisible();
  await expect.poll(() => allMatch(/^(剩 \d+ 天|今天截止)$/)).toBe(true);
  await notice.getByRole('button', { name: '关闭提醒' }).click();
  await expect(notice).toHaveCount(0);

  await goTo(page, '到期提醒');
  await expect(page.getByRole('heading', { name: '到期提醒' })).toBeVisible();
  await expect(page.locator('.deadlines-page .count')).toContainText('14 天内届满');
  await shoot(page, 'deadlines');
});

test('the listings queue highlights the match in the title and exports a complaint list', async ({ page, server }) => {
  skipWithoutDevSet();
  await openApp(page, server);
  const hits = await importFile(page, server, LISTINGS, 'listing');
  expect(hits).toBeGreaterThan(0);
  await goTo(page, '电商商品');
  const rows = page.locator('.hit-grid .grid-body [role="row"]');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.hit-grid .title-match').first()).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('c');
  await expect(rows.nth(0).locator('.decision')).toHaveText('已确认');
  const platform = (await rows.nth(0).locator('[role="cell"]').nth(2).textContent()) ?? '';
  await shoot(page, 'listings');

  await page.getByRole('combobox', { name: '投诉清单的平台' }).selectOption(platform);
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'markguard-e2e-out-')), 'complaints.csv');
  await server.queueDialog(out);
  await page.getByRole('button', { name: '导出投诉清单' }).click();
  await expect(page.getByRole('status').getByText(/已导出.*投诉清单 1 条/)).toBeVisible();
  expect(readFileSync(out, 'utf8')).toContain(platform);
});

test('quick check in the header finds an imitation of a sample registry name', async ({ page, server }) => {
  await openApp(page, server);
  const box = page.getByRole('searchbox', { name: '快速查询' });
  await box.fill('可可西裏');
  const results = page.getByRole('list', { name: '快速查询结果' });
  await expect(results).toContainText('可可西里');
  await expect(results.locator('.al').first()).toBeVisible();
  await shoot(page, 'quick-check');
  await box.fill('青海胡');
  await expect(results).toContainText('青海湖');
  await box.press('Escape');
  await expect(results).toHaveCount(0);
});
