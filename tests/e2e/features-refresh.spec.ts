// After an upgrade whose image features are of a newer version (or a restore of an older backup): the app opens at
// once while they are computed again in the background, an image whose file went missing is listed until the clerk
// closes the notice, and 以图查询 finds a mark by its logo as before — its features were computed first.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { REPO_ROOT, expect, openApp, startWebServer, test } from './fixtures';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="200"><rect width="240" height="200" fill="#fff"/>
  <circle cx="120" cy="100" r="70" fill="none" stroke="#1d3f8f" stroke-width="18"/><polygon points="120,45 160,150 80,150" fill="#c22"/>
  <rect x="150" y="20" width="60" height="18" fill="#1d3f8f"/></svg>`;
const STAR = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/>
  <polygon points="100,10 125,80 195,80 140,120 160,190 100,150 40,190 60,120 5,80 75,80" fill="#b8860b"/></svg>`;

async function drawn(name: string, svg: string, mirrored = false): Promise<string> {
  const file = test.info().outputPath(name);
  mkdirSync(path.dirname(file), { recursive: true });
  const image = sharp(Buffer.from(svg));
  writeFileSync(file, await (mirrored ? image.flop().jpeg({ quality: 75 }) : image.png()).toBuffer());
  return file;
}

async function addLogo(page: Page, queueDialog: (file: string) => Promise<void>, markName: string, file: string): Promise<void> {
  await page.getByRole('searchbox', { name: '搜索名录' }).fill(markName);
  const row = page.locator('.grid-body [role="row"]').filter({ has: page.locator('.cell-name', { hasText: new RegExp(`^${markName}$`) }) }).first();
  await row.getByRole('button', { name: '修改' }).click();
  const editor = page.getByRole('dialog', { name: /^修改记录/ });
  await queueDialog(file);
  await editor.getByRole('button', { name: '添加图样' }).click();
  await expect(editor.getByRole('img', { name: '图样 1' })).toBeVisible();
  await editor.getByRole('button', { name: '取消' }).click();
}

test('after a features upgrade the app opens at once, lists an image it could not compute again, and 以图查询 still finds the mark', async ({ page }, testInfo) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'markguard-e2e-'));
  const logs: string[] = [];
  try {
    const first = await startWebServer(dataDir, logs);
    try {
      await openApp(page, first);
      await addLogo(page, first.queueDialog, '青海湖', await drawn('青海湖图样.png', LOGO));
      await addLogo(page, first.queueDialog, '塔尔寺', await drawn('塔尔寺图样.png', STAR));
    } finally {
      await first.stop();
    }

    // what the new version finds: every stored image's features of an older kind, and 塔尔寺's file gone
    const db = new Database(path.join(dataDir, 'markguard.sqlite'));
    const lost = db.prepare(`SELECT i.sha256 FROM images i JOIN mark_images mi ON mi.sha256 = i.sha256
      JOIN protected_marks m ON m.key = mi.mark_key WHERE m.name = '塔尔寺'`).pluck().get() as string;
    db.prepare('UPDATE images SET thumb = substr(thumb, 1, 1024)').run();
    db.close();
    const folder = path.join(dataDir, 'images', lost.slice(0, 2));
    for (const file of readdirSync(folder).filter((f) => f.startsWith(lost))) rmSync(path.join(folder, file));

    const second = await startWebServer(dataDir, logs);
    try {
      await openApp(page, second);
      const notice = page.locator('.features-refresh');
      await expect(notice).toContainText('1 个图样未能重新计算图形特征，暂不参与图形比对');
      // named by the mark that has it
      await expect(notice.getByRole('listitem')).toHaveText(new RegExp(`^保护名录中「塔尔寺」（QH-[A-Z]+-\\d+）的图样文件缺失（${lost.slice(0, 12)}），无法重新计算图形特征，暂不参与图形比对$`));
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'features-refresh.png') });
      await notice.getByRole('button', { name: '知道了' }).click();
      await expect(notice).toHaveCount(0);

      await second.queueDialog(await drawn('仿冒.jpg', LOGO, true));
      await page.getByRole('button', { name: '以图查询' }).click();
      const check = page.getByRole('dialog', { name: '以图查询：仿冒.jpg' });
      await expect(check.locator('.image-check-list li')).toHaveCount(1);
      await expect(check.locator('.image-check-list li')).toContainText('青海湖');
    } finally {
      await second.stop();
    }
  } finally {
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('web-bridge.log', { body: logs.join(''), contentType: 'text/plain' });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
