// A real MarkGuard server on loopback for the security tests: HTTPS with a self-signed certificate made at its
// first start, accounts on the real PostgreSQL (a fresh schema), the app's data in a temporary SQLite folder,
// and a clock for the accounts that the test moves.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SESSION_POLICY } from '../../../electron/accounts/policy';
import { createServerClient, postPinned, type PinnedServer } from '../../../electron/server/pinned-client';
import { startServer, type RunningServer } from '../../../electron/server/start';
import type { StoreKind } from '../../../electron/store/store';
import { tempDir, testConfig } from './context';
import { freshStoreConfig, unreachable } from './stores';

export interface TestServer {
  server: RunningServer;
  pin: PinnedServer;
  client: ReturnType<typeof createServerClient>;
  /** POST a channel with a session token; the HTTP status and the body */
  call(channel: string, input: unknown, token?: string): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { kind: string; message: string } } }>;
  /** logs in and returns the session token (throws with the server's message) */
  login(login: string, password: string): Promise<string>;
  advance(minutes: number): void;
  stop(): Promise<void>;
}

export async function startTestServer(kind: StoreKind = 'postgres'): Promise<TestServer> {
  const folder = tempDir('markguard-server-');
  const rendererDir = path.join(folder.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>商标守护</title>');
  const { config, cleanup } = freshStoreConfig(kind);
  let now = new Date('2026-12-01T08:00:00.000Z');
  let server: RunningServer;
  try {
    server = await startServer({
      app: testConfig(path.join(folder.dir, 'data')),
      store: config,
      host: '127.0.0.1',
      port: 0,
      rendererDir,
      tls: null,
      sessions: DEFAULT_SESSION_POLICY,
      accountsNow: () => now,
    });
  } catch (error) {
    await cleanup().catch(() => undefined);
    folder.remove();
    // a server that could not reach PostgreSQL fails the test with the address, never skips it
    throw kind === 'postgres' && /无法连接数据库/.test(String(error)) ? unreachable(error) : error;
  }
  const pin: PinnedServer = { url: server.url, fingerprint: server.certificate.fingerprint };
  const call: TestServer['call'] = async (channel, input, token) => {
    const answer = await postPinned(pin, `/api/${channel}`, input, token);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as Awaited<ReturnType<TestServer['call']>>;
  };
  const client = createServerClient(pin);
  return {
    server,
    pin,
    client,
    call,
    async login(login, password) {
      const result = await client.login(login, password);
      if (!result.ok) throw new Error(result.error.message);
      return (result.value as { token: string }).token;
    },
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    async stop() {
      await server.close();
      await cleanup();
      folder.remove();
    },
  };
}
