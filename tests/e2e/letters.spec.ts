// Letters end to end through the web bridge: import the dev gazette, confirm hits in the review queue, draft a
// referral letter from them, edit its rendered text (fields as chips), override a filing's stage, preview the
// pages the PDF will have (screenshots at 1366×768 and 1920×1080), issue, export DOCX and PDF, check the PDF's
// pages against the preview, and find the letter in the archive.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { compact, pdfPages } from '../integration/support/pdf';
import { REPO_ROOT, expect, openApp, test, type WebServer } from './fixtures';

const FILINGS = path.resolve(REPO_ROOT, '..', 'shared', 'bench', 'dev', 'filings.csv');
const OUTPUT = path.join(REPO_ROOT, 'test-results', 'letters');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const ADDED = '请于收函后十五日内将处理情况函复我局。';

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
  // c confirms the current hit and moves on to the next.
  await page.keyboard.press('j');
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('c');
    await expect(rows.nth(i).locator('.decision')).toHaveText('已确认');
  }
}

/** Puts the caret at the end of a rendered text and types there, as a clerk clicking after the last word. */
async function typeAtEnd(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

async function previewShots(page: Page) {
  const preview = page.getByTestId('letter-preview');
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await expect(preview.locator('svg.letter-page').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SHOTS, `letter-preview-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('confirm hits, draft a referral letter, edit its rendered text, preview the PDF pages, issue, export, find it in the archive', async ({ page, server }) => {
  test.skip(!existsSync(FILINGS), `dev set not found: ${FILINGS}`);
  test.setTimeout(150_000);
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(OUTPUT, { recursive: true });
  await openApp(page, server);
  await importAndConfirm(page, server, 3);

  await goTo(page, '函件');
  const candidates = page.locator('.letters-candidates');
  // three filings confirmed in the queue (a decision there covers every mark a filing hits): the candidates list
  // each confirmed hit, and they belong to exactly those three filings
  await expect(candidates.locator('tbody tr').first()).toBeVisible();
  const numbers = await candidates.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(numbers).size).toBe(3);
  const groups = candidates.locator('.letters-group-head input[type="checkbox"]');
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).check();
  await expect(candidates.getByText(`已选 ${numbers.length} 件`)).toBeVisible();
  await page.getByRole('button', { name: '起草移送函' }).click();
  const editor = page.getByRole('region', { name: '编辑草稿' });
  await expect(editor).toBeVisible();

  // The body reads as the letter will: fields are highlighted chips with their values, no {{placeholders}}.
  const body = editor.getByRole('textbox', { name: '正文', exact: true });
  const firstApplicant = (await editor.locator('.letters-filings tbody tr').first().locator('td').nth(1).textContent()) ?? '';
  await expect(body.locator('.field-chip[data-field="申请人"]').first()).not.toHaveText('');
  await expect(body.locator('.field-chip[data-field="法律依据"]')).toContainText('《中华人民共和国商标法》');
  await expect(body).not.toContainText('{{');
  expect(firstApplicant).not.toBe('');
  await page.screenshot({ path: path.join(SHOTS, 'letters-draft.png'), fullPage: true });

  // Edit the rendered text: a new closing paragraph typed after the last word.
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADDED);

  // A name typed in braces that is not a field is named, not left blank.
  const title = editor.getByRole('textbox', { name: '标题' });
  await typeAtEnd(page, title, '{{事由}}');
  await editor.getByRole('button', { name: '预览' }).click();
  await expect(page.locator('.toasts')).toContainText('「{{事由}}」无法识别');
  await title.click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < '{{事由}}'.length; i++) await page.keyboard.press('Backspace');
  await expect(title).not.toContainText('事由');

  // Override the first filing's stage: registered → invalidation under arts. 44/45, never opposition.
  const stage = editor.locator('.letters-filings tbody tr').first().getByRole('combobox', { name: /^程序阶段/ });
  await expect(stage.locator('option').first()).toHaveText(/^自动：/);
  await stage.selectOption('registered');
  const firstRow = editor.locator('.letters-filings tbody tr').first();
  await expect(firstRow.getByRole('combobox', { name: /^请求事项/ })).toHaveValue('宣告无效');
  await expect(firstRow.getByLabel(/^法律依据/)).toHaveValue(/第四十五条第一款|第四十四条第一款/);
  await expect(firstRow.getByLabel(/^法律依据/)).not.toHaveValue(/第三十三条/);
  await expect(editor.getByLabel('与程序阶段不符')).toHaveCount(0);

  // Clear the notices (a click on its text dismisses one; not on a notice's 撤销) so that they do not cover the
  // preview's screenshots.
  const toasts = page.locator('.toasts .toast');
  while ((await toasts.count()) > 0) await toasts.first().click({ timeout: 2_000, position: { x: 6, y: 6 } }).catch(() => undefined);
  await editor.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('letter-preview');
  await expect(preview).toBeVisible();
  const firstPage = preview.locator('svg[data-page="1"]');
  await expect(firstPage.locator('[data-role="head"]')).toHaveText('青海省市场监督管理局');
  await expect(firstPage.locator('[data-role="number"]')).toContainText('（签发时编号）');
  // Both red double rules of the letter format, as in the PDF: thick over thin under the head, thin over thick at the foot.
  await expect(firstPage.locator('line[stroke="#E60012"]')).toHaveCount(4);
  // The typed paragraph is a paragraph of its own, after the closing phrase it was typed after.
  await expect(preview.locator('[data-role="body"]').filter({ hasText: /^请于收函后/ })).toHaveCount(1);
  await expect(preview).toContainText(ADDED);
  await expect(preview).toContainText('宣告无效');
  await expect(page.getByTestId('letter-preview-font')).toContainText('PDF 正文字体：思源宋体 Noto Serif SC（随程序提供），已嵌入 PDF');
  const previewPages = await preview.locator('svg.letter-page').count();
  // The number is flush right: its right edge is where the PDF's will be, whatever number it gets.
  const numberItem = firstPage.locator('[data-role="number"]');
  const numberRight = Number(await numberItem.getAttribute('x')) + Number(await numberItem.getAttribute('textLength'));
  await previewShots(page);
  await page.keyboard.press('Escape');

  await editor.getByRole('button', { name: '签发…' }).click();
  await page.getByRole('dialog', { name: '签发函件' }).getByRole('button', { name: '签发' }).click();
  const archive = page.getByRole('table', { name: '函件存档' });
  const row = archive.locator('tbody tr').first();
  await expect(row).toContainText(/青市监商函〔\d{4}〕1号/);
  await expect(row).toContainText('已签发');
  await expect(row).toContainText('国家知识产权局商标局');
  await expect(row).toContainText('PDF 字体：思源宋体 Noto Serif SC（随程序提供）');
  await page.screenshot({ path: path.join(SHOTS, 'letters-archive.png') });

  const folder = mkdtempSync(path.join(tmpdir(), 'markguard-e2e-letter-'));
  for (const format of ['docx', 'pdf'] as const) {
    const target = path.join(folder, `移送函.${format}`);
    await server.queueDialog(target);
    await row.getByRole('button', { name: `导出 ${format.toUpperCase()}` }).click();
    await expect(page.locator('.toasts')).toContainText(`已导出：${target}`);
    expect(readFileSync(target).subarray(0, 4).toString('latin1')).toBe(format === 'docx' ? 'PK\u0003\u0004' : '%PDF');
  }
  const pdf = path.join(folder, '移送函.pdf');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toMatch(/青市监商函〔\d{4}〕1号/);
  expect(text).toContain(ADDED);
  expect(text).not.toMatch(/第第|期期/);
  // The PDF has the preview's pages, its number where the preview drew it.
  expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])).toBe(previewPages);
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
  const numberTop = words.find((w) => (w[4] ?? '').startsWith('青市监商函'))?.[2];
  const pdfRight = Math.max(...words.filter((w) => w[2] === numberTop).map((w) => Number(w[3])));
  expect(Math.abs(pdfRight - numberRight)).toBeLessThan(2);
  // No page holds only the signature: body lines stand above it on its page (GB/T 9704 7.3.5).
  const pages = pdfPages(pdf);
  const signed = pages.find((p) => p.lines.some((l) => compact(l.text) === '青海省市场监督管理局' && l.xMin > p.width / 2 - 60));
  const signature = signed?.lines.find((l) => compact(l.text) === '青海省市场监督管理局' && l.xMin > (signed?.width ?? 0) / 2 - 60);
  const bodyAbove = signed?.lines.filter((l) => l.yMax < (signature?.yMin ?? 0) && text.includes(compact(l.text)) && !compact(l.text).startsWith('附件') && compact(l.text).length > 4) ?? [];
  expect(bodyAbove.length).toBeGreaterThanOrEqual(2);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUTPUT, 'e2e-letter-page')]);
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
