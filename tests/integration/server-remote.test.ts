// The desktop's side of server mode, before its window exists: the contract forwarded to a real server over the
// pinned client, answering as the local dispatcher does — values, with the server's Chinese messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIN_MISMATCH_MESSAGE, createServerClient } from '../../electron/server/pinned-client';
import { createRemoteDispatch } from '../../electron/server/remote-dispatch';
import { NO_DIALOGS_MESSAGE } from '../../electron/server/start';
import { startTestServer, type TestServer } from './support/server';
import { marksRepository } from '../../electron/registry/marks';

let t: TestServer;
let token: string | null = null;
beforeAll(async () => {
  t = await startTestServer('postgres');
  await t.server.accounts.create({ login: 'zhangsan', displayName: '张三', role: '科员', password: 'clerk-password-1' });
});
afterAll(async () => {
  await t?.stop();
});

describe('the contract forwarded to the server', () => {
  it('asks for a login first, then answers as the server does for this user', async () => {
    const dispatch = createRemoteDispatch(t.client, () => token);
    expect(await dispatch('registry.list', {})).toEqual({ ok: false, error: { kind: 'unsupported', message: '尚未登录服务器，请先登录。' } });
    token = await t.login('zhangsan', 'clerk-password-1');
    const list = await dispatch('registry.list', {});
    expect(list.ok && Array.isArray(list.value) ? list.value.length : -1).toBe(await marksRepository(t.server.services.ctx.data).count());
    expect(await dispatch('accounts.me', {})).toMatchObject({ ok: true, value: { user: { login: 'zhangsan' } } });
  });

  it('passes on the server’s refusals: the role, bad input, file dialogs, unknown channels', async () => {
    token = await t.login('zhangsan', 'clerk-password-1');
    const dispatch = createRemoteDispatch(t.client, () => token);
    expect(await dispatch('letters.issue', { id: 1 })).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: '您的角色（科员）无权执行此操作，需要「处长」或更高的角色。' },
    });
    const bad = await dispatch('hits.get', { hitId: 'x' });
    expect(bad.ok ? '' : bad.error.message).toMatch(/^请求参数无效：hitId/);
    expect(await dispatch('files.open', { purpose: 'table' })).toEqual({ ok: false, error: { kind: 'unsupported', message: NO_DIALOGS_MESSAGE } });
    expect(await dispatch('no.such', {})).toEqual({ ok: false, error: { kind: 'invalid-input', message: '未知的请求「no.such」' } });
  });

  it('sends nothing to a server whose certificate is not the pinned one', async () => {
    token = await t.login('zhangsan', 'clerk-password-1');
    const impostorPin = createServerClient({ url: t.pin.url, fingerprint: '00'.repeat(32) });
    const dispatch = createRemoteDispatch(impostorPin, () => token);
    expect(await dispatch('registry.list', {})).toEqual({ ok: false, error: { kind: 'unsupported', message: PIN_MISMATCH_MESSAGE } });
  });
});
