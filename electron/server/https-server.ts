// The server's HTTPS front: the renderer's files, login and logout, and the contract's channels under /api/ —
// each refused without a valid session (401) or below the channel's role (403, shared/roles.ts), and each run
// as its user (acting-user), so the audit log names who acted. Sessions travel as `Authorization: Bearer`, never
// as cookies: a page on another site cannot make a browser send them, so no CSRF defence is needed.
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { forbiddenMessage, roleAllows } from '../../shared/roles';
import { AppFailure } from '../../shared/result';
import { actAs } from '../accounts/acting-user';
import type { AccountsService } from '../accounts/service';
import { apiChannel, answerChannel, bearerToken, guarded, keepConnectionsAlive, readBody, send, sendError, serveStatic } from '../http/common';
import { isChannel, type Dispatch } from '../ipc/dispatch';

export interface HttpsServerOptions {
  dispatch: Dispatch;
  accounts: AccountsService;
  rendererDir: string;
  tls: { cert: string; key: string };
  host: string;
  port: number;
}

export interface RunningHttpsServer {
  port: number;
  close(): Promise<void>;
}

const SESSION_PRUNE_MS = 10 * 60_000;

async function login(accounts: AccountsService, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const body = (await readBody(request)) as { login?: unknown; password?: unknown };
  if (typeof body.login !== 'string' || typeof body.password !== 'string') {
    return sendError(response, 400, 'invalid-input', '请输入用户名和密码。');
  }
  try {
    send(response, 200, { ok: true, value: await accounts.login(body.login, body.password) });
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    sendError(response, 401, error.kind, error.message);
  }
}

async function callChannel(options: HttpsServerOptions, channel: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const auth = await options.accounts.authenticate(bearerToken(request));
  if (!auth.ok) return sendError(response, 401, 'unsupported', auth.message);
  if (!isChannel(channel)) return sendError(response, 404, 'not-found', `未知的请求「${channel}」`);
  if (!roleAllows(auth.user.role, channel)) return sendError(response, 403, 'unsupported', forbiddenMessage(channel, auth.user.role));
  const body = await readBody(request);
  await actAs(auth.user, () => answerChannel(options.dispatch, channel, body, response));
}

export async function startHttpsServer(options: HttpsServerOptions): Promise<RunningHttpsServer> {
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'https://server.invalid');
    if (request.method === 'GET') return serveStatic(options.rendererDir, url.pathname, response);
    if (request.method !== 'POST') return sendError(response, 405, 'unsupported', '不支持的请求方法');
    if (url.pathname === '/auth/login') return login(options.accounts, request, response);
    if (url.pathname === '/auth/logout') {
      await options.accounts.logout(bearerToken(request));
      return send(response, 200, { ok: true, value: { loggedOut: true } });
    }
    const channel = apiChannel(url.pathname);
    if (channel !== null) return callChannel(options, channel, request, response);
    return sendError(response, 404, 'not-found', 'not found');
  };
  const server = https.createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, guarded(handle));
  keepConnectionsAlive(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const prune = setInterval(() => {
    options.accounts.pruneSessions().catch((error: unknown) => console.error('[markguard] pruning sessions failed:', error));
  }, SESSION_PRUNE_MS);
  prune.unref();
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(prune);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
