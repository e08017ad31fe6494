// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebClient, takeWebToken } from '../../../renderer/src/api/client';

afterEach(() => {
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
});

describe('browser client', () => {
  it('takes the token from the URL fragment, keeps it for reloads and hides it', () => {
    window.history.replaceState(null, '', '/index.html#token=abc%2D123');
    expect(takeWebToken()).toBe('abc-123');
    expect(window.location.hash).toBe('');
    expect(takeWebToken()).toBe('abc-123');
  });

  it('posts the input to /api/<channel> with the bearer token', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const result = await createWebClient('tok')['registry.list']({});
    expect(result).toEqual({ ok: true, value: [] });
    expect(fetchMock).toHaveBeenCalledWith('api/registry.list', expect.objectContaining({
      method: 'POST',
      body: '{}',
      headers: expect.objectContaining({ Authorization: 'Bearer tok' }),
    }));
  });

  it('turns a refused token and a lost connection into Chinese errors', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 401 })));
    const refused = await createWebClient('bad')['app.info']({});
    expect(refused.ok ? '' : refused.error.message).toContain('访问令牌无效');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const lost = await createWebClient('tok')['app.info']({});
    expect(lost.ok ? '' : lost.error.message).toContain('无法连接');
  });
});
