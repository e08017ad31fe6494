// Letters end to end through the web bridge: import the dev gazette, confirm hits in the review queue, draft a
// referral letter from them, edit its text, preview, issue, export DOCX and PDF, and find it in the archive.
// The preview screenshot and page 1 of the exported PDF go to test-results/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, expect, openApp, test, type WebServer } from './fixtures';

const FILINGS = path.resolve(REPO_ROOT, '..', 'shared', 'bench', 'dev', 'filings.csv');
const OUTPUT = path.join(REPO_ROOT, 'test-results', 'letters');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

async function goTo(page: Page, label: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
}

async function importAndConfirm(page: Page, server: WebServer, count: number) {
  await goTo(page, '筛查批次');
  await page.getByRole('radio', { name: '商标申请公告' }).check();
  await server.queueDialog(FILINGS);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  await page.getByRole('dialog', { name: '导入文件：核对列对应' }).getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: '导入进度' });
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await goTo(page, '抢注审查');
  const rows = page.locator('.hit-grid .grid-body [role="row"]');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    await expect(rows.nth(i).locator('.decision')).toHaveText('已确认');
  }
}

test('confirm hits, draft a referral letter, preview, issue, export DOCX and PDF, find it in the archive', async ({ page, server }) => {
  test.skip(!existsSync(FILINGS), `dev set not found: ${FILINGS}`);
  test.setTimeout(120_000);
  await openApp(page, server);
  await importAndConfirm(page, server, 3);

  await goTo(page, '函件');
  const candidates = page.locator('.letters-candidates');
  await expect(candidates.locator('tbody tr')).toHaveCount(3);
  const groups = candidates.locator('.letters-group-head input[type="checkbox"]');
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).check();
  await expect(candidates.getByText('已选 3 件')).toBeVisible();
  await page.getByRole('button', { name: '起草移送函' }).click();
  const editor = page.getByRole('region', { name: '编辑草稿' });
  await expect(editor).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'letters-draft.png'), fullPage: true });
  const body = editor.getByLabel('正文', { exact: true });
  await body.fill(`${await body.inputValue()}\n请于收函后十五日内将处理情况函复我局。`);

  // An unknown placeholder is named, not left blank.
  await editor.getByLabel('标题').fill('{{发文机关}}关于{{事由}}的函');
  await editor.getByRole('button', { name: '预览' }).click();
  await expect(page.locator('.toasts')).toContainText('「{{事由}}」无法识别');
  await editor.getByLabel('标题').fill('{{发文机关}}关于提请对{{申请人}}申请注册的{{申请件数}}件商标{{请求事项}}的函');

  await editor.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('letter-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('.letter-head')).toHaveText('青海省市场监督管理局');
  await expect(preview.locator('.letter-number')).toContainText('（签发时编号）');
  await expect(preview).toContainText('请于收函后十五日内将处理情况函复我局。');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SHOTS, 'letters-preview.png') });
  await page.keyboard.press('Escape');

  await editor.getByRole('button', { name: '签发…' }).click();
  await page.getByRole('dialog', { name: '签发函件' }).getByRole('button', { name: '签发' }).click();
  const archive = page.getByRole('table', { name: '函件存档' });
  const row = archive.locator('tbody tr').first();
  await expect(row).toContainText(/青市监商函〔\d{4}〕1号/);
  await expect(row).toContainText('已签发');
  await expect(row).toContainText('国家知识产权局商标局');
  await page.screenshot({ path: path.join(SHOTS, 'letters-archive.png') });

  const folder = mkdtempSync(path.join(tmpdir(), 'markguard-e2e-letter-'));
  for (const format of ['docx', 'pdf'] as const) {
    const target = path.join(folder, `移送函.${format}`);
    await server.queueDialog(target);
    await row.getByRole('button', { name: `导出 ${format.toUpperCase()}` }).click();
    await expect(page.locator('.toasts')).toContainText(`已导出：${target}`);
    expect(readFileSync(target).subarray(0, 4).toString('latin1')).toBe(format === 'docx' ? 'PK\u0003\u0004' : '%PDF');
  }
  mkdirSync(OUTPUT, { recursive: true });
  const pdf = path.join(folder, '移送函.pdf');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toMatch(/青市监商函〔\d{4}〕1号/);
  expect(text).toContain('请于收函后十五日内将处理情况函复我局。');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(OUTPUT, 'e2e-letter-page-1')]);
  rmSync(folder, { recursive: true, force: true });

  // 更正重发: a correction under the next number supersedes the letter, which stays in the archive.
  await row.getByRole('button', { name: '更正重发' }).click();
  await expect(editor).toContainText(/更正并替代 青市监商函〔\d{4}〕1号/);
  await editor.getByRole('button', { name: '签发…' }).click();
  await page.getByRole('dialog', { name: '签发函件' }).getByRole('button', { name: '签发' }).click();
  await expect(archive.locator('tbody tr')).toHaveCount(2);
  await expect(archive.locator('tbody tr').nth(0)).toContainText(/青市监商函〔\d{4}〕2号.*已签发/);
  await expect(archive.locator('tbody tr').nth(1)).toContainText(/青市监商函〔\d{4}〕1号.*已被替代/);

  // The hits now show the letter: nothing is left to draft for them.
  await page.getByRole('tab', { name: '起草' }).click();
  await expect(page.getByText('没有待起草的已确认结果')).toBeVisible();
});
