// @vitest-environment jsdom
// The renderer's client on a MarkGuard server: the session token on every call, a call refused with 401 held until
// the clerk signs in again and then sent once more, files refused before they are sent, saved files downloaded.
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createServerClient, uploadFile } from '../../../renderer/src/api/server-client';
import { createServerSession } from '../../../renderer/src/api/server-session';

const USER = { id: 1, login: 'zhangsan', displayName: '张三', role: '科员', disabled: false, lockedUntil: null, failedAttempts: 0, createdAt: '2026-12-01T00:00:00Z' };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.sessionStorage.clear();
});

/** A fake server: logins hand out t1, t2…; `api` answers the calls. */
function fakeServer(api: (url: string, token: string) => Response) {
  let logins = 0;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === 'auth/login') return json({ ok: true, value: { token: `t${++logins}`, user: USER, expiresAt: '' } });
    const token = String((init?.headers as Record<string, string> | undefined)?.Authorization ?? '').replace('Bearer ', '');
    return api(url, token);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('server client', () => {
  it('holds a call refused with 401 until the clerk signs in again, then sends it once more', async () => {
    const fetchMock = fakeServer((_url, token) =>
      token === 't1' ? json({ ok: false, error: { kind: 'unsupported', message: '登录已过期，请重新登录。' } }, 401) : json({ ok: true, value: { hits: 3 } }),
    );
    const session = createServerSession();
    expect(await session.login('zhangsan', 'password-1')).toBeNull();
    expect(JSON.parse(window.sessionStorage.getItem('markguard.session') ?? '{}')).toMatchObject({ token: 't1', user: { login: 'zhangsan' } });

    const call = createServerClient(session)['app.info']({});
    await vi.waitFor(() => expect(session.state()).toMatchObject({ token: null, notice: '登录已过期，请重新登录。', user: { login: 'zhangsan' } }));
    let settled = false;
    void call.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);

    expect(await session.login('zhangsan', 'password-1')).toBeNull();
    expect(await call).toEqual({ ok: true, value: { hits: 3 } });
    const sent = fetchMock.mock.calls.filter(([url]) => url === 'api/app.info').map(([, init]) => (init?.headers as Record<string, string>).Authorization);
    expect(sent).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('shows the server refusal of a login as it comes and keeps nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ ok: false, error: { kind: 'unsupported', message: '账户已锁定，请于 16:15 后再试（剩余 15 分钟），或请管理员解锁。' } }, 401)));
    const session = createServerSession();
    expect(await session.login('zhangsan', 'x')).toBe('账户已锁定，请于 16:15 后再试（剩余 15 分钟），或请管理员解锁。');
    expect(session.state().token).toBeNull();
    expect(window.sessionStorage.getItem('markguard.session')).toBeNull();
  });

  it('refuses a file of the wrong kind or over the limit before sending it', async () => {
    const fetchMock = fakeServer(() => json({ ok: true, value: null }));
    const session = createServerSession();
    await session.login('zhangsan', 'password-1');
    const wrongKind = await uploadFile(session, new File(['x'], 'logo.png'), 'table');
    expect(wrongKind).toEqual({ ok: false, error: { kind: 'invalid-input', message: '「logo.png」不是表格文件（CSV、XLSX），请重新选择文件。' } });
    const huge = Object.defineProperty(new File(['x'], '第1920期.csv'), 'size', { value: 600 * 1024 * 1024 });
    const tooLarge = await uploadFile(session, huge, 'table');
    expect(tooLarge.ok ? '' : tooLarge.error.message).toBe('文件太大：表格文件（CSV、XLSX）不能超过 512 MB。');
    expect(fetchMock.mock.calls.filter(([url]) => url.startsWith('files/upload'))).toHaveLength(0);
  });

  it('downloads a saved file once with the session token, under its name', async () => {
    const fetchMock = fakeServer((url) =>
      url === 'files/download/abc'
        ? new Response('编号,商标名称\n', { status: 200 })
        : json({ ok: true, value: { status: 'saved', savedTo: '保护名录-2026-12-01.csv', download: 'files/download/abc', rows: 1 } }),
    );
    // jsdom has no object URLs: these two stand in for the browser's, and are removed after the test
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const session = createServerSession();
    await session.login('zhangsan', 'password-1');
    const result = await createServerClient(session)['registry.export']({ format: 'csv' });
    expect(result).toMatchObject({ ok: true, value: { status: 'saved', savedTo: '保护名录-2026-12-01.csv' } });
    expect(clicked).toEqual(['保护名录-2026-12-01.csv']);
    const download = fetchMock.mock.calls.find(([url]) => url === 'files/download/abc');
    expect((download?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer t1');
  });
});
