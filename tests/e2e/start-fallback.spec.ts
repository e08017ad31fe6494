// `npm start` where Electron cannot be had (issue 10, item 9): the start script, run as a child process with an
// Electron that is not there, says so in one line, starts the browser mode and prints an address that answers.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, expect, test } from './fixtures';

test('npm start without Electron falls back to the browser mode with one line and a working address', async ({ page }) => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'markguard-start-'));
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'build', 'start.mjs'), '--no-build'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      MARKGUARD_ELECTRON_DIR: path.join(scratch, 'no-electron'),
      MARKGUARD_DATA_DIR: path.join(scratch, 'data'),
      MARKGUARD_CHROMIUM: '',
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    await expect.poll(() => /商标守护浏览器模式：(\S+)/.exec(stdout)?.[1] ?? '', { timeout: 30_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const url = /商标守护浏览器模式：(\S+)/.exec(stdout)?.[1] ?? '';
    // one line says why, and nothing looks like a stack trace
    const said = stderr.split('\n').filter((line) => line.includes('改用浏览器模式'));
    expect(said).toEqual(['商标守护：没有安装 Electron（node_modules/electron 不存在），改用浏览器模式启动。']);
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
    expect(`${stdout}${stderr}`).not.toMatch(/Error:/);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    await page.goto(url);
    await expect(page.getByRole('heading', { name: '保护名录' })).toBeVisible();
    await expect(page.locator('.count')).toHaveText(/共 \d+ 条/);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(scratch, { recursive: true, force: true });
  }
});
