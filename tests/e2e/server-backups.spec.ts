// The backup page in a browser served by the server (issue 11): where the server's backups are, the schedule and
// the last one, no local save; a 科员 is told only a 管理员 may start one, a 管理员 starts one (pg_dump of the
// accounts on the real PostgreSQL) and sees it listed.
import path from 'node:path';
import { expect, goTo, signIn, test } from './server-fixtures';

test('a 科员 sees where the server backs up; a 管理员 starts a server backup', async ({ e2e }) => {
  await e2e.addUser('zhangsan', '张三', '科员');
  await e2e.addUser('root2', '管理员二', '管理员');
  const backupsDir = path.join(e2e.server.services.ctx.config.dataDir, 'backups');

  const clerk = await e2e.newUser();
  await signIn(clerk.page, e2e.url, 'zhangsan');
  await goTo(clerk.page, '备份与恢复');
  const panel = clerk.page.getByRole('region', { name: '服务器备份' });
  await expect(panel).toContainText(backupsDir);
  await expect(panel).toContainText('还没有服务器备份');
  await expect(panel.getByRole('button', { name: '立即备份服务器' })).toBeDisabled();
  await expect(panel).toContainText('管理员');
  await expect(clerk.page.getByRole('button', { name: '立即备份…' })).toHaveCount(0);

  const admin = await e2e.newUser();
  await signIn(admin.page, e2e.url, 'root2');
  await goTo(admin.page, '备份与恢复');
  const adminPanel = admin.page.getByRole('region', { name: '服务器备份' });
  await adminPanel.getByRole('button', { name: '立即备份服务器' }).click();
  await expect(admin.page.getByText(/服务器备份已完成：server-\d{8}-\d{6}/)).toBeVisible();
  await expect(adminPanel).toContainText('共 1 份');
});
