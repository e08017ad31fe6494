// The screening workflow end to end through the web bridge: import the dev gazette, watch progress, review hits with
// the keyboard, filter by deadline, the listings queue and its complaint list, the deadlines page and the quick check.
// Screenshots of each page go to test-results/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  const previous = page.getByRole('region', { name: /^(导入|筛查)进度$/ });
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
  const panel = page.getByRole('region', { name: /^(导入|筛查)进度$/ });
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
  const panel = page.getByRole('region', { name: /^(导入|筛查)进度$/ });
  await expect(panel.locator('.job-result')).toContainText(/新增 \d+ 条，重复 0 条/);
  const row = page.locator('.batch-table tbody tr').first();
  await expect(row).toContainText('filings.csv');
  await expect(row).toContainText('已完成');
  await shoot(page, 'batches');

  const again = await importFile(page, server, FILINGS, 'filing');
  expect(again).toBe(0);
  await expect(panel.locator('.job-result')).toContainText('新增 0 条，重复 1479 条');
  await expect(page.locator('.batch-table tbody tr')).toHaveCount(2);

  // A registry change marks the batches stale; re-screening them all clears that.
  await goTo(page, '保护名录');
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('格尔木');
  const record = page.locator('.grid-body [role="row"]').filter({ hasText: '格尔木' }).first();
  await record.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog', { name: '删除记录' }).getByRole('button', { name: '删除' }).click();
  await expect(record).toHaveCount(0);
  await goTo(page, '筛查批次');
  const stale = page.locator('.stale-notice');
  await expect(stale).toContainText('2 个批次的命中可能已过时');
  await expect(page.locator('.batch-stale')).toHaveCount(2);
  await shoot(page, 'batches-stale');
  await stale.getByRole('button', { name: '重新筛查全部' }).click();
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: IMPORT_TIMEOUT });
  await expect(panel.locator('.job-result')).toContainText(/^重新筛查完成：2 个批次，命中共 \d+ 条。$/, { timeout: IMPORT_TIMEOUT });
  await expect(stale).toHaveCount(0, { timeout: IMPORT_TIMEOUT });
  await expect(page.locator('.batch-stale')).toHaveCount(0);

  // Re-screening one batch runs the screening phase again.
  const first = page.locator('.batch-table tbody tr').nth(1);
  await first.getByRole('button', { name: '重新筛查' }).click();
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: IMPORT_TIMEOUT });
  await expect(panel.locator('.job-hits dd')).toHaveText(/^\d+$/);
});

test('review hits with the keyboard, filter by deadline, and see what falls due', async ({ page, server }) => {
  skipWithoutDevSet();
  await openApp(page, server);
  await importFile(page, server, FILINGS, 'filing');
  await goTo(page, '抢注审查');
  const rows = page.locator('.hit-grid .grid-body [role="row"]');
  await expect(rows.first()).toBeVisible();
  // The queue opens on what can still be opposed, nearest deadline first; review here every deadline, best first,
  // so that the hits due within 14 days are left undecided for the notice below.
  await page.getByRole('combobox', { name: '按异议期限筛选' }).selectOption('any');
  await page.locator('.hit-grid').getByRole('button', { name: /^分数/ }).click();
  await expect(page.getByRole('columnheader', { name: /^分数/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('.hit-count')).toHaveText(/^共 \d+ 件申请/);
  const total = Number(/共 (\d+) 件申请/.exec((await page.locator('.hit-count').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(2);

  // j, c (moves on to the next hit), d + reason 2 (权利人自有) + Enter
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('命中详情')).toBeVisible();
  await page.keyboard.press('c');
  await expect(rows.nth(0).locator('.decision')).toHaveText('已确认');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('d');
  const dismiss = page.getByRole('dialog', { name: '排除命中' });
  await expect(dismiss).toBeVisible();
  await page.keyboard.press('2');
  await expect(dismiss.getByRole('radio', { name: /权利人自有/ })).toBeChecked();
  await shoot(page, 'review-dismiss');
  await page.keyboard.press('Enter');
  await expect(dismiss).toHaveCount(0);
  await expect(rows.nth(1).locator('.decision')).toHaveText('排除·权利人自有');
  await page.keyboard.press('j');
  await expect(page.getByLabel('命中详情').locator('.aligned .al').first()).toBeVisible();
  await expect(page.getByLabel('命中详情')).toContainText('名录商标');
  await shoot(page, 'review');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shoot(page, 'review-1280');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Export of the current view.
  const xlsx = path.join(mkdtempSync(path.join(tmpdir(), 'markguard-e2e-out-')), 'review.xlsx');
  await server.queueDialog(xlsx);
  await page.getByRole('button', { name: '导出 XLSX' }).click();
  await expect(page.getByRole('status').getByText(/^已导出 \d+ 条到/)).toBeVisible();
  expect(existsSync(xlsx)).toBe(true);

  // The decisions are stored: the confirmed filter shows the one confirmed hit.
  await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('confirmed');
  await expect(page.locator('.hit-count')).toHaveText('共 1 件申请');
  await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('');

  // Deadline filter: every countdown shown is overdue, then every one is within 30 days.
  const countdowns = page.locator('.hit-grid .grid-body .countdown');
  const allMatch = async (pattern: RegExp) => (await countdowns.allTextContents()).every((t) => pattern.test(t));
  await page.getByRole('combobox', { name: '按异议期限筛选' }).selectOption('overdue');
  await expect(page.locator('.hit-count')).not.toHaveText(`共 ${total} 件申请`);
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
  // The whole title is aligned with the mark: the matched characters are coloured inside it.
  const title = page.getByLabel('命中详情').getByLabel('商品标题', { exact: true }).first();
  await expect(title.locator('.al[data-relation]').first()).toBeVisible();
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

function tempCsv(name: string, lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'markguard-e2e-files-')), name);
  writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
  return file;
}

/** A gazette whose headers differ from the standard ones, with one bad row (class 99). */
const OWN_HEADERS = '注册申请号,商标,类别,商品,申请人,地址,代理人,申请日,期号,公告日';
const OWN_ROWS = [
  '71000001,青海胡,33,白酒;青稞酒,西宁某某商贸有限公司,青海省西宁市,,2026-05-01,第1950期,2026-10-20',
  '71000002,可可西裏,29,牛肉,某某食品有限公司,北京市,,2026-05-02,第1950期,2026-10-20',
  '71000003,山水,99,白酒,某某酒业有限公司,四川省成都市,,2026-05-03,第1950期,2026-10-20',
];

async function mapOwnHeaders(page: Page) {
  const mapping = page.getByRole('dialog', { name: '导入文件：核对列对应' });
  const pairs: [string, string][] = [
    ['申请号', '注册申请号'], ['商标名称', '商标'], ['国际分类', '类别'], ['商品服务', '商品'], ['申请人名称', '申请人'],
    ['申请人地址', '地址'], ['代理机构', '代理人'], ['申请日期', '申请日'], ['初审公告期号', '期号'], ['初审公告日期', '公告日'],
  ];
  for (const [field, header] of pairs) {
    const select = mapping.getByRole('combobox', { name: `「${field}」对应的列` });
    if ((await select.count()) > 0) await select.selectOption({ label: header });
  }
  await expect(mapping.getByRole('button', { name: '开始导入' })).toBeEnabled();
}

test('other headers are mapped by hand and remembered; bad rows are listed; a batch can be removed', async ({ page, server }) => {
  await openApp(page, server);
  const file = tempCsv('本单位公告.csv', [OWN_HEADERS, ...OWN_ROWS]);
  await goTo(page, '筛查批次');
  await server.queueDialog(file);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  const mapping = page.getByRole('dialog', { name: '导入文件：核对列对应' });
  await expect(mapping.getByText(/尚未对应：/)).toBeVisible();
  await expect(mapping.getByRole('button', { name: '开始导入' })).toBeDisabled();
  await mapOwnHeaders(page);
  await mapping.getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: /^(导入|筛查)进度$/ });
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: IMPORT_TIMEOUT });
  await expect(panel.locator('.job-result')).toContainText('新增 2 条，重复 0 条，问题行 1 条');

  const row = page.locator('.batch-table tbody tr').first();
  await row.getByRole('button', { name: '查看问题行' }).click();
  const problems = page.getByRole('dialog', { name: /^问题行/ });
  await expect(problems.getByRole('table', { name: '有问题的行' })).toContainText('第 4 行');
  await shoot(page, 'batches-problems');
  await problems.getByRole('button', { name: '关闭' }).first().click();

  // The same headers again: the mapping is remembered.
  await server.queueDialog(file);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  await expect(mapping.getByText(/已套用上次为相同表头记住的列对应/)).toBeVisible();
  await expect(mapping.getByRole('button', { name: '开始导入' })).toBeEnabled();
  await mapping.getByRole('button', { name: '取消' }).click();

  await row.getByRole('button', { name: '删除批次' }).click();
  await page.getByRole('dialog', { name: '删除批次' }).getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.batch-table')).toHaveCount(0);
  await expect(page.getByText('还没有导入过批次。')).toBeVisible();
});

test('a long import can be cancelled and then resumed', async ({ page, server }) => {
  skipWithoutDevSet();
  const source = readFileSync(FILINGS, 'utf8').trim().split(/\r?\n/);
  const header = source[0] ?? '';
  const body = source.slice(1);
  const lines = [header];
  // 60 copies of the dev gazette under new application numbers: long enough to cancel while it runs.
  for (let copy = 0; copy < 60; copy++) {
    for (const line of body) lines.push(line.replace(/^(\d+)/, (n) => String(80_000_000 + copy * 100_000 + (Number(n) % 100_000))));
  }
  const file = tempCsv('大批量公告.csv', lines);
  await openApp(page, server);
  await goTo(page, '筛查批次');
  await server.queueDialog(file);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  await page.getByRole('dialog', { name: '导入文件：核对列对应' }).getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: /^(导入|筛查)进度$/ });
  await expect(panel.locator('.job-processed dd')).toHaveText(/^[\d,]+ \/ 约 [\d,]+ 行$/);
  await expect(panel.locator('.job-processed dd')).not.toHaveText(/^0 /);
  await expect(page.locator('.batch-table tbody tr').first()).toContainText('导入中');
  await shoot(page, 'batches-progress');
  await panel.getByRole('button', { name: '取消' }).click();
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'cancelled', { timeout: IMPORT_TIMEOUT });
  const row = page.locator('.batch-table tbody tr').first();
  await expect(row).toContainText('已取消（未完成）');
  await row.getByRole('button', { name: '继续导入' }).click();
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(row).toContainText('已完成');
  await expect(row.locator('td').nth(4)).toHaveText(String(body.length * 60));

  // Many hits: the queue loads 200 at a time as the table scrolls.
  await goTo(page, '抢注审查');
  const count = page.locator('.hit-count');
  await expect(count).toHaveText(/^共 \d+ 件申请，已载入 200 件$/);
  const body200 = page.locator('.hit-grid .grid-body');
  await body200.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(count).toHaveText(/已载入 400 件|^共 \d+ 件申请$/);
});
