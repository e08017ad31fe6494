// What guards the logins of a real HTTPS server (accounts on the real PostgreSQL, the clock in the test's hands):
// many failed logins from one computer, under any login names, refuse that computer for a while and no other; the
// first 管理员 and an account whose password a 管理员 reset may do nothing but change it until they have.
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_BLOCK_MINUTES, ADDRESS_FAILURE_LIMIT } from '../../electron/accounts/policy';
import { MUST_CHANGE_PASSWORD_MESSAGE } from '../../electron/server/https-server';
import { rawRequest, startTestServer, uploadFile, type TestServer } from './support/server';

const CLERK_PASSWORD = 'clerk-password-1';
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer('postgres');
  await t.server.accounts.create({ login: 'zhangsan', displayName: '张三', role: '科员', password: CLERK_PASSWORD });
});
afterAll(async () => {
  await t?.stop();
});

/** A login from another computer: the server sees the connection come from `from` (127/8 is all loopback). */
async function loginFrom(from: string, login: string, password: string): Promise<{ ok: boolean; message: string; token: string }> {
  const body = Buffer.from(JSON.stringify({ login, password }));
  const answer = await rawRequest(t.pin, { method: 'POST', path: '/auth/login', localAddress: from, headers: { 'content-type': 'application/json' }, body });
  const parsed = JSON.parse(answer.body.toString('utf8')) as { ok: boolean; value?: { token: string }; error?: { message: string } };
  return { ok: parsed.ok, message: parsed.error?.message ?? '', token: parsed.value?.token ?? '' };
}

describe('login throttling per client address', () => {
  it(`refuses a computer after ${ADDRESS_FAILURE_LIMIT} failed logins under made-up names, for ${ADDRESS_BLOCK_MINUTES} minutes; other computers log in`, async () => {
    const guesser = '127.0.0.2';
    const colleague = '127.0.0.3';
    for (let attempt = 0; attempt < ADDRESS_FAILURE_LIMIT; attempt += 1) {
      expect((await loginFrom(guesser, `guess-${attempt}`, 'some-password-1')).message).toBe('登录名或密码不正确。');
    }
    const refused = await loginFrom(guesser, 'zhangsan', CLERK_PASSWORD);
    expect(refused.ok).toBe(false);
    expect(refused.message).toBe(`此电脑（${guesser}）登录失败次数过多，已暂停登录：请于 16:15 后再试（剩余 15 分钟）。如需帮助请联系管理员。`);
    // the account itself was never tried: no failure counted on it, and elsewhere it logs in
    expect((await t.server.accounts.list()).find((user) => user.login === 'zhangsan')?.failedAttempts).toBe(0);
    const elsewhere = await loginFrom(colleague, 'zhangsan', CLERK_PASSWORD);
    expect(elsewhere.ok).toBe(true);
    expect((await t.call('accounts.me', {}, elsewhere.token)).status).toBe(200);
    expect((await t.client.login('zhangsan', CLERK_PASSWORD)).ok).toBe(true); // 127.0.0.1, the test's own
    // a success elsewhere lifts nothing; the block ends on time
    expect((await loginFrom(guesser, 'zhangsan', CLERK_PASSWORD)).message).toMatch(/登录失败次数过多/);
    t.advance(ADDRESS_BLOCK_MINUTES - 1);
    expect((await loginFrom(guesser, 'zhangsan', CLERK_PASSWORD)).message).toMatch(/剩余 1 分钟/);
    t.advance(1);
    expect((await loginFrom(guesser, 'zhangsan', CLERK_PASSWORD)).ok).toBe(true);
  });
});

describe('a password someone else set must be changed first', () => {
  it('serves the first 管理员 nothing but accounts.me and its change of password, then everything', async () => {
    const first = t.server.firstAdmin;
    if (!first) throw new Error('the first start creates the 管理员');
    const login = await t.client.login(first.login, first.password);
    if (!login.ok) throw new Error(login.error.message);
    const { token, user } = login.value as { token: string; user: { mustChangePassword: boolean } };
    expect(user.mustChangePassword).toBe(true);
    expect((await t.call('accounts.me', {}, token)).body).toMatchObject({ ok: true, value: { user: { login: 'admin', mustChangePassword: true } } });
    for (const channel of ['accounts.list', 'registry.list', 'serverBackup.create', 'hits.facets']) {
      const refused = await t.call(channel, {}, token);
      expect(refused.status, channel).toBe(403);
      expect(refused.body.error?.message, channel).toBe(MUST_CHANGE_PASSWORD_MESSAGE);
    }
    const upload = await uploadFile(t.pin, token, 'table', '第1期.csv', Buffer.from('申请号\n1\n'));
    expect(upload.status).toBe(403);
    expect((await t.server.backups.status()).count).toBe(0); // the refused backup was never made

    const change = (next: string, current = first.password) => t.call('accounts.changePassword', { current, next }, token);
    expect((await change(first.password)).body.error?.message).toBe('新密码不能与当前密码相同。');
    expect((await change('short')).body.error?.message).toBe('密码至少需要 10 个字符');
    expect((await change('admin-own-password-1', 'not-the-password')).body.error?.message).toBe('当前密码不正确。');
    expect((await t.call('accounts.list', {}, token)).status).toBe(403);
    expect((await change('admin-own-password-1')).body).toEqual({ ok: true, value: { changed: true } });

    // the same session goes on, now served everything its role allows
    expect((await t.call('accounts.list', {}, token)).status).toBe(200);
    expect((await t.call('accounts.me', {}, token)).body).toMatchObject({ value: { user: { mustChangePassword: false } } });
    expect((await t.client.login(first.login, first.password)).ok).toBe(false);
  });

  it('makes a clerk whose password a 管理员 reset change it before anything else', async () => {
    const root = await t.login('admin', 'admin-own-password-1');
    const id = (await t.server.accounts.list()).find((user) => user.login === 'zhangsan')?.id;
    const reset = await t.call('accounts.resetPassword', { id, password: 'reset-by-admin-1' }, root);
    expect(reset.body).toMatchObject({ ok: true, value: { login: 'zhangsan', mustChangePassword: true } });
    const clerk = await t.login('zhangsan', 'reset-by-admin-1');
    const refused = await t.call('hits.facets', {}, clerk);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(MUST_CHANGE_PASSWORD_MESSAGE);
    expect((await t.call('accounts.changePassword', { current: 'reset-by-admin-1', next: 'clerk-own-password-2' }, clerk)).body.ok).toBe(true);
    expect((await t.call('hits.facets', {}, clerk)).status).toBe(200);
    const notes = await t.server.services.ctx.data.selectFrom('audit_log').select(['actor', 'note']).where('entity', '=', 'user').where('entity_key', '=', 'zhangsan').orderBy('id').execute();
    expect(notes.slice(-2)).toEqual([
      { actor: '管理员（admin）', note: '重设密码（已退出其所有登录；下次登录须修改密码）' },
      { actor: '张三（zhangsan）', note: '本人修改密码（按要求修改初始或重设的密码）' },
    ]);
  });
});
