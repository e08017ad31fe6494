// The loopback web bridge: the same contract over HTTP on 127.0.0.1, so the real renderer can run in a browser
// (Playwright in Chromium, or a developer) against the real services. A random bearer token guards every call;
// no CORS headers are sent, and the Host header must be the loopback address (against DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/dispatch';
import { contentTypeOf, resolveInside } from '../shell/app-protocol';
import { securityHeaders } from '../shell/security';

export { CONTENT_SECURITY_POLICY } from '../shell/security';

export interface BridgeOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Test-only routes (queueing dialog answers); never enabled in the app. */
  testHooks?: { queueDialogAnswer(path: string | null): void };
}

export interface RunningBridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function serveStatic(rendererDir: string, urlPath: string, response: http.ServerResponse): void {
  // The same resolution as the window's app:// protocol: nothing outside the renderer's folder.
  const filePath = resolveInside(rendererDir, urlPath);
  if (filePath === null || !existsSync(filePath) || !statSync(filePath).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': contentTypeOf(filePath), ...securityHeaders(), 'cache-control': 'no-store' });
  createReadStream(filePath).pipe(response);
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      send(response, 400, { ok: false, error: { kind: 'invalid-input', message: `请求无效：${String(error)}` } });
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) {
      return send(response, 403, { ok: false, error: { kind: 'unsupported', message: 'forbidden host' } });
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (request.method === 'GET') return serveStatic(options.rendererDir, url.pathname, response);
    if (request.method !== 'POST') return send(response, 405, { ok: false });
    const authorization = request.headers.authorization ?? '';
    if (!sameToken(authorization.replace(/^Bearer /, ''), token)) {
      return send(response, 401, { ok: false, error: { kind: 'unsupported', message: '未授权的请求' } });
    }
    const body = await readBody(request);
    if (url.pathname.startsWith('/api/')) {
      return send(response, 200, await options.dispatch(decodeURIComponent(url.pathname.slice(5)), body));
    }
    if (url.pathname === '/__test/dialog' && options.testHooks) {
      const answer = (body as { path?: unknown }).path;
      options.testHooks.queueDialogAnswer(typeof answer === 'string' ? answer : null);
      return send(response, 200, { ok: true, value: {} });
    }
    return send(response, 404, { ok: false, error: { kind: 'not-found', message: 'not found' } });
  }

  // Node closes an idle kept-alive connection after 5 s; a request sent on it at that moment fails with
  // ECONNRESET, which a browser does not retry for a POST. Keep connections longer than a client keeps them idle.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
