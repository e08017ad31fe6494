// 连接到服务器 end to end (issue 11): the page of the desktop app (here through the loopback bridge, which runs the
// same connection as the Electron main process) connects to a real `npm run server` on loopback — the fingerprint
// read from the server and confirmed by the clerk, then the login — works on the server's data as its user, and
// comes back to its own database on 断开连接.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { goTo } from './clerk-data';
import { changeForcedPassword } from './forced-password';
import { REPO_ROOT, expect, openApp, test } from './fixtures';

interface DivisionServer {
  child: ChildProcess;
  url: string;
  fingerprint: string;
  adminPassword: string;
  dataDir: string;
}

/** `node out/server.cjs` as a division starts it (accounts in a SQLite file here: the e2e needs no PostgreSQL schema). */
function startDivisionServer(): Promise<DivisionServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'markguard-e2e-server-'));
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'out', 'server.cjs'), '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, MARKGUARD_DATABASE_URL: 'sqlite:accounts.sqlite' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /^MARKGUARD_SERVER_URL=(\S+)$/m.exec(out)?.[1];
      const fingerprint = /^MARKGUARD_SERVER_FINGERPRINT=(\S+)$/m.exec(out)?.[1];
      const adminPassword = /一次性密码 (\S+)/.exec(out)?.[1];
      if (url && fingerprint && adminPassword) {
        clearTimeout(timer);
        resolve({ child, url, fingerprint, adminPassword, dataDir });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

let division: DivisionServer | undefined;
test.afterEach(async () => {
  if (!division) return;
  const exited = new Promise((resolve) => division!.child.once('exit', resolve));
  division.child.kill('SIGTERM');
  await exited;
  rmSync(division.dataDir, { recursive: true, force: true });
  division = undefined;
});

test('connects to a division server after the clerk confirms its fingerprint, and disconnects back to its own data', async ({ page, server }) => {
  division = await startDivisionServer();
  await openApp(page, server);
  await page.getByRole('button', { name: '关于与设置' }).click();
  const about = page.locator('.info-list');
  await expect(about).toContainText(server.dataDir);

  const section = page.getByRole('region', { name: '连接到服务器' });
  await section.getByLabel('服务器地址').fill(division.url.replace('https://', ''));
  await section.getByRole('button', { name: '读取服务器指纹' }).click();
  const check = section.getByRole('group', { name: '核对证书指纹' });
  // what the clerk compares: the fingerprint the server printed on its console
  await expect(check.getByTestId('presented-fingerprint')).toHaveText(division.fingerprint.toUpperCase());
  await check.getByRole('button', { name: '指纹一致，信任此服务器' }).click();
  await expect(section.getByLabel('证书指纹（SHA-256）')).toHaveValue(division.fingerprint.toUpperCase());
  await section.getByLabel('登录名').fill('admin');
  await section.getByLabel('密码').fill('not-the-password');
  await section.getByRole('button', { name: '连接并登录' }).click();
  await expect(section.getByRole('alert')).toContainText('密码');
  await section.getByLabel('密码').fill(division.adminPassword);
  await section.getByRole('button', { name: '连接并登录' }).click();
  // the printed one-time password is replaced first: the server serves nothing else until then
  await changeForcedPassword(page, division.adminPassword, 'admin-own-password-1');

  const host = new URL(division.url).host;
  await expect(page.getByTestId('server-badge')).toContainText(`已连接到服务器 ${host}（管理员，管理员）`);
  // the pages follow the connection's role (shared/roles.ts): its 管理员 gets 用户管理, which local data has not
  const usersNav = page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '用户管理' });
  await expect(usersNav).toBeVisible();
  await usersNav.click();
  await expect(page.getByRole('row', { name: /admin/ })).toContainText('管理员');
  await page.getByRole('button', { name: '关于与设置' }).click();
  await expect(about).toContainText(division.dataDir);
  await expect(page.getByRole('region', { name: '连接到服务器' })).toContainText(`已连接到服务器 ${host}`);

  // 备份与恢复 shows the server's backups, not a local save; the 管理员 starts one on the server
  await page.getByRole('button', { name: '备份与恢复' }).click();
  const backups = page.getByRole('region', { name: '服务器备份' });
  await expect(backups).toContainText(path.join(division.dataDir, 'backups'));
  await expect(backups).toContainText('还没有服务器备份');
  await expect(page.getByRole('button', { name: '立即备份…' })).toHaveCount(0);
  await backups.getByRole('button', { name: '立即备份服务器' }).click();
  await expect(page.getByText(/服务器备份已完成：server-\d{8}-\d{6}/)).toBeVisible();
  await expect(backups).toContainText('共 1 份');
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'server-backups.png') });

  await page.getByTestId('server-badge').getByRole('button', { name: '断开连接' }).click();
  await expect(page.getByTestId('server-badge')).toHaveCount(0);
  await expect(usersNav).toHaveCount(0);
  await page.getByRole('button', { name: '关于与设置' }).click();
  await expect(about).toContainText(server.dataDir);
  // the saved server fills the form in again; the password is never kept
  await expect(page.getByRole('region', { name: '连接到服务器' }).getByLabel('服务器地址')).toHaveValue(division.url);
  await expect(page.getByRole('region', { name: '连接到服务器' }).getByLabel('密码')).toHaveValue('');
});

test('connected, a table chosen on the desktop is uploaded and imported into the server’s batches, and an export is saved here', async ({ page, server }) => {
  test.setTimeout(120_000);
  division = await startDivisionServer();
  const table = path.join(server.dataDir, '第1966期.csv');
  const header = '申请号,商标名称,国际分类,商品服务,申请人名称,申请人地址,代理机构,申请日期,初审公告期号,初审公告日期';
  const line = (number: string, mark: string) => [number, mark, 33, '白酒', '某某贸易有限公司', '深圳市南山区1号', '某某代理有限公司', '2026-05-01', '第1966期', '2026-11-20'].join(',');
  writeFileSync(table, [header, line('70000001', '测试商标甲'), line('70000002', '测试商标乙')].join('\r\n'));
  await openApp(page, server);
  await page.getByRole('button', { name: '关于与设置' }).click();
  const section = page.getByRole('region', { name: '连接到服务器' });
  await section.getByLabel('服务器地址').fill(division.url);
  await section.getByLabel('证书指纹（SHA-256）').fill(division.fingerprint);
  await section.getByLabel('登录名').fill('admin');
  await section.getByLabel('密码').fill(division.adminPassword);
  await section.getByRole('button', { name: '连接并登录' }).click();
  await changeForcedPassword(page, division.adminPassword, 'admin-own-password-1');
  await expect(page.getByTestId('server-badge')).toContainText('已连接到服务器');

  await goTo(page, '筛查批次');
  // the desktop's own open dialog (queued here) chooses the file on this computer; the main process uploads it
  await server.queueDialog(table);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  await page.getByRole('dialog', { name: '导入文件：核对列对应' }).getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: '导入进度' });
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(panel.locator('.job-result')).toContainText('新增 2 条');
  await expect(page.locator('.batch-table tbody tr').first().locator('.batch-file')).toHaveText('第1966期.csv');

  // an export while connected: asked for here, written by the server, saved where the clerk chose on this computer
  await goTo(page, '保护名录');
  const exported = test.info().outputPath('名录导出.csv');
  await server.queueDialog(exported);
  await page.getByRole('button', { name: '导出 CSV' }).click();
  await expect(page.getByRole('status')).toContainText('已导出');
  expect(readFileSync(exported, 'utf8')).toContain('商标名称');

  // the batch is the server's: the desktop's own database has none after 断开连接
  await page.getByTestId('server-badge').getByRole('button', { name: '断开连接' }).click();
  await expect(page.getByTestId('server-badge')).toHaveCount(0);
  await goTo(page, '筛查批次');
  await expect(page.locator('.batch-table tbody tr .batch-file').filter({ hasText: '第1966期.csv' })).toHaveCount(0);
});
