// The server's HTTPS front: the renderer's files, login and logout, and the contract's channels under /api/ —
// each refused without a valid session (401) or below the channel's role (403, shared/roles.ts), and each run
// as its user (acting-user), so the audit log names who acted. Sessions travel as `Authorization: Bearer`, never
// as cookies: a page on another site cannot make a browser send them, so no CSRF defence is needed.
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ACCEPTS_DOWNLOADS_HEADER, SAVE_AS_HEADER, type FilePurpose } from '../../shared/contract/files';
import { forbiddenMessage, roleAllows } from '../../shared/roles';
import { AppFailure } from '../../shared/result';
import type { Result } from '../../shared/result';
import { actAs, type ActingUser } from '../accounts/acting-user';
import { clientAddress } from '../accounts/address-throttle';
import type { AccountsService } from '../accounts/service';
import type { FileGrants } from '../files/grants';
import { apiChannel, bearerToken, guarded, keepConnectionsAlive, readBody, send, sendError, serveStatic } from '../http/common';
import { isChannel, type Dispatch } from '../ipc/dispatch';
import type { Transfers } from './transfers';

export interface HttpsServerOptions {
  dispatch: Dispatch;
  accounts: AccountsService;
  /** the services' chosen files: an upload is granted here, bound to its session */
  files: FileGrants;
  transfers: Transfers;
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
    return sendError(response, 400, 'invalid-input', '请输入登录名和密码。');
  }
  try {
    // the socket's own peer: a header (X-Forwarded-For) is the client's to write, and would let it pick its address
    send(response, 200, { ok: true, value: await accounts.login(body.login, body.password, clientAddress(request.socket.remoteAddress)) });
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    sendError(response, 401, error.kind, error.message);
  }
}

/** What a user whose password someone else set may still do: see who they are, and choose their own password. */
const WHILE_PASSWORD_MUST_CHANGE: ReadonlySet<string> = new Set(['accounts.me', 'accounts.changePassword']);
export const MUST_CHANGE_PASSWORD_MESSAGE = '您的密码是首次启动时生成的或由管理员重设的：请先修改密码，之后才能使用其他功能。';

/**
 * The request's user with its session, or null after answering 401 (or 403 below `channel`'s role, or for anything
 * but changing the password while it must change; `channel` null is a download, refused then too).
 */
async function signedIn(options: HttpsServerOptions, request: http.IncomingMessage, response: http.ServerResponse, channel: string | null): Promise<ActingUser | null> {
  const auth = await options.accounts.authenticate(bearerToken(request));
  if (!auth.ok) {
    sendError(response, 401, 'unsupported', auth.message);
    return null;
  }
  if (auth.user.mustChangePassword && !(channel !== null && WHILE_PASSWORD_MUST_CHANGE.has(channel))) {
    sendError(response, 403, 'unsupported', MUST_CHANGE_PASSWORD_MESSAGE);
    return null;
  }
  if (channel !== null) {
    if (!isChannel(channel)) {
      sendError(response, 404, 'not-found', `未知的请求「${channel}」`);
      return null;
    }
    if (!roleAllows(auth.user.role, channel)) {
      sendError(response, 403, 'unsupported', forbiddenMessage(channel, auth.user.role));
      return null;
    }
  }
  return { ...auth.user, session: auth.tokenHash };
}

/** A saved file's answer names the file and where the browser fetches it, never the server's path. */
function offerDownload(options: HttpsServerOptions, result: Result<unknown>, session: string): Result<unknown> {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return result;
  const value = result.value as { status?: unknown; savedTo?: unknown };
  if (value.status !== 'saved' || typeof value.savedTo !== 'string') return result;
  const download = options.transfers.offer(value.savedTo, session);
  return download === null ? result : { ok: true, value: { ...value, savedTo: path.basename(value.savedTo), download } };
}

/** The file name a client chose on its own disk (a connected desktop), for the file saved on the server. */
function saveAsName(request: http.IncomingMessage): string | null {
  const header = request.headers[SAVE_AS_HEADER.toLowerCase()];
  if (typeof header !== 'string' || header === '') return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

async function callChannel(options: HttpsServerOptions, channel: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const user = await signedIn(options, request, response, channel);
  if (!user) return;
  const body = await readBody(request);
  const session = user.session ?? '';
  const acceptsDownloads = request.headers[ACCEPTS_DOWNLOADS_HEADER.toLowerCase()] === 'accept';
  const saveAs = saveAsName(request);
  const result = await actAs({ ...user, acceptsDownloads, ...(saveAs ? { saveAs } : {}) }, () => options.dispatch(channel, body));
  send(response, 200, offerDownload(options, result, session));
}

/** Refuses an upload before reading its body; `connection: close` so the unread body is not taken for a request. */
function refuseUpload(response: http.ServerResponse, status: number, message: string): void {
  response.setHeader('connection', 'close');
  sendError(response, status, 'invalid-input', message);
}

/** The channel whose role an upload needs. */
const uploadRole = (url: URL) => (url.searchParams.get('purpose') === 'backup' ? 'backup.restore' : 'files.open');

async function upload(options: HttpsServerOptions, url: URL, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  // a refused upload's body is not read: the connection closes after the answer instead
  response.setHeader('connection', 'close');
  // choosing a file is what files.open does, and the channel that reads it checks its own role; a backup is read
  // only by a restore, so only those who may restore upload one (a backup may be gigabytes)
  const purpose = url.searchParams.get('purpose');
  const user = await signedIn(options, request, response, uploadRole(url));
  if (!user) return;
  const received = await options.transfers.receive(request, url);
  if (!received.ok) return refuseUpload(response, received.status, received.message);
  const granted = actAs(user, () => options.files.grant(received.filePath, purpose as FilePurpose));
  send(response, 200, { ok: true, value: { status: 'chosen', token: granted.token, fileName: received.fileName } });
}

async function download(options: HttpsServerOptions, id: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const user = await signedIn(options, request, response, null);
  if (!user) return;
  const refused = await options.transfers.send(id, user.session ?? '', response);
  if (refused) sendError(response, refused.status, 'not-found', refused.message);
}

async function answerGet(options: HttpsServerOptions, url: URL, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  // how the renderer knows it is served by a server (and shows its login page)
  if (url.pathname === '/auth/server') return send(response, 200, { ok: true, value: { server: true } });
  if (url.pathname.startsWith(DOWNLOAD_PREFIX)) return download(options, url.pathname.slice(DOWNLOAD_PREFIX.length), request, response);
  serveStatic(options.rendererDir, url.pathname, response);
}

const DOWNLOAD_PREFIX = '/files/download/';
const UPLOAD_TIMEOUT_MS = 60 * 60_000;
const UPLOAD_PATH = '/files/upload';

export async function startHttpsServer(options: HttpsServerOptions): Promise<RunningHttpsServer> {
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'https://server.invalid');
    if (request.method === 'GET') return answerGet(options, url, request, response);
    if (request.method !== 'POST') return sendError(response, 405, 'unsupported', '不支持的请求方法');
    if (url.pathname === '/auth/login') return login(options.accounts, request, response);
    if (url.pathname === '/auth/logout') {
      await options.accounts.logout(bearerToken(request));
      return send(response, 200, { ok: true, value: { loggedOut: true } });
    }
    if (url.pathname === UPLOAD_PATH) return upload(options, url, request, response);
    const channel = apiChannel(url.pathname);
    if (channel !== null) return callChannel(options, channel, request, response);
    return sendError(response, 404, 'not-found', 'not found');
  };
  const server = https.createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, guarded(handle));
  keepConnectionsAlive(server);
  // Node cuts any request after 5 minutes by default; a 4 GB backup uploaded over a slow office link takes longer
  server.requestTimeout = UPLOAD_TIMEOUT_MS;
  // A client that asks first (Expect: 100-continue) learns that an upload is refused before sending its body.
  // The session and the role are checked then too, so a desktop whose session ended sends none of its file.
  server.on('checkContinue', guarded(async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'https://server.invalid');
    const declared = request.headers['content-length'] === undefined ? null : Number(request.headers['content-length']);
    const refused = url.pathname === UPLOAD_PATH ? options.transfers.precheck(url, declared) : null;
    if (refused) return refuseUpload(response, refused.status, refused.message);
    // the body stays unread when refused: the connection closes after the answer
    if (url.pathname === UPLOAD_PATH) response.setHeader('connection', 'close');
    if (url.pathname === UPLOAD_PATH && !(await signedIn(options, request, response, uploadRole(url)))) return;
    response.writeContinue();
    await handle(request, response);
  }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const prune = setInterval(() => {
    options.accounts.pruneSessions().catch((error: unknown) => console.error('[markguard] pruning sessions failed:', error));
    options.transfers.prune();
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
