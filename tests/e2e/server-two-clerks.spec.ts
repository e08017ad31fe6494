// Server mode end to end: a real HTTPS server with accounts on PostgreSQL, two browser contexts signed in as two 科员
// on the same registry and batch. One confirms a hit and the other sees it after a refresh; deciding from a view
// that is out of date tells who decided first and shows the current decision. Letters: a 科员 does not get 签发, a
// 处长 does. A session that ends brings the login over the page, and the page is as it was after signing in again.
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FILING_HEADER, filingLine } from '../integration/support/batches';
import { seedConfirmedHitsOn } from '../integration/support/letters';
import { REPO_ROOT } from './fixtures';
import { changeForcedPassword, expect, goTo, seedScreenedBatch, signIn, test } from './server-fixtures';

async function shoot(page: Page, name: string): Promise<void> {
  const dir = path.join(REPO_ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

const rowOf = (page: Page, applicationNumber: string) => page.locator('.hit-grid .grid-body [role="row"]', { hasText: applicationNumber });

async function openQueue(page: Page): Promise<void> {
  await goTo(page, '抢注审查');
  await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('');
  await expect(rowOf(page, '70000003')).toBeVisible();
}

test('two clerks on one server: a confirmation is seen by the other, a stale decision is refused naming who decided', async ({ e2e }) => {
  test.setTimeout(90_000);
  await e2e.addUser('zhangsan', '张三', '科员');
  await e2e.addUser('lisi', '李四', '科员');
  await seedScreenedBatch(e2e.server);
  const a = await e2e.newUser();
  const b = await e2e.newUser();
  await signIn(a.page, e2e.url, 'zhangsan');
  await signIn(b.page, e2e.url, 'lisi');
  await expect(a.page.getByLabel('当前用户')).toContainText('张三');
  await expect(a.page.getByLabel('当前用户')).toContainText('科员');
  await openQueue(a.page);
  await openQueue(b.page);

  await rowOf(a.page, '70000001').click();
  await a.page.keyboard.press('c');
  await expect(rowOf(a.page, '70000001').locator('.decision')).toHaveText('已确认');
  // B still shows it undecided until B refreshes; the session survives the reload (sessionStorage)
  await expect(rowOf(b.page, '70000001').locator('.decision')).toHaveText('待定');
  await b.page.reload();
  await openQueue(b.page);
  await expect(rowOf(b.page, '70000001').locator('.decision')).toHaveText('已确认');

  // A confirms 70000002; B, whose view still shows it undecided, dismisses it
  await rowOf(a.page, '70000002').click();
  await a.page.keyboard.press('c');
  await expect(rowOf(a.page, '70000002').locator('.decision')).toHaveText('已确认');
  await expect(rowOf(b.page, '70000002').locator('.decision')).toHaveText('待定');
  await rowOf(b.page, '70000002').click();
  await b.page.keyboard.press('d');
  const dismiss = b.page.getByRole('dialog', { name: '排除命中' });
  await expect(dismiss).toBeVisible();
  await b.page.keyboard.press('1');
  await b.page.keyboard.press('Enter');
  await expect(b.page.getByText(/未能保存结论：.*已由 张三（zhangsan） 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 改为「确认（疑似恶意抢注）」，本次结论未保存/)).toBeVisible();
  await expect(rowOf(b.page, '70000002').locator('.decision')).toHaveText('已确认');
});

test('letters: a 科员 does not see 签发, a 处长 does', async ({ e2e }) => {
  await e2e.addUser('zhangsan', '张三', '科员');
  await e2e.addUser('wangchu', '王处长', '处长');
  const seeded = await seedConfirmedHitsOn(e2e.server.services.ctx);
  const draft = await e2e.server.services.dispatch('letters.draftFromHits', { hitIds: seeded.gi, kind: 'referral' });
  expect(draft.ok).toBe(true);
  const openDraft = async (page: Page) => {
    await goTo(page, '函件');
    await page.getByRole('tab', { name: '函件存档' }).click();
    await page.getByRole('table', { name: '函件存档' }).getByRole('button', { name: '编辑' }).first().click();
    await expect(page.getByRole('region', { name: '编辑草稿' })).toBeVisible();
  };
  const clerk = await e2e.newUser();
  await signIn(clerk.page, e2e.url, 'zhangsan');
  await openDraft(clerk.page);
  const clerkEditor = clerk.page.getByRole('region', { name: '编辑草稿' });
  await expect(clerkEditor.getByRole('button', { name: '保存草稿' })).toBeVisible();
  await expect(clerkEditor.getByRole('button', { name: '签发…' })).toHaveCount(0);
  await expect(clerkEditor).toContainText('您的角色（科员）无权执行此操作，需要「处长」或更高的角色。');
  await expect(clerk.page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '用户管理' })).toHaveCount(0);

  const head = await e2e.newUser();
  await signIn(head.page, e2e.url, 'wangchu');
  await openDraft(head.page);
  await expect(head.page.getByRole('region', { name: '编辑草稿' }).getByRole('button', { name: '签发…' })).toBeVisible();
});

test('a session that ends brings the login over the page; after signing in again the page is as it was', async ({ e2e }) => {
  await e2e.addUser('zhangsan', '张三', '科员');
  await seedScreenedBatch(e2e.server);
  const { page } = await e2e.newUser();
  await signIn(page, e2e.url, 'zhangsan');
  await openQueue(page);
  await page.getByRole('combobox', { name: '按名录商标筛选' }).selectOption('QH-CM-002');
  await expect(rowOf(page, '70000001')).toHaveCount(0);
  await rowOf(page, '70000002').click();
  await expect(page.getByLabel('命中详情')).toContainText('三江源');
  // the server forgets the session (as after 30 idle minutes); the decision is the first call to find out
  const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('markguard.session') ?? '{}') as { token?: string }).token ?? '');
  await e2e.server.accounts.logout(token);
  await page.keyboard.press('c');
  const relogin = page.getByRole('dialog', { name: '重新登录' });
  await expect(relogin).toContainText('登录已失效，请重新登录。');
  await expect(relogin.getByLabel('登录名')).toHaveValue('zhangsan');
  await relogin.getByLabel('密码').fill('wrong-password-1');
  await relogin.getByRole('button', { name: '登录' }).click();
  await expect(relogin.getByRole('alert')).toHaveText('登录名或密码不正确。');
  await relogin.getByLabel('密码').fill('e2e-password-1');
  await relogin.getByRole('button', { name: '登录' }).click();
  await expect(relogin).toHaveCount(0);
  // the decision held while signed out went through, and the filter is still the one chosen
  await expect(rowOf(page, '70000002').locator('.decision')).toHaveText('已确认');
  await expect(page.getByRole('combobox', { name: '按名录商标筛选' })).toHaveValue('QH-CM-002');
  await expect(rowOf(page, '70000001')).toHaveCount(0);

  await page.getByLabel('当前用户').getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('form', { name: '登录' })).toBeVisible();
});

test('用户管理: a 管理员 creates an account, changes its role, and lifts the lock-out its wrong passwords caused', async ({ e2e }) => {
  const admin = e2e.server.firstAdmin;
  if (!admin) throw new Error('the first start creates the 管理员');
  const { page } = await e2e.newUser();
  await page.goto(e2e.url);
  const form = page.getByRole('form', { name: '登录' });
  await form.getByLabel('登录名').fill(admin.login);
  await form.getByLabel('密码').fill(admin.password);
  await form.getByRole('button', { name: '登录' }).click();
  // the printed one-time password is replaced before anything else is served
  await expect(page.getByText(/您的密码是服务器首次启动时生成的，或由管理员重设的/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await changeForcedPassword(page, admin.password, 'admin-own-password-1');
  await goTo(page, '用户管理');
  await shoot(page, 'server-users');
  const create = page.getByRole('form', { name: '新建账户' });
  await create.getByLabel('登录名').fill('zhaoliu');
  await create.getByLabel('姓名').fill('赵六');
  await create.getByLabel('初始密码').fill('short');
  await create.getByRole('button', { name: '新建账户' }).click();
  await expect(page.getByText('密码至少需要 10 个字符')).toBeVisible();
  await create.getByLabel('初始密码').fill('zhaoliu-password-1');
  await create.getByRole('button', { name: '新建账户' }).click();
  const row = page.getByRole('row', { name: /zhaoliu/ });
  await expect(row).toContainText('赵六');
  await row.getByRole('combobox', { name: 'zhaoliu 的角色' }).selectOption('处长');
  await expect(page.getByText('赵六 的角色已改为 处长（下一次操作起生效）')).toBeVisible();

  // five wrong passwords in another browser lock the account, with the minutes left
  const other = await e2e.newUser();
  await other.page.goto(e2e.url);
  const login = other.page.getByRole('form', { name: '登录' });
  await expect(login).toBeVisible();
  await shoot(other.page, 'server-login');
  await login.getByLabel('登录名').fill('zhaoliu');
  for (let i = 0; i < 5; i++) {
    await login.getByLabel('密码').fill(`wrong-password-${i}`);
    await login.getByRole('button', { name: '登录' }).click();
    // a refused login empties the password field: this answer is in before the next try
    await expect(login.getByLabel('密码')).toHaveValue('');
    await expect(login.getByRole('alert')).toHaveText(i < 4 ? '登录名或密码不正确。' : /账户已锁定 15 分钟/);
  }
  await login.getByLabel('密码').fill('zhaoliu-password-1');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(login.getByRole('alert')).toHaveText(/账户已锁定，请于 \d\d:\d\d 后再试（剩余 15 分钟），或请管理员解锁。/);

  await page.reload();
  await goTo(page, '用户管理');
  await expect(row).toContainText('已锁定');
  await row.getByRole('button', { name: '解锁' }).click();
  await expect(row).toContainText('正常');
  await login.getByLabel('密码').fill('zhaoliu-password-1');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(other.page.getByLabel('当前用户')).toContainText('处长');
  await expect(other.page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '用户管理' })).toHaveCount(0);
});

test('files in the browser: a gazette chosen in the file picker is uploaded and imported; an export is downloaded', async ({ e2e }) => {
  test.setTimeout(90_000);
  await e2e.addUser('zhangsan', '张三', '科员');
  const { page } = await e2e.newUser();
  await signIn(page, e2e.url, 'zhangsan');
  await goTo(page, '筛查批次');
  await page.getByRole('radio', { name: '商标申请公告' }).check();
  const csv = [FILING_HEADER, filingLine('70000011', '可可西里', { niceClass: 29 }), filingLine('70000012', '普通名称', { niceClass: 9 })].join('\r\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  await (await chooser).setFiles({ name: '第1930期.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const mapping = page.getByRole('dialog', { name: '导入文件：核对列对应' });
  await expect(mapping.getByText('第1930期.csv')).toBeVisible();
  await mapping.getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: /^(导入|筛查)进度$/ });
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(panel.locator('.job-result')).toContainText('新增 2 条');

  // a file dropped on the drop zone is uploaded the same way
  await panel.getByRole('button', { name: '关闭' }).click();
  const dropped = [FILING_HEADER, filingLine('70000013', '三江源', { niceClass: 5 })].join('\r\n');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], '第1931期.csv', { type: 'text/csv' }));
    return transfer;
  }, dropped);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(mapping.getByText('第1931期.csv')).toBeVisible();
  await mapping.getByRole('button', { name: '开始导入' }).click();
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(panel.locator('.job-result')).toContainText('新增 1 条');

  // a file that is not a table is refused before it is sent
  const wrong = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  await (await wrong).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not a table') });
  await expect(page.getByText('「logo.png」不是表格文件（CSV、XLSX），请重新选择文件。')).toBeVisible();

  await goTo(page, '抢注审查');
  await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('');
  await expect(rowOf(page, '70000011')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 XLSX/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});
