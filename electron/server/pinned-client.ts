// The desktop's side of server mode (main process): calls to the server over HTTPS that trust one certificate only
// — the one whose SHA-256 fingerprint the clerk pinned when connecting. The pin replaces the CA check (a bureau's
// self-signed certificate has no CA), so the TLS handshake finishes unverified, the fingerprint is compared, and
// only then is the request written on that socket: not one byte goes to a server that fails the pin.
import http from 'node:http';
import net from 'node:net';
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import { fail, type Result } from '../../shared/result';
import { normaliseFingerprint } from './certificate';

export interface PinnedServer {
  /** https://host:port/ */
  url: string;
  /** SHA-256 of the server's certificate, as the server printed it (colons and case do not matter) */
  fingerprint: string;
  timeoutMs?: number;
}

export const PIN_MISMATCH_MESSAGE =
  '服务器证书的指纹与您固定的指纹不一致，连接已中断，没有发送任何数据。可能有人冒充服务器，或服务器更换了证书：请与管理员核对指纹。';

function connectPinned(server: PinnedServer, target: URL): Promise<Result<tls.TLSSocket>> {
  return new Promise((resolve) => {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const socket = tls.connect({
      host,
      port: Number(target.port || 443),
      // SNI carries names only
      ...(net.isIP(host) ? {} : { servername: host }),
      // the pin below is the check; a self-signed certificate fails the CA check by design
      rejectUnauthorized: false,
      timeout: server.timeoutMs ?? 10_000,
    });
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256 ?? '';
      if (presented === '' || normaliseFingerprint(presented) !== normaliseFingerprint(server.fingerprint)) {
        socket.destroy();
        resolve(fail('unsupported', PIN_MISMATCH_MESSAGE));
        return;
      }
      resolve({ ok: true, value: socket });
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(fail('io', `连接服务器 ${target.host} 超时，请检查地址和网络。`));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(fail('io', `无法连接服务器 ${target.host}（${error.code ?? error.message}），请检查地址和网络。`));
    });
  });
}

/** What the server answered: its HTTP status and its JSON body (the contract's `{ok, value | error}`). */
export interface ServerAnswer {
  status: number;
  body: unknown;
}

/** One request over a pinned connection (uploads and downloads stream; everything else is JSON). */
export interface PinnedRequest {
  method: 'GET' | 'POST';
  /** path and query, relative to the server's address */
  path: string;
  token?: string;
  headers?: Record<string, string | number>;
  /** a buffer, or a file streamed after the server agreed to take it (Expect: 100-continue) */
  body?: Buffer | { stream: () => Readable; length: number };
  /** how long the open connection may stay silent (an export the server writes for minutes); default timeoutMs */
  idleMs?: number;
}

/** Opens the pinned connection and sends the request; the server's response, to be read by the caller. */
export async function requestPinned(server: PinnedServer, options: PinnedRequest): Promise<Result<http.IncomingMessage>> {
  let target: URL;
  try {
    target = new URL(options.path, server.url);
  } catch {
    return fail('invalid-input', `服务器地址「${server.url}」无效，应为 https://主机:端口/`);
  }
  if (target.protocol !== 'https:') return fail('invalid-input', '服务器地址必须以 https:// 开头。');
  const connected = await connectPinned(server, target);
  if (!connected.ok) return connected;
  connected.value.setTimeout(options.idleMs ?? server.timeoutMs ?? 10_000);
  const body = options.body;
  const streamed = body !== undefined && !Buffer.isBuffer(body);
  return new Promise((resolve) => {
    const request = http.request(
      {
        createConnection: () => connected.value,
        method: options.method,
        path: `${target.pathname}${target.search}`,
        headers: {
          host: target.host,
          connection: 'close',
          ...(body === undefined ? {} : { 'content-length': body.length }),
          // a refused upload (session, role, size) is answered before one byte of the file is sent
          ...(streamed ? { expect: '100-continue' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (response) => resolve({ ok: true, value: response }),
    );
    request.once('error', (error) => resolve(fail('io', `与服务器的连接中断（${error.message}）。`)));
    if (body === undefined) request.end();
    else if (Buffer.isBuffer(body)) request.end(body);
    else {
      request.once('continue', () => {
        const source = body.stream();
        source.once('error', (error) => request.destroy(error));
        source.pipe(request);
      });
      request.flushHeaders();
    }
  });
}

/** Reads a response's JSON body. */
export function readJson(response: http.IncomingMessage): Promise<Result<ServerAnswer>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('error', (error) => resolve(fail('io', `与服务器的连接中断（${error.message}）。`)));
    response.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ ok: true, value: { status: response.statusCode ?? 0, body: JSON.parse(text) as unknown } });
      } catch {
        resolve(fail('internal', `服务器的回答无法读取（HTTP ${response.statusCode ?? '?'}）。`));
      }
    });
  });
}

/** POSTs JSON to `path` on the pinned server; `{ok: false}` with a Chinese message when the call did not happen. */
export async function postPinned(server: PinnedServer, path: string, body: unknown, token?: string, headers?: Record<string, string>, idleMs?: number): Promise<Result<ServerAnswer>> {
  const payload = Buffer.from(JSON.stringify(body ?? {}));
  const response = await requestPinned(server, {
    method: 'POST',
    path,
    body: payload,
    headers: { 'content-type': 'application/json', ...headers },
    ...(token ? { token } : {}),
    ...(idleMs ? { idleMs } : {}),
  });
  return response.ok ? readJson(response.value) : response;
}

/** The server's answer to a channel or to login, as the contract's Result. */
export function asResult(answer: Result<ServerAnswer>): Result<unknown> {
  if (!answer.ok) return answer;
  const body = answer.value.body as Result<unknown> | null;
  if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  return fail('internal', `服务器的回答格式不对（HTTP ${answer.value.status}）。`);
}

/** A channel's answer, and whether the server refused the session itself (401: the login must be shown again). */
export interface ChannelAnswer {
  result: Result<unknown>;
  sessionEnded: boolean;
}

/** Extra headers and a longer silence for a channel whose answer is a file written on the server. */
export interface ChannelOptions {
  headers?: Record<string, string>;
  idleMs?: number;
}

export function createServerClient(server: PinnedServer) {
  const channel = async (name: string, input: unknown, token: string, options: ChannelOptions = {}): Promise<ChannelAnswer> => {
    const answer = await postPinned(server, `/api/${encodeURIComponent(name)}`, input, token, options.headers, options.idleMs);
    return { result: asResult(answer), sessionEnded: answer.ok && answer.value.status === 401 };
  };
  return {
    login: async (login: string, password: string) => asResult(await postPinned(server, '/auth/login', { login, password })),
    logout: async (token: string) => asResult(await postPinned(server, '/auth/logout', {}, token)),
    call: async (name: string, input: unknown, token: string) => (await channel(name, input, token)).result,
    channel,
    /** a streamed request (uploads, downloads) on this server */
    request: (options: PinnedRequest) => requestPinned(server, options),
  };
}

/** The server's address as https://host:port/, or a Chinese message. */
export function serverUrl(text: string): Result<string> {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text.trim()) ? text.trim() : `https://${text.trim()}`);
  } catch {
    return fail('invalid-input', `服务器地址「${text}」无效，应为 https://主机:端口/`);
  }
  if (url.protocol !== 'https:') return fail('invalid-input', '服务器地址必须以 https:// 开头：与服务器之间只用加密连接。');
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return fail('invalid-input', `服务器地址只写主机和端口，例如 https://192.168.1.20:8443/（收到「${text}」）。`);
  }
  return { ok: true, value: `${url.protocol}//${url.host}/` };
}

/**
 * The SHA-256 fingerprint the server at `url` presents, read from the TLS handshake; nothing is sent. What a
 * clerk compares with the server's console on a first connection (trust on first use, after her confirmation).
 */
export function presentedFingerprint(url: string, timeoutMs = 10_000): Promise<Result<string>> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port: Number(target.port || 443), ...(net.isIP(host) ? {} : { servername: host }), rejectUnauthorized: false, timeout: timeoutMs });
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256 ?? '';
      socket.destroy();
      resolve(presented ? { ok: true, value: presented.toUpperCase() } : fail('io', `服务器 ${target.host} 没有出示证书。`));
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(fail('io', `连接服务器 ${target.host} 超时，请检查地址和网络。`));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(fail('io', `无法连接服务器 ${target.host}（${error.code ?? error.message}），请检查地址和网络。`));
    });
  });
}
