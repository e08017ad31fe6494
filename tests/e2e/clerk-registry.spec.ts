// Issue 10, items 3, 7 and 8 end to end through the web bridge: one mark once (create, import, the review queue),
// profiles at 1366×768, and the small ones a clerk meets first.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, DEV, tableToken } from './clerk-data';
import { expect, expectTotal, openApp, readCounts, test, type WebServer } from './fixtures';



async function screenDevFile(server: WebServer, file: string, kind: 'filing' | 'listing'): Promise<void> {
  const fileToken = await tableToken(server, path.join(DEV, file));
  const mapping = (await api(server, 'batches.previewFile', { fileToken, kind })).mapping;
  const { batchId } = await api(server, 'batches.startImport', { fileToken, kind, mapping });
  await expect
    .poll(async () => (await api(server, 'batches.progress', { batchId })).phase, { timeout: 60_000, intervals: [250] })
    .toBe('done');
}

async function goTo(page: Page, label: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
}

function rowsNamed(page: Page, name: string) {
  return page.locator('.grid-body [role="row"]').filter({ has: page.locator('.cell-name', { hasText: new RegExp(`^${name}$`) }) });
}

async function fillMark(page: Page, fields: Record<string, string>, category: string) {
  const editor = page.getByRole('dialog', { name: '新建记录' });
  for (const [label, value] of Object.entries(fields)) await editor.getByLabel(label, { exact: true }).fill(value);
  await editor.getByLabel('类别', { exact: true }).selectOption(category);
  return editor;
}

test('item 3: a new record repeating a mark asks first, and merging keeps one record', async ({ page, server }) => {
  await openApp(page, server);
  const { total } = await readCounts(page);
  await page.getByRole('button', { name: '新建' }).click();
  const editor = await fillMark(page, { 编号: 'E2E-YAK', 商标名称: '玉樹牦牛', 国际分类: '29;31' }, '地理标志');
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  const choice = editor.getByRole('alert', { name: '同名记录' });
  await expect(choice).toContainText('已有同名同类别的记录');
  await expect(choice).toContainText('玉树牦牛');
  await choice.getByRole('button', { name: /^合并到/ }).click();
  await expect(editor).toBeHidden();
  await expectTotal(page, total);
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('玉树牦牛');
  await expect(rowsNamed(page, '玉树牦牛')).toHaveCount(1);
  await expect(rowsNamed(page, '玉树牦牛')).toContainText('玉樹牦牛'); // joined as an alias
});

test('item 3: an import reports duplicates and merges all of them on request', async ({ page, server }) => {
  await openApp(page, server);
  const { total } = await readCounts(page);
  await server.queueDialog(path.join(DEV, 'registry.csv'));
  await page.getByRole('button', { name: '导入名录' }).click();
  const preview = page.getByRole('dialog', { name: '导入名录：预览' });
  const duplicates = preview.getByRole('region', { name: '同名记录' });
  await expect(duplicates).toContainText('4 行');
  await expect(duplicates).toContainText('玉树牦牛');
  await expect(preview.getByRole('button', { name: '导入 64 行' })).toBeDisabled();
  await preview.getByRole('radio', { name: /全部合并/ }).check();
  await preview.getByRole('button', { name: '导入 64 行' }).click();
  await expect(page.getByRole('status')).toContainText('合并 4 条');
  await expectTotal(page, total + 60);
  // item 8: the 首次启动 notice is gone after the import, and the guide moves on to the gazette
  await expect(page.locator('.sample-notice')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '下一步' }).locator('[aria-current="step"]')).toHaveText('导入初审公告');
});

test('items 3, 7, 8: a filing is one queue row with all its marks; profiles at 1366; listings confirm as 仿冒/侵权; delete warns', async ({ page, server }) => {
  test.setTimeout(240_000);
  const preview = await api(server, 'registry.importPreview', { fileToken: await tableToken(server, path.join(DEV, 'registry.csv')) });
  await api(server, 'registry.importChoose', { token: preview.token, duplicates: 'keep' });
  await api(server, 'registry.importCommit', { token: preview.token });
  await screenDevFile(server, 'filings.csv', 'filing');
  await screenDevFile(server, 'listings.csv', 'listing');

  // item 3: every queue row is another filing, and a filing that hits the kept twin marks lists both
  const queue = await api(server, 'hits.query', { source: 'filing', limit: 1000 });
  const filingIds = queue.rows.map((r) => r.filing?.id);
  expect(new Set(filingIds).size).toBe(filingIds.length);
  const many = queue.rows.find((r) => (r.marksHit?.length ?? 0) > 1);
  expect(many, 'a dev filing hits more than one mark').toBeDefined();

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${server.url.split('#')[0]}#token=${server.token}`);
  await goTo(page, '抢注审查');
  await expect(page.locator('.hit-grid [data-testid="more-marks"]').first()).toBeVisible();

  // item 7: profiles — the 恶意特征 column in view at 1366, the active tab readable under the pointer, one score format
  await goTo(page, '申请人与代理机构');
  const header = page.getByRole('columnheader', { name: '恶意特征' });
  await expect(header).toBeVisible();
  const box = await header.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
  const active = page.getByRole('radiogroup', { name: '名单类型' }).locator('button.active');
  await active.hover();
  const colours = await active.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  expect(colours[0]).not.toBe(colours[1]);
  await page.locator('.profiles-grid .grid-body .cell-name a').first().click();
  await expect(page.locator('.hit-table')).toBeVisible();
  const scoreTexts = await page.locator('.hit-table tbody tr td:nth-child(5)').allTextContents();
  expect(scoreTexts.length).toBeGreaterThan(0);
  for (const text of scoreTexts) expect(text).toMatch(/^[01]\.\d\d$/);

  // item 8: a listing is confirmed as 仿冒/侵权
  await goTo(page, '电商商品');
  await page.locator('.hit-grid .grid-body [role="row"]').first().click();
  await expect(page.getByLabel('命中详情').getByRole('button', { name: /确认（仿冒\/侵权）/ })).toBeVisible();
  await expect(page.getByLabel('命中详情')).not.toContainText('疑似恶意抢注');

  // item 8: deleting a mark with hits says how many
  await goTo(page, '保护名录');
  await page.getByRole('searchbox', { name: '搜索名录' }).fill(many!.markId);
  const row = page.locator('.grid-body [role="row"]').filter({ hasText: many!.markId }).first();
  await row.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除记录' });
  await expect(confirm.locator('.delete-usage')).toContainText(/有 \d+ 条命中/);
  await confirm.getByRole('button', { name: '取消' }).click();
});

test('item 8: dates as the batches write them, sorting by a header, 经办人 from 设置, the first-start guide', async ({ page, server }) => {
  await openApp(page, server);
  // the first start shows the next step where the header shows the data folder (the folder moves to the tooltip)
  const guide = page.getByRole('navigation', { name: '下一步' });
  await expect(guide.locator('[aria-current="step"]')).toHaveText('导入名录');
  await expect(guide).toContainText('导入初审公告');
  await expect(guide).toContainText('审查');
  await expect(page.locator('.data-location')).toHaveAttribute('title', new RegExp(server.dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const { total } = await readCounts(page);
  await expect(page.locator('.sample-notice')).toContainText(`${total} 条`);

  // 经办人 set in 设置 wins
  await goTo(page, '关于与设置');
  await page.getByLabel('经办人').fill('王丽');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('operator-effective')).toHaveText('王丽');

  await goTo(page, '保护名录');
  await page.getByRole('button', { name: '新建' }).click();
  const editor = await fillMark(page, { 编号: 'E2E-DATE', 商标名称: '雪域金谷', 国际分类: '30', 认定日期: '2015年6月1日' }, '省著名商标');
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor).toBeHidden();
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('E2E-DATE');
  const row = page.locator('.grid-body [role="row"]').first();
  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改记录 E2E-DATE' });
  await expect(edit.getByLabel('认定日期', { exact: true })).toHaveValue('2015-06-01');
  await edit.getByLabel('认定日期', { exact: true }).fill('2015/6/2');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toBeHidden();
  await row.getByRole('button', { name: '记录' }).click();
  const history = page.getByRole('dialog', { name: /变更记录|记录/ });
  await expect(history).toContainText('王丽');
  await expect(history).toContainText('2015-06-02');
  await page.keyboard.press('Escape');

  // sort by clicking 编号 twice: descending
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('');
  const idHeader = page.getByRole('columnheader', { name: /编号/ });
  await idHeader.getByRole('button').click();
  await expect(idHeader).toHaveAttribute('aria-sort', 'ascending');
  const firstAsc = await page.locator('.grid-body [role="row"] .cell.mono').first().textContent();
  await idHeader.getByRole('button').click();
  await expect(idHeader).toHaveAttribute('aria-sort', 'descending');
  const firstDesc = await page.locator('.grid-body [role="row"] .cell.mono').first().textContent();
  expect(firstAsc).not.toBe(firstDesc);
  expect([firstAsc, firstDesc].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'zh-CN', { numeric: true }))).toEqual([firstAsc, firstDesc]);
});
