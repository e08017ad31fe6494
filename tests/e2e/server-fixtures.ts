// Per test: a real MarkGuard server (HTTPS with its self-signed certificate, accounts on the real PostgreSQL in a
// fresh schema, the app's data in a fresh folder) serving the built renderer, started in this process so the test
// can create accounts and seed data through its services; browsers log in as the users a test creates.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SESSION_POLICY } from '../../electron/accounts/policy';
import type { Role } from '../../shared/contract/accounts';
import { startServer, type RunningServer } from '../../electron/server/start';
import { FILING_HEADER, filingLine } from '../integration/support/batches';
import { testConfig } from '../integration/support/context';
import { freshStoreConfig } from '../integration/support/stores';
import { REPO_ROOT } from './fixtures';

export const PASSWORD = 'e2e-password-1';

export interface E2eServer {
  server: RunningServer;
  url: string;
  addUser(login: string, displayName: string, role: Role): Promise<void>;
  /** a browser context of its own (its own sessionStorage), trusting the self-signed certificate */
  newUser(): Promise<{ context: BrowserContext; page: Page }>;
}

export const test = base.extend<{ e2e: E2eServer }>({
  e2e: async ({ browser }, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'markguard-e2e-server-'));
    const { config, cleanup } = freshStoreConfig('postgres');
    const server = await startServer({
      app: testConfig(dataDir),
      store: config,
      host: '127.0.0.1',
      port: 0,
      rendererDir: path.join(REPO_ROOT, 'out', 'renderer'),
      tls: null,
      sessions: DEFAULT_SESSION_POLICY,
    });
    const contexts: BrowserContext[] = [];
    try {
      await use({
        server,
        url: server.url,
        async addUser(login, displayName, role) {
          await server.accounts.create({ login, displayName, role, password: PASSWORD });
        },
        async newUser() {
          const context = await browser.newContext({ ignoreHTTPSErrors: true });
          contexts.push(context);
          return { context, page: await context.newPage() };
        },
      });
    } finally {
      for (const context of contexts) await context.close();
      await server.close();
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
export { changeForcedPassword } from './forced-password';

/** Opens the server's page and signs in; waits for the app's navigation. */
export async function signIn(page: Page, url: string, login: string): Promise<void> {
  await page.goto(url);
  const form = page.getByRole('form', { name: '登录' });
  await form.getByLabel('登录名').fill(login);
  await form.getByLabel('密码').fill(PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
}

export async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
}

/**
 * A small gazette screened against the sample registry the server seeds at its first start: filings 70000001…3
 * hit 可可西里 (29), 三江源 (5) and 金诃 (5). Imported through the services, as a clerk's upload would be.
 */
export async function seedScreenedBatch(server: RunningServer): Promise<void> {
  const file = path.join(server.services.ctx.config.dataDir, '第1920期.csv');
  const lines = [filingLine('70000001', '可可西里', { niceClass: 29 }), filingLine('70000002', '三江源', { niceClass: 5 }), filingLine('70000003', '金诃', { niceClass: 5 })];
  writeFileSync(file, [FILING_HEADER, ...lines].join('\r\n'));
  const { token } = server.services.files.grant(file, 'table');
  const preview = await server.services.dispatch('batches.previewFile', { fileToken: token, kind: 'filing' });
  if (!preview.ok) throw new Error(preview.error.message);
  const started = await server.services.dispatch('batches.startImport', { fileToken: token, kind: 'filing', mapping: (preview.value as { mapping: unknown }).mapping });
  if (!started.ok) throw new Error(started.error.message);
  const batchId = (started.value as { batchId: number }).batchId;
  await expect
    .poll(async () => {
      const list = await server.services.dispatch('batches.list', {});
      return list.ok ? (list.value as { id: number; status: string }[]).find((b) => b.id === batchId)?.status : 'error';
    }, { timeout: 30_000 })
    .toBe('screened');
}
