// Starts the real desktop app with Playwright's Electron driver. Electron downloads its binary on first use; where
// that binary is absent (no network, as in CI here) the test is skipped with the reason printed — it never pretends.
import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, expect, test } from './fixtures';

const ELECTRON_DIR = path.join(REPO_ROOT, 'node_modules', 'electron');

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it but without its fallback of
 * downloading the binary (require('electron') would try the network here).
 */
function findElectron(): { path: string } | { reason: string } {
  if (!existsSync(ELECTRON_DIR)) return { reason: 'node_modules/electron 未安装' };
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const overridden = path.join(override, relative || 'electron');
    return existsSync(overridden) ? { path: overridden } : { reason: `Electron 二进制文件不存在：${overridden}` };
  }
  if (!relative) return { reason: 'Electron 二进制文件未下载（node_modules/electron 中没有 path.txt 和 dist/）' };
  const executable = path.join(ELECTRON_DIR, 'dist', relative);
  return existsSync(executable) ? { path: executable } : { reason: `Electron 二进制文件不存在：${executable}` };
}

test('the desktop app starts and shows the registry', async () => {
  const found = findElectron();
  const reason =
    'reason' in found
      ? found.reason
      : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
        ? '没有图形显示（DISPLAY 未设置），请在桌面或 xvfb-run 下运行'
        : null;
  if (reason !== null || !('path' in found)) {
    console.log(`跳过 Electron 启动测试：${reason}`);
    test.skip(true, reason ?? '');
    return;
  }
  expect(existsSync(path.join(REPO_ROOT, 'out', 'main.cjs')), 'out/main.cjs is built (npm run build)').toBe(true);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'markguard-electron-'));
  const app = await electron.launch({
    executablePath: found.path,
    // Chromium refuses to run as root with its OS sandbox (CI containers); the window's own sandbox: true is unaffected.
    args: process.getuid?.() === 0 ? ['.', '--no-sandbox'] : ['.'],
    cwd: REPO_ROOT,
    env: { ...process.env, MARKGUARD_DATA_DIR: dataDir, MARKGUARD_ENV: 'test' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: '保护名录' })).toBeVisible({ timeout: 30_000 });
    expect(await page.title()).toContain('商标守护');
    await expect(page.locator('.count')).toHaveText(/共 \d+ 条/);
    // In Electron the preload's client is used, not the web bridge.
    expect(await page.evaluate(() => typeof (globalThis as { markguard?: unknown }).markguard)).toBe('object');
    // Served on app://, never file:// (issue 9, item 20); a dropped file is exchanged for a token, no path helper.
    expect(page.url().split('#')[0]).toBe('app://markguard/index.html');
    const files = await page.evaluate(() => Object.keys((globalThis as { markguardFiles?: object }).markguardFiles ?? {}));
    expect(files).toEqual(['register']);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
