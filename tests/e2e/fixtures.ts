// Per test: a fresh data folder, the real services behind `node out/web.cjs --data-dir DIR --test-hooks`, and a way to
// answer the next file dialog. The server is stopped and the folder removed after the test.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const WEB_ENTRY = path.join(REPO_ROOT, 'out', 'web.cjs');
const URL_LINE = /^MARKGUARD_WEB_URL=(\S+)$/m;
const START_TIMEOUT_MS = 30_000;

export interface WebServer {
  /** the full URL to open, with #token=... */
  url: string;
  token: string;
  dataDir: string;
  /**
   * Answers the next file dialog the main process shows (files.open, or the save dialog of an export, backup or
   * letter) with this path (null: the user cancels). FIFO. The page itself never sees the path.
   */
  queueDialog: (filePath: string | null) => Promise<void>;
}

function waitForUrl(child: ChildProcess, logs: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web bridge did not start in ${START_TIMEOUT_MS} ms:\n${logs.join('')}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      logs.push(chunk.toString('utf8'));
      const match = URL_LINE.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web bridge exited with code ${code} before it was ready:\n${logs.join('')}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A web bridge on `dataDir` (the data stays after stop: a test may start another on it, as a clerk restarts the app). */
export async function startWebServer(dataDir: string, logs: string[]): Promise<WebServer & { stop(): Promise<void> }> {
  const child = spawn(process.execPath, [WEB_ENTRY, '--data-dir', dataDir, '--test-hooks'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await waitForUrl(child, logs);
    const token = /#token=([^&]+)/.exec(url)?.[1] ?? '';
    const queueDialog = async (filePath: string | null) => {
      const response = await fetch(new URL('/__test/dialog', url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ path: filePath }),
      });
      expect(response.status, 'queue a dialog answer').toBe(200);
    };
    return { url, token, dataDir, queueDialog, stop: () => stop(child) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

export const test = base.extend<{ server: WebServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature needs the (empty) fixtures argument
  server: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'markguard-e2e-'));
    const logs: string[] = [];
    try {
      const server = await startWebServer(dataDir, logs);
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('web-bridge.log', { body: logs.join(''), contentType: 'text/plain' });
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** The "共 N 条，显示 M 条" line as numbers, once the registry has loaded. */
export async function readCounts(page: Page): Promise<{ total: number; shown: number }> {
  const count = page.locator('.count');
  await expect(count).toHaveText(/共 \d+ 条，显示 \d+ 条/);
  const match = /共 (\d+) 条，显示 (\d+) 条/.exec((await count.textContent()) ?? '');
  return { total: Number(match?.[1]), shown: Number(match?.[2]) };
}

/** Waits until the registry's total is the expected number (the list reloads after each change). */
export async function expectTotal(page: Page, total: number): Promise<void> {
  await expect(page.locator('.count')).toHaveText(new RegExp(`^共 ${total} 条，`));
}

/** Opens the app and waits for the registry to load. */
export async function openApp(page: Page, server: WebServer): Promise<void> {
  await page.goto(server.url);
  await expect(page.locator('.count')).toHaveText(/共 \d+ 条/);
}
