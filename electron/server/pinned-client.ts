// The desktop's side of server mode (main process): calls to the server over HTTPS that trust one certificate only
// — the one whose SHA-256 fingerprint the clerk pinned when connecting. The pin replaces the CA check (a bureau's
// self-signed certificate has no CA), so the TLS handshake finishes unverified, the fingerprint is compared, and
// only then is the request written on that socket: not one byte goes to a server that fails the pin.
import http from 'node:http';
import net from 'node:net';
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

/** POSTs JSON to `path` on the pinned server; `{ok: false}` with a Chinese message when the call did not happen. */
export async function postPinned(server: PinnedServer, path: string, body: unknown, token?: string): Promise<Result<ServerAnswer>> {
  let target: URL;
  try {
    target = new URL(path, server.url);
  } catch {
    return fail('invalid-input', `服务器地址「${server.url}」无效，应为 https://主机:端口/`);
  }
  if (target.protocol !== 'https:') return fail('invalid-input', '服务器地址必须以 https:// 开头。');
  const connected = await connectPinned(server, target);
  if (!connected.ok) return connected;
  const payload = Buffer.from(JSON.stringify(body ?? {}));
  return new Promise((resolve) => {
    const request = http.request(
      {
        createConnection: () => connected.value,
        method: 'POST',
        path: target.pathname,
        headers: {
          host: target.host,
          'content-type': 'application/json',
          'content-length': payload.length,
          connection: 'close',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ ok: true, value: { status: response.statusCode ?? 0, body: JSON.parse(text) as unknown } });
          } catch {
            resolve(fail('internal', `服务器的回答无法读取（HTTP ${response.statusCode ?? '?'}）。`));
          }
        });
      },
    );
    request.once('error', (error) => resolve(fail('io', `与服务器的连接中断（${error.message}）。`)));
    request.end(payload);
  });
}

/** The server's answer to a channel or to login, as the contract's Result. */
function asResult(answer: Result<ServerAnswer>): Result<unknown> {
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

export function createServerClient(server: PinnedServer) {
  const channel = async (name: string, input: unknown, token: string): Promise<ChannelAnswer> => {
    const answer = await postPinned(server, `/api/${encodeURIComponent(name)}`, input, token);
    return { result: asResult(answer), sessionEnded: answer.ok && answer.value.status === 401 };
  };
  return {
    login: async (login: string, password: string) => asResult(await postPinned(server, '/auth/login', { login, password })),
    logout: async (token: string) => asResult(await postPinned(server, '/auth/logout', {}, token)),
    call: async (name: string, input: unknown, token: string) => (await channel(name, input, token)).result,
    channel,
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
