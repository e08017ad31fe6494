// 备份与恢复 and 关于, end to end on a fresh database.
import path from 'node:path';
import { REPO_ROOT, expect, expectTotal, openApp, readCounts, test } from './fixtures';

test('back up, change the registry, restore the backup and see the old registry', async ({ page, server }) => {
  await openApp(page, server);
  const { total } = await readCounts(page);
  const backupFile = test.info().outputPath('备份.sqlite');

  await page.getByRole('button', { name: '备份与恢复' }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  await expect(page.getByRole('table', { name: '自动备份' }).or(page.getByText('还没有自动备份。'))).toBeVisible();
  await server.queueDialog(backupFile);
  await page.getByRole('button', { name: '立即备份…' }).click();
  await expect(page.getByRole('status')).toContainText('备份已保存');

  // Change the registry: delete the first record.
  await page.getByRole('button', { name: '保护名录' }).click();
  await page.locator('.grid-body [role="row"]').first().getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog', { name: '删除记录' }).getByRole('button', { name: '删除' }).click();
  await expectTotal(page, total - 1);

  await page.getByRole('button', { name: '备份与恢复' }).click();
  await server.queueDialog(backupFile);
  await page.getByRole('button', { name: '从备份恢复…' }).click();
  const confirm = page.getByRole('dialog', { name: '从备份恢复' });
  // the page is told the chosen file's name only; its path stays in the main process (issue 9, item 19)
  await expect(confirm).toContainText(path.basename(backupFile));
  await expect(confirm).not.toContainText(path.dirname(backupFile));
  await expect(confirm).toContainText('当前数据库不会被删除');
  await confirm.getByRole('button', { name: '恢复' }).click();
  await expect(page.locator('.info-banner')).toContainText(`名录共 ${total} 条`);
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'backup.png') });

  await page.getByRole('button', { name: '保护名录' }).click();
  await expectTotal(page, total);
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'registry-after-restore.png') });
});

test('the About page shows version, schema and where the data lives', async ({ page, server }) => {
  await openApp(page, server);
  // The Electron menu's 关于 sets the fragment, as here; a reload stays on the page.
  await page.evaluate(() => {
    window.location.hash = '#/about';
  });
  await expect(page.getByRole('button', { name: '关于' })).toHaveAttribute('aria-current', 'page');
  await page.reload();
  const info = page.locator('.info-list');
  await expect(info).toContainText('版本');
  await expect(info).toContainText(server.dataDir);
  await expect(info).toContainText('浏览器');
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'about.png') });
});
