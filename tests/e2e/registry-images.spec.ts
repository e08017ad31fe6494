// Registry images end to end (issue 12): a logo drawn in the test is added to a mark through main's open dialog,
// its thumbnail shows in the editor and in the table, a BMP (as Windows 画图 saves it) is added too and a damaged
// one refused in Chinese, and the images can be removed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { REPO_ROOT, expect, openApp, test } from './fixtures';
import { writeBmp } from '../fixtures/bmp-writer';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="200"><rect width="240" height="200" fill="#fff"/>
  <circle cx="120" cy="100" r="70" fill="none" stroke="#1d3f8f" stroke-width="18"/><polygon points="120,45 160,150 80,150" fill="#c22"/>
  <rect x="150" y="20" width="60" height="18" fill="#1d3f8f"/></svg>`;

/** The logo drawn in the test (sharp SVG → PNG), or a mirrored JPEG copy of it, in the test's output folder. */
async function drawLogo(name: string, copy = false): Promise<string> {
  const file = test.info().outputPath(name);
  mkdirSync(path.dirname(file), { recursive: true });
  const image = sharp(Buffer.from(LOGO));
  writeFileSync(file, await (copy ? image.flop().jpeg({ quality: 75 }) : image.png()).toBuffer());
  return file;
}

function rowNamed(page: Page, name: string): Locator {
  return page.locator('.grid-body [role="row"]').filter({ has: page.locator('.cell-name', { hasText: new RegExp(`^${name}$`) }) }).first();
}

async function loaded(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

test('add a drawn logo to a mark, see its thumbnail in the editor and the table, add a BMP, refuse a damaged one, remove them', async ({ page, server }) => {
  await openApp(page, server);
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('青海湖');
  const row = rowNamed(page, '青海湖');
  await row.getByRole('button', { name: '修改' }).click();
  const editor = page.getByRole('dialog', { name: /^修改记录/ });
  const images = editor.getByRole('region', { name: '图样' });
  await expect(images).toContainText('这条记录还没有图样');

  await server.queueDialog(await drawLogo('青海湖图样.png'));
  await images.getByRole('button', { name: '添加图样' }).click();
  await loaded(images.getByRole('img', { name: '图样 1' }));
  await expect(images).toContainText('PNG 240×200');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'mark-images.png') });

  // the logo mirrored, saved as a 24-bit BMP: stored as the PNG of its pixels
  const { data, info } = await sharp(Buffer.from(LOGO)).flop().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const bmp = test.info().outputPath('旧图样.bmp');
  writeFileSync(bmp, writeBmp({ width: info.width, height: info.height, data: new Uint8Array(data) }));
  await server.queueDialog(bmp);
  await images.getByRole('button', { name: '添加图样' }).click();
  await loaded(images.getByRole('img', { name: '图样 2' }));
  await expect(images.getByRole('img')).toHaveCount(2);

  const damaged = test.info().outputPath('损坏.bmp');
  writeFileSync(damaged, Buffer.concat([Buffer.from('BM'), Buffer.alloc(56)]));
  await server.queueDialog(damaged);
  await images.getByRole('button', { name: '添加图样' }).click();
  await expect(images.getByRole('alert')).toContainText('无法读取 BMP 图片');
  await expect(images.getByRole('img')).toHaveCount(2);
  await images.getByRole('button', { name: '删除图样 2' }).click();
  await expect(images.getByRole('img')).toHaveCount(1);

  await editor.getByRole('button', { name: '取消' }).click();
  await loaded(row.getByRole('img', { name: '青海湖 的图样' }));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'registry-images.png') });

  await row.getByRole('button', { name: '修改' }).click();
  await editor.getByRole('region', { name: '图样' }).getByRole('button', { name: '删除图样 1' }).click();
  await expect(editor.getByRole('region', { name: '图样' })).toContainText('这条记录还没有图样');
  await editor.getByRole('button', { name: '取消' }).click();
  await expect(row.getByRole('img')).toHaveCount(0);
});

test('以图查询: a mirrored copy of a mark’s logo finds the mark; another figure finds none', async ({ page, server }) => {
  await openApp(page, server);
  await page.getByRole('searchbox', { name: '搜索名录' }).fill('青海湖');
  await rowNamed(page, '青海湖').getByRole('button', { name: '修改' }).click();
  const editor = page.getByRole('dialog', { name: /^修改记录/ });
  await server.queueDialog(await drawLogo('青海湖图样.png'));
  await editor.getByRole('button', { name: '添加图样' }).click();
  await loaded(editor.getByRole('img', { name: '图样 1' }));
  await editor.getByRole('button', { name: '取消' }).click();

  await server.queueDialog(await drawLogo('仿冒.jpg', true));
  await page.getByRole('button', { name: '以图查询' }).click();
  const check = page.getByRole('dialog', { name: '以图查询：仿冒.jpg' });
  await expect(check).toContainText('名录中有 1 条记录的图样与它近似');
  await expect(check.locator('.image-check-list li')).toHaveCount(1);
  await expect(check.locator('.image-check-list li')).toContainText('青海湖');
  await expect(check.locator('.image-check-list li')).toContainText('左右镜像');
  await loaded(check.getByRole('img', { name: '青海湖 的图样' }));
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'image-check.png') });

  const other = test.info().outputPath('其他.png');
  writeFileSync(other, await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#fff"/><rect x="20" y="40" width="60" height="20" fill="#000"/></svg>')).png().toBuffer());
  await server.queueDialog(other);
  await check.getByRole('button', { name: '换一张图' }).click();
  const second = page.getByRole('dialog', { name: '以图查询：其他.png' });
  await expect(second).toContainText('名录的 1 个图样中没有与它近似的');
});
