// Issue 10 item 5: batches a clerk can tell apart — file name and 期号, a "去审查 N 条命中" link to the batch's hits,
// no 完成时间 while screening, counts that say what was read, 重新筛查全部 only when the registry changed (and its
// notice totals every batch), and a hint when a listings file is chosen as a gazette.
import { expect, openApp, test } from './fixtures';
import { FILINGS, LISTINGS, goTo, hitTotal, importBatch, shoot, skipWithoutDevSet } from './clerk-data';

test('batches show file, 期号, a link to their hits and what they read; re-screen all only when out of date', async ({ page, server }) => {
  skipWithoutDevSet();
  test.setTimeout(180_000);
  const filings = await importBatch(server, FILINGS, 'filing');
  const listings = await importBatch(server, LISTINGS, 'listing');
  await openApp(page, server);
  await goTo(page, '筛查批次');
  const filingRow = page.locator(`.batch-table tbody tr[data-batch-id="${filings}"]`);
  const listingRow = page.locator(`.batch-table tbody tr[data-batch-id="${listings}"]`);
  await expect(filingRow.locator('.batch-file')).toHaveText('filings.csv');
  await expect(filingRow.locator('.batch-issues')).toHaveText(/^第\d+–\d+期（\d+ 期）$/);
  await expect(listingRow.locator('.batch-issues')).toHaveText('—');
  // Registry unchanged: nothing to re-screen, so no such button.
  await expect(page.getByRole('button', { name: /重新筛查全部/ })).toHaveCount(0);

  // 去审查 N 条命中 opens the queue on that batch's hits: all N of them, a filing that hits several marks as one row.
  const link = filingRow.getByRole('link', { name: /^去审查 \d+ 条命中$/ });
  const n = Number(/(\d+)/.exec((await link.textContent()) ?? '')?.[1]);
  expect(n).toBeGreaterThan(0);
  await link.click();
  await expect(page.getByRole('heading', { name: '抢注审查' })).toBeVisible();
  await expect(page.locator('.filter-chip')).toContainText(`批次 #${filings}`);
  const rows = await hitTotal(page);
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThanOrEqual(n);

  // The registry changes: both batches are out of date; 重新筛查全部 appears and its notice totals both.
  await goTo(page, '保护名录');
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('格尔木');
  const record = page.locator('.grid-body [role="row"]').filter({ hasText: '格尔木' }).first();
  await record.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog', { name: '删除记录' }).getByRole('button', { name: '删除' }).click();
  await expect(record).toHaveCount(0);
  await goTo(page, '筛查批次');
  await expect(page.locator('.stale-notice')).toContainText('2 个批次的命中可能已过时');
  await page.getByRole('button', { name: '名录已更新，重新筛查全部' }).click();
  const panel = page.getByRole('region', { name: '筛查进度' });
  const result = panel.locator('.job-result');
  await expect(result).toHaveText(/^重新筛查完成：2 个批次，命中共 \d+ 条。$/, { timeout: 90_000 });
  await expect(page.locator('.toast').filter({ hasText: /^重新筛查完成：2 个批次/ })).toBeVisible();
  await expect(page.locator('.stale-notice')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /重新筛查全部/ })).toHaveCount(0);
  const hitsOf = async (row: typeof filingRow) => Number(((await row.locator('.batch-hits').textContent()) ?? '').replace(/\D/g, ''));
  await expect(filingRow.locator('td').nth(11)).not.toHaveText('—');
  const sum = (await hitsOf(filingRow)) + (await hitsOf(listingRow));
  await expect(result).toHaveText(`重新筛查完成：2 个批次，命中共 ${sum} 条。`);
  await shoot(page, 'batches-clerk');
});

test('importing a gazette again says it read every row; a listings file chosen as a gazette gets a hint', async ({ page, server }) => {
  skipWithoutDevSet();
  test.setTimeout(120_000);
  await importBatch(server, FILINGS, 'filing');
  await openApp(page, server);
  await goTo(page, '筛查批次');
  await server.queueDialog(FILINGS);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  await page.getByRole('dialog', { name: '导入文件：核对列对应' }).getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: '导入进度' });
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(panel.locator('.job-result')).toContainText('新增 0 条，重复 1479 条');
  await expect(panel.locator('.job-processed')).toHaveText('已读取1,479 行');
  await expect(page.locator('.batch-table tbody tr').first().locator('td').nth(4)).toHaveText('1479');

  await page.getByRole('radio', { name: '商标申请公告' }).check();
  await server.queueDialog(LISTINGS);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  const dialog = page.getByRole('dialog', { name: '导入文件：核对列对应' });
  await expect(dialog.getByRole('alert')).toContainText('这个文件的表头像是电商商品文件');
  await dialog.getByRole('button', { name: '取消' }).click();
});
