// The loopback web bridge: the same contract over HTTP on 127.0.0.1, so the real renderer can run in a browser
// (Playwright in Chromium, or a developer) against the real services. A random bearer token guards every call;
// no CORS headers are sent, and the Host header must be the loopback address (against DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerChannel, apiChannel, bearerToken, guarded, keepConnectionsAlive, readBody, send, serveStatic } from '../http/common';
import type { Dispatch } from '../ipc/dispatch';

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

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = http.createServer(guarded(handle));

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) {
      return send(response, 403, { ok: false, error: { kind: 'unsupported', message: 'forbidden host' } });
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (request.method === 'GET') return serveStatic(options.rendererDir, url.pathname, response);
    if (request.method !== 'POST') return send(response, 405, { ok: false });
    if (!sameToken(bearerToken(request), token)) {
      return send(response, 401, { ok: false, error: { kind: 'unsupported', message: '未授权的请求' } });
    }
    const body = await readBody(request);
    const channel = apiChannel(url.pathname);
    if (channel !== null) return answerChannel(options.dispatch, channel, body, response);
    if (url.pathname === '/__test/dialog' && options.testHooks) {
      const answer = (body as { path?: unknown }).path;
      options.testHooks.queueDialogAnswer(typeof answer === 'string' ? answer : null);
      return send(response, 200, { ok: true, value: {} });
    }
    return send(response, 404, { ok: false, error: { kind: 'not-found', message: 'not found' } });
  }

  keepConnectionsAlive(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    // A browser keeps its connections alive (and a page polls): close would wait for them. Idle ones go at once; a
    // request still running gets two seconds to be answered.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}
