// A real MarkGuard server on loopback for the security tests: HTTPS with a self-signed certificate made at its
// first start, accounts and the app's data on the real PostgreSQL (a fresh schema; `sqlite`: an accounts store
// file and the data in the data folder's SQLite file), and a clock for the accounts that the test moves.
import { mkdirSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { DEFAULT_SESSION_POLICY } from '../../../electron/accounts/policy';
import { normaliseFingerprint } from '../../../electron/server/certificate';
import { createServerClient, postPinned, type PinnedServer } from '../../../electron/server/pinned-client';
import { startServer, type RunningServer, type ServerStartOptions } from '../../../electron/server/start';
import type { StoreConfig, StoreKind } from '../../../electron/store/store';
import { tempDir, testConfig } from './context';
import { freshStoreConfig, unreachable } from './stores';

export interface TestServer {
  server: RunningServer;
  /** the server's data folder and accounts store, kept across `restart` */
  dataDir: string;
  storeConfig: StoreConfig;
  /** stops the server, runs `between` (a restore, with the server stopped), starts it again on the same data */
  restart(between?: () => Promise<void>): Promise<void>;
  pin: PinnedServer;
  client: ReturnType<typeof createServerClient>;
  /** POST a channel with a session token; the HTTP status and the body */
  call(channel: string, input: unknown, token?: string): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { kind: string; message: string } } }>;
  /** logs in and returns the session token (throws with the server's message) */
  login(login: string, password: string): Promise<string>;
  /**
   * A session of the first 管理员: the first call replaces its printed one-time password, as the server demands
   * before anything else (ADMIN_OWN_PASSWORD from then on).
   */
  adminToken(): Promise<string>;
  advance(minutes: number): void;
  stop(): Promise<void>;
}

/** The password the first 管理员 chooses in place of its one-time one (adminToken). */
export const ADMIN_OWN_PASSWORD = 'admin-own-password-1';

export async function startTestServer(kind: StoreKind = 'postgres', extra: Partial<ServerStartOptions> = {}): Promise<TestServer> {
  const folder = tempDir('markguard-server-');
  const rendererDir = path.join(folder.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>商标守护</title>');
  const { config, cleanup } = freshStoreConfig(kind);
  let now = new Date('2026-12-01T08:00:00.000Z');
  const dataDir = path.join(folder.dir, 'data');
  const boot = () =>
    startServer({
      app: testConfig(dataDir),
      store: config,
      host: '127.0.0.1',
      port: 0,
      rendererDir,
      tls: null,
      sessions: DEFAULT_SESSION_POLICY,
      accountsNow: () => now,
      ...extra,
    });
  let server: RunningServer;
  try {
    server = await boot();
  } catch (error) {
    await cleanup().catch(() => undefined);
    folder.remove();
    // a server that could not reach PostgreSQL fails the test with the address, never skips it
    throw kind === 'postgres' && /无法连接数据库/.test(String(error)) ? unreachable(error) : error;
  }
  // the certificate is kept in the data folder, so a restarted server keeps its fingerprint; its port changes
  const pin: PinnedServer = { url: server.url, fingerprint: server.certificate.fingerprint };
  const call: TestServer['call'] = async (channel, input, token) => {
    const answer = await postPinned({ ...pin, url: server.url }, `/api/${channel}`, input, token);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as Awaited<ReturnType<TestServer['call']>>;
  };
  const client = () => createServerClient({ ...pin, url: server.url });
  let adminChanged = false;
  const t: TestServer = {
    server,
    dataDir,
    storeConfig: config,
    async restart(between) {
      await t.server.close();
      await between?.();
      server = await boot();
      t.server = server;
      t.client = client();
      t.pin = { ...pin, url: server.url };
    },
    pin,
    client: client(),
    call,
    async login(login, password) {
      const result = await t.client.login(login, password);
      if (!result.ok) throw new Error(result.error.message);
      return (result.value as { token: string }).token;
    },
    async adminToken() {
      if (adminChanged) return t.login('admin', ADMIN_OWN_PASSWORD);
      const first = server.firstAdmin;
      if (!first) throw new Error('the first start should create the 管理员');
      const token = await t.login(first.login, first.password);
      const changed = await call('accounts.changePassword', { current: first.password, next: ADMIN_OWN_PASSWORD }, token);
      if (!changed.body.ok) throw new Error(changed.body.error?.message);
      adminChanged = true;
      return token;
    },
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    async stop() {
      await t.server.close().catch(() => undefined); // a restart whose restore failed left it closed
      await cleanup();
      folder.remove();
    },
  };
  return t;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** the server said 100 Continue (so an asking client sent its body) */
  continued: boolean;
}

/**
 * A raw HTTPS request to the test server (uploads and downloads are not JSON calls): the certificate is checked
 * against the server's fingerprint, as the pinned client does. `body` may be a Buffer or chunks sent without a length.
 */
export function rawRequest(
  pin: PinnedServer,
  options: {
    method: 'GET' | 'POST';
    path: string;
    token?: string;
    headers?: Record<string, string>;
    body?: Buffer | Buffer[];
    /** the client's own address (another of 127/8: another computer, as the server sees it) */
    localAddress?: string;
  },
): Promise<RawAnswer> {
  const url = new URL(options.path, pin.url);
  let continued = false;
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: options.method,
        rejectUnauthorized: false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        checkServerIdentity: (_host, cert) =>
          normaliseFingerprint(cert.fingerprint256) === normaliseFingerprint(pin.fingerprint) ? undefined : new Error('pin mismatch'),
        headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), continued }));
      },
    );
    request.on('error', reject);
    const expectsContinue = options.headers?.expect === '100-continue';
    const writeBody = () => {
      const parts = options.body === undefined ? [] : Array.isArray(options.body) ? options.body : [options.body];
      for (const part of parts) request.write(part);
      request.end();
    };
    if (expectsContinue) {
      request.on('continue', () => {
        continued = true;
        writeBody();
      });
      request.flushHeaders();
    } else writeBody();
  });
}

/** Uploads `body` as the named file for a purpose; the server's JSON answer. */
export interface UploadAnswer {
  status: number;
  body: { ok: boolean; value?: { status: string; token: string; fileName: string }; error?: { kind: string; message: string } };
}

export async function uploadFile(pin: PinnedServer, token: string, purpose: string, name: string, body: Buffer): Promise<UploadAnswer> {
  const query = new URLSearchParams({ purpose, name });
  const answer = await rawRequest(pin, { method: 'POST', path: `/files/upload?${query.toString()}`, token, body });
  return { status: answer.status, body: JSON.parse(answer.body.toString('utf8')) as UploadAnswer['body'] };
}
