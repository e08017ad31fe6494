// The server's security, against a real HTTPS server on loopback with its accounts on the real PostgreSQL:
// no channel without a session, sessions that end, the lock-out, the roles, passwords never in clear, the user
// of each request in the audit log, and a client that talks only to the certificate it pinned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRYPT_PARAMS } from '../../electron/accounts/policy';
import { hashToken } from '../../electron/accounts/service';
import { fingerprintOf } from '../../electron/server/certificate';
import { PIN_MISMATCH_MESSAGE, createServerClient, postPinned } from '../../electron/server/pinned-client';
import { CHANNELS } from '../../shared/api';
import { sampleMark } from './support/marks';
import { seedConfirmedHitsOn, type SeededHits } from './support/letters';
import { startTestServer, type TestServer } from './support/server';
import { marksRepository } from '../../electron/registry/marks';

const PASSWORD = { clerk: 'clerk-password-1', head: 'head-password-1' };
let t: TestServer;
let admin: { login: string; password: string };
let seeded: SeededHits;

beforeAll(async () => {
  t = await startTestServer('postgres');
  if (!t.server.firstAdmin) throw new Error('the first start should create the 管理员');
  admin = t.server.firstAdmin;
  await t.server.accounts.create({ login: 'zhangsan', displayName: '张三', role: '科员', password: PASSWORD.clerk });
  await t.server.accounts.create({ login: 'lichu', displayName: '李处长', role: '处长', password: PASSWORD.head });
  seeded = await seedConfirmedHitsOn(t.server.services.ctx);
});
afterAll(async () => {
  await t?.stop();
});

describe('without a session', () => {
  it('refuses every channel of the contract with 401, with no token and with a made-up one', async () => {
    for (const channel of CHANNELS) {
      const none = await t.call(channel, {});
      expect(none.status, channel).toBe(401);
      expect(none.body.error?.message, channel).toBe('请先登录。');
      const madeUp = await t.call(channel, {}, 'made-up-token');
      expect(madeUp.status, channel).toBe(401);
      expect(madeUp.body.error?.message, channel).toBe('登录已失效，请重新登录。');
    }
  });

  it('does not run a refused call', async () => {
    const before = await marksRepository(t.server.services.ctx.data).count();
    await t.call('registry.create', { mark: sampleMark({ id: 'NOSESSION-1', name: '无会话' }) });
    expect(await marksRepository(t.server.services.ctx.data).count()).toBe(before);
  });
});

describe('sessions', () => {
  it('works after login, is refused after 30 idle minutes, and after logout', async () => {
    const token = await t.login('zhangsan', PASSWORD.clerk);
    expect((await t.call('accounts.me', {}, token)).body).toMatchObject({ ok: true, value: { mode: 'server', user: { login: 'zhangsan', role: '科员' } } });
    t.advance(31);
    const expired = await t.call('hits.facets', {}, token);
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toBe('登录已过期，请重新登录。');

    const again = await t.login('zhangsan', PASSWORD.clerk);
    expect((await t.client.logout(again)).ok).toBe(true);
    expect((await t.call('accounts.me', {}, again)).status).toBe(401);
  });

  it('refuses a locked account even with the right password until the lock ends', async () => {
    await t.server.accounts.create({ login: 'wangwu', displayName: '王五', role: '科员', password: PASSWORD.clerk });
    const answers: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await t.client.login('wangwu', `wrong-${attempt}`);
      answers.push(result.ok ? 'ok' : result.error.message);
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('登录名或密码不正确。'));
    expect(answers[4]).toMatch(/连续 5 次密码错误，账户已锁定 15 分钟/);
    const locked = await t.client.login('wangwu', PASSWORD.clerk);
    expect(locked.ok ? '' : locked.error.message).toMatch(/账户已锁定，请于 \d\d:\d\d 后再试/);
    t.advance(14);
    expect((await t.client.login('wangwu', PASSWORD.clerk)).ok).toBe(false);
    t.advance(1);
    expect((await t.client.login('wangwu', PASSWORD.clerk)).ok).toBe(true);
  });
});

describe('roles', () => {
  it('lets a 科员 draft a letter but not issue it; a 处长 issues it', async () => {
    const clerk = await t.login('zhangsan', PASSWORD.clerk);
    const draft = await t.call('letters.draftFromHits', { hitIds: seeded.gi, kind: 'referral' }, clerk);
    expect(draft.body.ok).toBe(true);
    const id = (draft.body.value as { id: number }).id;

    const refused = await t.call('letters.issue', { id }, clerk);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('您的角色（科员）无权执行此操作，需要「处长」或更高的角色。');

    const head = await t.login('lichu', PASSWORD.head);
    const issued = await t.call('letters.issue', { id }, head);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ ok: true, value: { id, status: 'issued' } });
  });

  it('applies a change of role from the next request, without a new login', async () => {
    const root = await t.adminToken();
    await t.server.accounts.create({ login: 'zhouba', displayName: '周八', role: '处长', password: 'zhouba-password' });
    const head = await t.login('zhouba', 'zhouba-password');
    expect((await t.call('registry.delete', { key: 999_999, version: 0 }, head)).status).toBe(200); // past the role check
    const id = (await t.server.accounts.list()).find((user) => user.login === 'zhouba')?.id;
    expect((await t.call('accounts.setRole', { id, role: '科员' }, root)).body.ok).toBe(true);
    const refused = await t.call('registry.delete', { key: 999_999, version: 0 }, head);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('您的角色（科员）无权执行此操作，需要「处长」或更高的角色。');
  });

  it('lets neither a 科员 nor a 处长 manage users; a 管理员 does', async () => {
    const clerk = await t.login('zhangsan', PASSWORD.clerk);
    const head = await t.login('lichu', PASSWORD.head);
    const newUser = { login: 'zhaoliu', displayName: '赵六', role: '科员', password: 'zhaoliu-password' };
    for (const token of [clerk, head]) {
      expect((await t.call('accounts.list', {}, token)).status).toBe(403);
      expect((await t.call('accounts.create', newUser, token)).status).toBe(403);
      expect((await t.call('accounts.setRole', { id: 2, role: '管理员' }, token)).status).toBe(403);
    }
    const root = await t.adminToken();
    const created = await t.call('accounts.create', newUser, root);
    expect(created.body).toMatchObject({ ok: true, value: { login: 'zhaoliu', role: '科员' } });
    expect((await t.call('accounts.list', {}, root)).body.value).toEqual(expect.arrayContaining([expect.objectContaining({ login: 'zhaoliu' })]));
    expect(await t.login('zhaoliu', 'zhaoliu-password')).toMatch(/^[\w-]{40,}$/);
  });

  it('records account changes in the audit log with the 管理员 who made them', async () => {
    const root = await t.adminToken();
    const created = await t.call('accounts.create', { login: 'sunqi', displayName: '孙七', role: '科员', password: 'sunqi-password' }, root);
    const id = (created.body.value as { id: number }).id;
    await t.call('accounts.setRole', { id, role: '处长' }, root);
    const entries = await t.server.services.ctx.data
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity_key as login', 'note'])
      .where('entity', '=', 'user')
      .orderBy('id')
      .execute();
    expect(entries[0]).toEqual({ actor: '测试员', action: 'create', login: 'admin', note: '新建账户：管理员，角色 管理员（首次登录须修改密码）' });
    expect(entries.filter((entry) => entry.login === 'sunqi')).toEqual([
      { actor: '管理员（admin）', action: 'create', login: 'sunqi', note: '新建账户：孙七，角色 科员' },
      { actor: '管理员（admin）', action: 'update', login: 'sunqi', note: '角色：科员 → 处长' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('sunqi-password');
  });
});

describe('who acted', () => {
  it('records the user of each request in the audit log, with two users at once', async () => {
    const head = await t.login('lichu', PASSWORD.head);
    const root = await t.adminToken();
    const [one, two] = await Promise.all([
      t.call('registry.create', { mark: sampleMark({ id: 'AUDIT-1', name: '审计一号' }) }, head),
      t.call('registry.create', { mark: sampleMark({ id: 'AUDIT-2', name: '审计二号' }) }, root),
    ]);
    const keyOne = (one?.body.value as { key: number }).key;
    const keyTwo = (two?.body.value as { key: number }).key;
    const historyOne = await t.call('registry.history', { key: keyOne }, head);
    const historyTwo = await t.call('registry.history', { key: keyTwo }, head);
    expect(historyOne.body.value).toEqual([expect.objectContaining({ actor: '李处长（lichu）', action: 'create' })]);
    expect(historyTwo.body.value).toEqual([expect.objectContaining({ actor: '管理员（admin）', action: 'create' })]);
  });

  it('records the 科员 who decided a hit', async () => {
    const clerk = await t.login('zhangsan', PASSWORD.clerk);
    const decided = await t.call('hits.decide', { hitIds: [seeded.undecided], decision: 'confirmed' }, clerk);
    expect(decided.body).toMatchObject({ ok: true, value: { updated: 1 } });
    const hit = await t.call('hits.get', { hitId: seeded.undecided }, clerk);
    expect(hit.body.value).toMatchObject({ decision: 'confirmed', decidedBy: '张三（zhangsan）' });
  });
});

describe('stored secrets', () => {
  it('keeps no password and no session token in clear, and hashes with the stored scrypt parameters', async () => {
    const token = await t.login('zhangsan', PASSWORD.clerk);
    const users = await t.server.store.db.selectFrom('users').selectAll().execute();
    const dump = JSON.stringify(users);
    for (const password of [PASSWORD.clerk, PASSWORD.head, admin.password]) expect(dump).not.toContain(password);
    const clerk = users.find((user) => user.login === 'zhangsan');
    expect(Buffer.from(clerk?.password_hash ?? '', 'base64')).toHaveLength(SCRYPT_PARAMS.keyLength);
    expect(Buffer.from(clerk?.password_salt ?? '', 'base64')).toHaveLength(16);
    expect(JSON.parse(clerk?.password_params ?? '{}')).toEqual(SCRYPT_PARAMS);
    expect(new Set(users.map((user) => user.password_salt)).size).toBe(users.length);
    const sessions = await t.server.store.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect(sessions.map((session) => session.token_hash)).toContain(hashToken(token));
  });
});

describe('the pinned client', () => {
  it('works with the fingerprint the server printed, in any spelling', async () => {
    const spelled = t.pin.fingerprint.replace(/:/g, '').toLowerCase();
    expect(fingerprintOf(t.server.certificate.cert)).toBe(t.pin.fingerprint);
    const result = await createServerClient({ url: t.pin.url, fingerprint: spelled }).login('zhangsan', PASSWORD.clerk);
    expect(result.ok).toBe(true);
  });

  it('refuses a certificate that does not match the pinned one, before sending anything', async () => {
    const wrong = t.pin.fingerprint.replace(/^../, t.pin.fingerprint.startsWith('00') ? '11' : '00');
    const result = await createServerClient({ url: t.pin.url, fingerprint: wrong }).login('zhangsan', 'wrong-password-x');
    expect(result).toEqual({ ok: false, error: { kind: 'unsupported', message: PIN_MISMATCH_MESSAGE } });
    // the login never reached the server: no failed attempt was counted
    const clerk = (await t.server.accounts.list()).find((user) => user.login === 'zhangsan');
    expect(clerk?.failedAttempts).toBe(0);
  });

  it('says so when the server is not there or the address is not https', async () => {
    const gone = await postPinned({ url: 'https://127.0.0.1:1/', fingerprint: t.pin.fingerprint }, '/auth/login', {});
    expect(gone.ok ? '' : gone.error.message).toMatch(/^无法连接服务器 127\.0\.0\.1:1（ECONNREFUSED）/);
    const plain = await postPinned({ url: 'http://127.0.0.1:1/', fingerprint: t.pin.fingerprint }, '/auth/login', {});
    expect(plain.ok ? '' : plain.error.message).toBe('服务器地址必须以 https:// 开头。');
  });
});
