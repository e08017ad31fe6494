// Issue 12 end to end through the web bridge: a mark gets a logo drawn by the test; a gazette table comes with a
// ZIP of images named by 申请号 (one a mirrored JPEG copy of the logo, one naming no row); the image hit shows both
// figures side by side with 图形近似; confirmed with c; a referral letter drafted from it shows both figures in its
// preview, and its DOCX and PDF carry them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { zipSync } from 'fflate';
import JSZip from 'jszip';
import sharp from 'sharp';
import { FILING_HEADER, filingLine } from '../integration/support/batches';
import { REPO_ROOT, expect, openApp, test } from './fixtures';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="200"><rect width="240" height="200" fill="#fff"/>
  <circle cx="120" cy="100" r="70" fill="none" stroke="#1d3f8f" stroke-width="18"/><polygon points="120,45 160,150 80,150" fill="#c22"/>
  <rect x="150" y="20" width="60" height="18" fill="#1d3f8f"/></svg>`;

async function goTo(page: Page, label: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
}

async function loaded(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

/** The gazette table and its ZIP, written by the test into its output folder. */
async function gazetteWithImages(): Promise<{ table: string; zip: string; logo: string }> {
  const folder = test.info().outputPath('gazette');
  mkdirSync(folder, { recursive: true });
  const logo = path.join(folder, '青海湖图样.png');
  writeFileSync(logo, await sharp(Buffer.from(LOGO)).png().toBuffer());
  const table = path.join(folder, '第1970期.csv');
  writeFileSync(table, [FILING_HEADER, filingLine('88000001', '红枫叶', { niceClass: 32 }), filingLine('88000002', '松鹤延年', { niceClass: 30 })].join('\r\n'));
  const copy = await sharp(Buffer.from(LOGO)).flop().jpeg({ quality: 75 }).toBuffer();
  const zip = path.join(folder, '第1970期图样.zip');
  writeFileSync(zip, zipSync({ '88000001.jpg': copy, '99999999.png': readFileSync(logo) }));
  return { table, zip, logo };
}

test('import a gazette with a ZIP of images, see the image hit side by side, confirm it, draft a letter showing both images', async ({ page, server }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const { table, zip, logo } = await gazetteWithImages();
  await openApp(page, server);

  // the registry's 青海湖 gets the logo
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('青海湖');
  const record = page.locator('.grid-body [role="row"]').filter({ has: page.locator('.cell-name', { hasText: /^青海湖$/ }) }).first();
  await record.getByRole('button', { name: '修改' }).click();
  const editor = page.getByRole('dialog', { name: /^修改记录/ });
  await server.queueDialog(logo);
  await editor.getByRole('button', { name: '添加图样' }).click();
  await loaded(editor.getByRole('img', { name: '图样 1' }));
  await editor.getByRole('button', { name: '取消' }).click();

  // the gazette table, then its ZIP chosen beside it in the mapping dialog
  await goTo(page, '筛查批次');
  await page.getByRole('radio', { name: '商标申请公告' }).check();
  await server.queueDialog(table);
  await page.getByRole('button', { name: '选择商标申请公告文件…' }).click();
  const mapping = page.getByRole('dialog', { name: '导入文件：核对列对应' });
  await server.queueDialog(zip);
  await mapping.getByRole('button', { name: '选择图样压缩包（ZIP）' }).click();
  await expect(mapping.getByText('第1970期图样.zip')).toBeVisible();
  await mapping.getByRole('button', { name: '开始导入' }).click();
  const panel = page.getByRole('region', { name: /^(导入|筛查)进度$/ });
  await expect(panel.locator('.job-phase')).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  // the image naming no row is listed with the batch's problems; both rows are imported
  const batch = page.locator('.batch-table tbody tr').first();
  await expect(batch).toContainText('图样问题 1');
  await batch.getByRole('button', { name: '查看问题行' }).click();
  await expect(page.getByRole('dialog')).toContainText('图样「99999999.png」没有对应的行');
  await page.keyboard.press('Escape');

  // the review: the image hit with both figures side by side, confirmed with c
  await goTo(page, '抢注审查');
  const row = page.locator('.hit-grid .grid-body [role="row"]').filter({ hasText: '88000001' });
  await row.click();
  const detail = page.getByLabel('命中详情');
  await expect(detail).toContainText('图形近似');
  const figures = detail.getByLabel('图样对比');
  await loaded(figures.getByRole('img', { name: '申请商标图样' }));
  await loaded(figures.getByRole('img', { name: '名录商标图样' }));
  await expect(detail).toContainText('青海湖');
  await page.screenshot({ path: path.join(SHOTS, 'review-image-hit.png') });
  await page.keyboard.press('c');
  await expect(row.locator('.decision')).toHaveText('已确认');

  // the letter: drafted from the confirmed hit; the preview's attachment shows both figures
  await goTo(page, '函件');
  const candidates = page.locator('.letters-candidates');
  await expect(candidates).toContainText('88000001');
  await candidates.locator('.letters-group-head input[type="checkbox"]').first().check();
  await page.getByRole('button', { name: '起草移送函' }).click();
  const draft = page.getByRole('region', { name: '编辑草稿' });
  await draft.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('letter-preview');
  const drawn = preview.locator('image[data-role="figure"]');
  await expect(drawn).toHaveCount(2);
  for (const href of await drawn.evaluateAll((images) => images.map((i) => i.getAttribute('href') ?? ''))) expect(href).toMatch(/^data:image\/png;base64,/);
  await expect(preview).toContainText('图形近似');
  await drawn.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'letter-image-hit.png') });
  await page.keyboard.press('Escape');

  // issued and exported: the DOCX has both pictures, the PDF both images
  await draft.getByRole('button', { name: '签发…' }).click();
  await page.getByRole('dialog', { name: '签发函件' }).getByRole('button', { name: '签发' }).click();
  const archived = page.getByRole('table', { name: '函件存档' }).locator('tbody tr').first();
  await expect(archived).toContainText('已签发');
  const docx = test.info().outputPath('移送函.docx');
  const pdf = test.info().outputPath('移送函.pdf');
  for (const [format, target] of [['docx', docx], ['pdf', pdf]] as const) {
    await server.queueDialog(target);
    await archived.getByRole('button', { name: `导出 ${format.toUpperCase()}` }).click();
    await expect(page.locator('.toasts')).toContainText(`已导出：${target}`);
  }
  const media = Object.keys((await JSZip.loadAsync(readFileSync(docx))).files).filter((name) => name.startsWith('word/media/'));
  expect(media).toHaveLength(2);
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(images).toHaveLength(2);
});
