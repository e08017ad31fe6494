// The renderer's one way to the rest of the app: window.markguard in Electron (preload), otherwise the loopback
// web bridge (POST /api/<channel> with the bearer token handed over in the URL fragment).
import { createClient, type Channel, type MarkGuardClient } from '../../../shared/api';
import type { Result } from '../../../shared/result';

const TOKEN_KEY = 'markguard.token';

/** Reads `#token=...` from the URL once, keeps it in sessionStorage and removes it from the visible URL. */
export function takeWebToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    window.sessionStorage.setItem(TOKEN_KEY, token);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

async function postChannel(token: string, channel: Channel, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    if (response.status === 401) {
      return { ok: false, error: { kind: 'unsupported', message: '访问令牌无效，请使用启动时给出的完整地址重新打开。' } };
    }
    if (!response.ok) {
      return { ok: false, error: { kind: 'internal', message: `本机服务出错（HTTP ${response.status}）。` } };
    }
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { kind: 'io', message: '无法连接到本机服务，请确认商标守护仍在运行。' } };
  }
}

export function createWebClient(token: string): MarkGuardClient {
  return createClient((channel, input) => postChannel(token, channel, input));
}

/** The client for this window, or null in a browser opened without a token. */
export function resolveClient(): MarkGuardClient | null {
  if (window.markguard) return window.markguard;
  const token = takeWebToken();
  return token ? createWebClient(token) : null;
}
