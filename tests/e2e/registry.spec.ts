// The registry page end to end, each test on a fresh database through the web bridge.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, expect, expectTotal, openApp, readCounts, test } from './fixtures';

const HEADER = '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注';
const DEV_REGISTRY = path.resolve(REPO_ROOT, '..', 'shared', 'bench', 'dev', 'registry.csv');
const SCREENSHOT = path.join(REPO_ROOT, 'test-results', 'screenshots', 'registry.png');

/** Writes a file among this test's outputs (cleaned by Playwright at the next run). */
function tempFile(name: string, content: string): string {
  const file = test.info().outputPath(name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content, 'utf8');
  return file;
}

/** Keeps a picture of a state worth looking at among the test outputs (test-results/screenshots/). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(path.dirname(SCREENSHOT), name) });
}

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: '搜索名录' });
  await box.fill(query);
}

function rowsNamed(page: Page, name: string) {
  return page.locator('.grid-body [role="row"]').filter({ has: page.locator('.cell-name', { hasText: new RegExp(`^${name}$`) }) });
}

test('first start shows the sample registry', async ({ page, server }) => {
  await openApp(page, server);
  const { total, shown } = await readCounts(page);
  expect(total).toBeGreaterThan(40);
  expect(shown).toBe(total);
  await expect(page.getByRole('heading', { name: '保护名录' })).toBeVisible();
  // a first start shows the next step where the header shows the data folder; the folder stays in its tooltip
  await expect(page.locator('.data-location')).toHaveAttribute('title', new RegExp(server.dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.getByRole('navigation', { name: '下一步' })).toContainText('导入名录');
  for (const name of ['青海湖', '柴达木枸杞', '可可西里']) {
    await search(page, name);
    await expect(rowsNamed(page, name).first()).toBeVisible();
  }
  // Every category of the sample has its coloured tag.
  await search(page, '');
  for (const category of ['驰名商标', '地理标志', '公共资源']) {
    await page.getByRole('combobox', { name: '按类别筛选' }).selectOption(category);
    await expect(page.locator('.grid-body .tag').first()).toHaveText(category);
  }
});

test('screenshot of the registry page with the sample data', async ({ page, server }) => {
  await openApp(page, server);
  await expect(page.locator('.grid-body [role="row"]').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  await test.info().attach('registry.png', { path: SCREENSHOT, contentType: 'image/png' });
});

test('search by pinyin initials, alias and filters; "/" focuses the search box', async ({ page, server }) => {
  await openApp(page, server);
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: '搜索名录' })).toBeFocused();
  await page.keyboard.type('qhh');
  await expect(rowsNamed(page, '青海湖').first()).toBeVisible();
  await search(page, 'kkxl');
  await expect(rowsNamed(page, '可可西里').first()).toBeVisible();
  // Arrow keys move the selection in the table; Enter opens the selected record.
  await page.locator('.grid-body').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.grid-body [role="row"][aria-selected="true"]')).toContainText('可可西里');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^修改记录/ })).toBeVisible();
  await expect(page.getByRole('dialog', { name: /^修改记录/ }).getByLabel('编号')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('status').getByText('已保存')).toHaveCount(0);
  await search(page, '');
  await page.getByRole('combobox', { name: '按国际分类筛选' }).selectOption('33');
  const { total, shown } = await readCounts(page);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
});

test('add, search, edit, see the history of, and delete a mark', async ({ page, server }) => {
  await openApp(page, server);
  const before = (await readCounts(page)).total;

  await page.getByRole('button', { name: '新建记录' }).click();
  const dialog = page.getByRole('dialog', { name: '新建记录' });
  await dialog.getByLabel('编号').fill('E2E-001');
  await dialog.getByLabel('商标名称').fill('雪山圣泉');
  await dialog.getByLabel('类别').selectOption('省著名商标');
  await dialog.getByLabel('国际分类').fill('32;46');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('「46」不是有效的国际分类')).toBeVisible();
  await dialog.getByLabel('国际分类').fill('32；33');
  await dialog.getByLabel('别名').fill('XSSQ;Snow Spring');
  await dialog.getByLabel('认定日期').fill('2009-02-30');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('不是有效的日期')).toBeVisible();
  await shoot(page, 'editor-errors.png');
  await dialog.getByLabel('认定日期').fill('2009-03-01');
  await dialog.getByLabel('权利人').fill('青海雪山饮品有限公司');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').getByText('已保存')).toBeVisible();
  await expectTotal(page, before + 1);

  await search(page, '雪山圣泉');
  await expect(rowsNamed(page, '雪山圣泉')).toHaveCount(1);
  await search(page, 'xssq');
  const row = rowsNamed(page, '雪山圣泉');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('32;33');
  await search(page, 'snow spring');
  await expect(row).toHaveCount(1);

  // A duplicate 编号 is refused with the server's message.
  await page.getByRole('button', { name: '新建记录' }).click();
  const duplicate = page.getByRole('dialog', { name: '新建记录' });
  await duplicate.getByLabel('编号').fill('E2E-001');
  await duplicate.getByLabel('商标名称').fill('另一个');
  await duplicate.getByLabel('国际分类').fill('30');
  await duplicate.getByRole('button', { name: '保存', exact: true }).click();
  await expect(duplicate.locator('.field-error')).toContainText('E2E-001');
  await duplicate.getByRole('button', { name: '取消' }).click();

  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改记录 E2E-001' });
  await edit.getByLabel('权利人').fill('青海雪山圣泉饮品股份有限公司');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('青海雪山圣泉饮品股份有限公司');

  await row.getByRole('button', { name: '记录' }).click();
  const history = page.getByRole('dialog', { name: /变更记录/ });
  await expect(history.locator('.history-action')).toHaveText(['修改', '新建']);
  const change = history.locator('.history-entry').first().locator('tbody tr');
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('权利人');
  await expect(change).toContainText('青海雪山饮品有限公司');
  await expect(change).toContainText('青海雪山圣泉饮品股份有限公司');
  await shoot(page, 'history.png');
  await history.getByRole('button', { name: '关闭' }).click();

  await row.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除记录' });
  await expect(confirm).toContainText('E2E-001 雪山圣泉');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('status').getByText('已删除')).toBeVisible();
  await expect(row).toHaveCount(0);
  await expectTotal(page, before);
});

test('import the dev registry and see its 64 records', async ({ page, server }) => {
  await openApp(page, server);
  const before = (await readCounts(page)).total;
  await server.queueDialog(DEV_REGISTRY);
  await page.getByRole('button', { name: '导入名录' }).click();
  const preview = page.getByRole('dialog', { name: '导入名录：预览' });
  await expect(preview).toContainText('registry.csv');
  await expect(preview.getByTestId('import-new')).toHaveText('64');
  await expect(preview.getByRole('region', { name: '错误报告' })).toHaveCount(0);
  // four dev records repeat sample ones by name and category: the import waits for a choice
  await expect(preview.getByRole('region', { name: '同名记录' })).toContainText('4 行');
  await expect(preview.getByRole('button', { name: '导入 64 行' })).toBeDisabled();
  await preview.getByRole('radio', { name: /全部保留/ }).check();
  await preview.getByRole('button', { name: '导入 64 行' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByRole('status')).toContainText('新增 64 条');
  await expectTotal(page, before + 64);
  await search(page, 'D001');
  await expect(rowsNamed(page, '加多宝')).toHaveCount(1);
});

test('a file with a wrong header is refused with a clear message and nothing changes', async ({ page, server }) => {
  await openApp(page, server);
  const before = (await readCounts(page)).total;
  await server.queueDialog(tempFile('wrong-header.csv', '编号,名字,类别\nX1,某某,驰名商标\n'));
  await page.getByRole('button', { name: '导入名录' }).click();
  const failed = page.getByRole('dialog', { name: '无法导入' });
  await expect(failed).toContainText('wrong-header.csv');
  await expect(failed.getByRole('alert')).toContainText('商标名称');
  await failed.getByRole('button', { name: '知道了' }).click();
  await expectTotal(page, before);
});

test('bad rows are listed with row number and reason; cancelling imports nothing', async ({ page, server }) => {
  await openApp(page, server);
  const before = (await readCounts(page)).total;
  const rows = [
    HEADER,
    'T001,雪域好物,驰名商标,99,,,,,,',
    'T002,高原红,地理标志,29,,,,,,',
    'T003,,老字号,30,,,,,,',
    'T004,湟源醋,老字号,30,,,,,2020-13-01,',
    'T005,青稞香,不知道,30,,,,,,',
  ];
  await server.queueDialog(tempFile('bad-rows.csv', `${rows.join('\n')}\n`));
  await page.getByRole('button', { name: '导入名录' }).click();
  const preview = page.getByRole('dialog', { name: '导入名录：预览' });
  const report = preview.getByRole('region', { name: '错误报告' });
  await expect(report.locator('[role="row"][aria-rowindex]')).toHaveCount(4);
  for (const rowNumber of [2, 4, 5, 6]) await expect(report).toContainText(`第 ${rowNumber} 行`);
  await expect(report).toContainText('99');
  await expect(preview.getByRole('button', { name: '仅导入正确的 1 行' })).toBeVisible();
  await shoot(page, 'import-problems.png');
  await preview.getByRole('button', { name: '取消（不导入任何数据）' }).click();
  await expect(preview).toBeHidden();
  await expectTotal(page, before);
  await search(page, 'T002');
  await expect(page.locator('.grid-empty')).toHaveText('没有符合条件的记录');
});

for (const format of [
  { button: '导出 CSV', file: '名录导出.csv' },
  { button: '导出 Excel', file: '名录导出.xlsx' },
]) {
  test(`${format.button} and re-import: nothing new, nothing changed`, async ({ page, server }) => {
    await openApp(page, server);
    const { total } = await readCounts(page);
    const exported = test.info().outputPath(format.file);
    await server.queueDialog(exported);
    await page.getByRole('button', { name: format.button }).click();
    await expect(page.getByRole('status')).toContainText(`已导出 ${total} 条`);

    await server.queueDialog(exported);
    await page.getByRole('button', { name: '导入名录' }).click();
    const preview = page.getByRole('dialog', { name: '导入名录：预览' });
    await expect(preview).toContainText(format.file);
    await expect(preview.getByTestId('import-new')).toHaveText('0');
    await expect(preview.getByTestId('import-changed')).toHaveText('0');
    await expect(preview.getByTestId('import-unchanged')).toHaveText(String(total));
    await expect(preview).toContainText('完全一致');
    await preview.getByRole('button', { name: '取消' }).click();
    await expectTotal(page, total);
  });
}

test('a cancelled file dialog does nothing', async ({ page, server }) => {
  await openApp(page, server);
  await server.queueDialog(null);
  await page.getByRole('button', { name: '导入名录' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The cancel was consumed (answers are first in, first out): the next import opens the next file.
  await server.queueDialog(DEV_REGISTRY);
  await page.getByRole('button', { name: '导入名录' }).click();
  await expect(page.getByRole('dialog', { name: '导入名录：预览' })).toContainText('registry.csv');
});

test('a cancelled save dialog writes nothing and says nothing went wrong', async ({ page, server }) => {
  await openApp(page, server);
  const exported = test.info().outputPath('名录导出.xlsx');
  await server.queueDialog(null);
  await page.getByRole('button', { name: '导出 Excel' }).click();
  // the next export gets the next answer: the cancel was consumed by the main process's save dialog
  await server.queueDialog(exported);
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await expect(page.getByRole('status')).toContainText('已导出');
  await expect(page.locator('.toast').filter({ hasText: '失败' })).toHaveCount(0);
});

test('10,000 records: the table stays virtualized and search still answers', async ({ page, server }) => {
  const chars = '青海湖山川雪域高原牦牛枸杞茶卡盐湖金银河源草原春秋红绿蓝白天地人和';
  const lines = [HEADER];
  for (let i = 0; i < 10_000; i++) {
    const name = [0, 1, 2].map((k) => chars[(i * 7 + k * 13 + Math.floor(i / 31)) % chars.length]).join('') + String(i);
    lines.push(`M${String(i).padStart(5, '0')},${name},省著名商标,${(i % 45) + 1},${100000 + i},权利人${i},,,,`);
  }
  lines.push('M99999,可可西里雪山,省著名商标,29,,,,,,');
  await openApp(page, server);
  const before = (await readCounts(page)).total;
  await server.queueDialog(tempFile('large.csv', `${lines.join('\n')}\n`));
  await page.getByRole('button', { name: '导入名录' }).click();
  const preview = page.getByRole('dialog', { name: '导入名录：预览' });
  await expect(preview.getByTestId('import-new')).toHaveText('10001', { timeout: 30_000 });
  await preview.getByRole('button', { name: '导入 10001 行' }).click();
  await expectTotal(page, before + 10_001);

  // Only the rows in view are in the DOM.
  expect(await page.locator('.grid-body [role="row"]').count()).toBeLessThan(80);
  await page.locator('.grid-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // The header is row 1, so the last record is row total + 1.
  await expect(page.locator(`.grid-body [role="row"][aria-rowindex="${before + 10_001 + 1}"]`)).toBeVisible();

  await search(page, 'kkxlxs');
  await expect(page.locator('.count')).toHaveText(`共 ${before + 10_001} 条，显示 1 条`);
  await search(page, 'M09999');
  await expect(page.locator('.grid-body [role="row"]')).toHaveCount(1);
  await search(page, '');
  // the cleared search shows every record again before the class filter is chosen (the search is debounced: read
  // at once, the count was the filter applied to the last search's one record)
  await expect(page.locator('.count')).toHaveText(`共 ${before + 10_001} 条，显示 ${before + 10_001} 条`);
  await page.getByRole('combobox', { name: '按国际分类筛选' }).selectOption('45');
  await expect.poll(async () => (await readCounts(page)).shown).toBeGreaterThanOrEqual(222);
});
