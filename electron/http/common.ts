// What the loopback web bridge and the HTTPS server share: JSON bodies and answers, the renderer's static files
// (resolved as the window's app:// protocol resolves them), the contract's channels under /api/, keep-alive.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type http from 'node:http';
import type { Dispatch } from '../ipc/dispatch';
import { contentTypeOf, resolveInside } from '../shell/app-protocol';
import { securityHeaders } from '../shell/security';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(request: http.IncomingMessage): Promise<unknown> {
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

export function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** An error answer in the contract's shape, so a client reads it as it reads a refused channel. */
export function sendError(response: http.ServerResponse, status: number, kind: string, message: string): void {
  send(response, status, { ok: false, error: { kind, message } });
}

export function serveStatic(rendererDir: string, urlPath: string, response: http.ServerResponse): void {
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

/** The channel named by `/api/<channel>`, or null for another path. */
export function apiChannel(pathname: string): string | null {
  return pathname.startsWith('/api/') ? decodeURIComponent(pathname.slice(5)) : null;
}

export async function answerChannel(dispatch: Dispatch, channel: string, body: unknown, response: http.ServerResponse): Promise<void> {
  send(response, 200, await dispatch(channel, body));
}

/** The token of an `Authorization: Bearer …` header ('' when there is none). */
export function bearerToken(request: http.IncomingMessage): string {
  return (request.headers.authorization ?? '').replace(/^Bearer /, '');
}

/**
 * Node closes an idle kept-alive connection after 5 s; a request sent on it at that moment fails with ECONNRESET,
 * which a browser does not retry for a POST. Keep connections longer than a client keeps them idle.
 */
export function keepConnectionsAlive(server: http.Server): void {
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
}

/** A request handler that answers 400 with the reason when handling throws (a broken JSON body). */
export function guarded(
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>,
): (request: http.IncomingMessage, response: http.ServerResponse) => void {
  return (request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 400, 'invalid-input', `请求无效：${String(error)}`);
      else response.destroy();
    });
  };
}
