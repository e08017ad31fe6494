// Accounts as a user meets them: login, wrong passwords and the lock-out, sessions that end, disabled accounts,
// the last 管理员 kept — on SQLite and on the real PostgreSQL, with the clock in the test's hands.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientAddress } from '../../electron/accounts/address-throttle';
import { ADDRESS_BLOCK_MINUTES, ADDRESS_FAILURE_LIMIT, ADDRESS_WINDOW_MINUTES, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, type ScryptParams } from '../../electron/accounts/policy';
import { createAccountsRepository } from '../../electron/accounts/repository';
import { SAME_PASSWORD, WRONG_CREDENTIALS, createAccountsService, hashToken, type AccountsService } from '../../electron/accounts/service';
import { migrateStore } from '../../electron/store/migrate';
import { STORE_KINDS, openFreshStore, type TestStore } from './support/stores';

// a cheap cost keeps these tests quick; tests/integration/server-security.test.ts checks the real one
const CHEAP: ScryptParams = { N: 1024, r: 8, p: 1, keyLength: 32 };
const MINUTE = 60_000;
const PASSWORD = '青海湖-password-1';

describe.each(STORE_KINDS)('accounts on %s', (kind) => {
  let test: TestStore;
  let accounts: AccountsService;
  let now: Date;
  const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * MINUTE));

  beforeEach(async () => {
    test = await openFreshStore(kind);
    await migrateStore(test.store);
    now = new Date('2026-12-01T08:00:00.000Z');
    accounts = createAccountsService({
      repo: createAccountsRepository(test.store.db),
      now: () => now,
      sessions: { idleMinutes: 30, lifetimeHours: 8 },
      scrypt: CHEAP,
    });
    await accounts.create({ login: 'Admin', displayName: '王管理', role: '管理员', password: PASSWORD });
    await accounts.create({ login: 'zhangsan', displayName: '张三', role: '科员', password: PASSWORD });
  });
  afterEach(async () => {
    await test?.drop();
  });

  it('logs in with the right password (login case does not matter) and stores only the token hash', async () => {
    const session = await accounts.login('ZHANGSAN ', PASSWORD);
    expect(session.user).toMatchObject({ login: 'zhangsan', displayName: '张三', role: '科员' });
    const rows = await test.store.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(hashToken(session.token));
    expect(JSON.stringify(rows)).not.toContain(session.token);
    expect(await accounts.authenticate(session.token)).toMatchObject({ ok: true, user: { login: 'zhangsan', role: '科员' } });
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    await expect(accounts.login('zhangsan', 'wrong-password')).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(accounts.login('nobody', PASSWORD)).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it('refuses an overlong password as a wrong one, and counts it toward nothing', async () => {
    await expect(accounts.login('zhangsan', 'x'.repeat(1_000_000))).rejects.toThrow(WRONG_CREDENTIALS);
    expect((await accounts.list()).find((user) => user.login === 'zhangsan')?.failedAttempts).toBe(0);
  });

  it(`locks an account after ${LOCKOUT_THRESHOLD} failures for ${LOCKOUT_MINUTES} minutes, even against the right password`, async () => {
    for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt += 1) {
      await expect(accounts.login('zhangsan', `wrong-${attempt}`)).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(accounts.login('zhangsan', 'wrong-last')).rejects.toThrow(/连续 5 次密码错误，账户已锁定 15 分钟（至 16:15）/);
    await expect(accounts.login('zhangsan', PASSWORD)).rejects.toThrow(/账户已锁定，请于 16:15 后再试/);
    advance(LOCKOUT_MINUTES - 1);
    await expect(accounts.login('zhangsan', PASSWORD)).rejects.toThrow(/账户已锁定/);
    advance(1);
    await expect(accounts.login('zhangsan', PASSWORD)).resolves.toMatchObject({ user: { lockedUntil: null, failedAttempts: 0 } });
  });

  it('starts counting again after a successful login', async () => {
    for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt += 1) await accounts.login('zhangsan', 'x').catch(() => undefined);
    await accounts.login('zhangsan', PASSWORD);
    await expect(accounts.login('zhangsan', 'x')).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it('lets a 管理员 unlock a locked account at once', async () => {
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt += 1) await accounts.login('zhangsan', 'x').catch(() => undefined);
    const [, clerk] = await accounts.list();
    expect(clerk?.lockedUntil).toBe('2026-12-01T08:15:00.000Z');
    await accounts.unlock(clerk?.id ?? 0);
    await expect(accounts.login('zhangsan', PASSWORD)).resolves.toBeTruthy();
  });

  it('ends a session after 30 idle minutes, and any session after its lifetime however active', async () => {
    const idle = await accounts.login('zhangsan', PASSWORD);
    advance(29);
    expect((await accounts.authenticate(idle.token)).ok).toBe(true); // used: the idle clock starts again
    advance(30);
    expect(await accounts.authenticate(idle.token)).toEqual({ ok: false, message: '登录已过期，请重新登录。' });
    expect(await accounts.authenticate(idle.token)).toEqual({ ok: false, message: '登录已失效，请重新登录。' });

    const busy = await accounts.login('zhangsan', PASSWORD);
    for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
      advance(20);
      expect((await accounts.authenticate(busy.token)).ok).toBe(true);
    }
    advance(20);
    expect((await accounts.authenticate(busy.token)).ok).toBe(false);
  });

  it('removes ended sessions from the table and keeps the live ones', async () => {
    await accounts.login('zhangsan', PASSWORD);
    advance(20);
    const live = await accounts.login('Admin', PASSWORD);
    advance(15); // the first has been idle 35 minutes, the second 15
    expect(await accounts.pruneSessions()).toBe(1);
    const rows = await test.store.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((row) => row.token_hash)).toEqual([hashToken(live.token)]);
  });

  it('refuses no token, a made-up token and a logged-out token', async () => {
    expect(await accounts.authenticate(undefined)).toEqual({ ok: false, message: '请先登录。' });
    expect((await accounts.authenticate('made-up')).ok).toBe(false);
    const session = await accounts.login('zhangsan', PASSWORD);
    await accounts.logout(session.token);
    expect((await accounts.authenticate(session.token)).ok).toBe(false);
  });

  it('disabling a user ends their sessions and refuses their login; enabling lets them back', async () => {
    const session = await accounts.login('zhangsan', PASSWORD);
    const clerk = (await accounts.list()).find((user) => user.login === 'zhangsan');
    await accounts.setDisabled(clerk?.id ?? 0, true);
    expect((await accounts.authenticate(session.token)).ok).toBe(false);
    await expect(accounts.login('zhangsan', PASSWORD)).rejects.toThrow('账户已停用，请联系管理员。');
    await accounts.setDisabled(clerk?.id ?? 0, false);
    await expect(accounts.login('zhangsan', PASSWORD)).resolves.toBeTruthy();
  });

  it('resetting a password ends the old sessions and the old password', async () => {
    const session = await accounts.login('zhangsan', PASSWORD);
    const clerk = (await accounts.list()).find((user) => user.login === 'zhangsan');
    await accounts.resetPassword(clerk?.id ?? 0, 'a-new-password-2');
    expect((await accounts.authenticate(session.token)).ok).toBe(false);
    await expect(accounts.login('zhangsan', PASSWORD)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(accounts.login('zhangsan', 'a-new-password-2')).resolves.toBeTruthy();
  });

  it('keeps one usable 管理员', async () => {
    const admin = (await accounts.list()).find((user) => user.role === '管理员');
    await expect(accounts.setRole(admin?.id ?? 0, '处长')).rejects.toThrow('至少要保留一个可用的管理员账户。');
    await expect(accounts.setDisabled(admin?.id ?? 0, true)).rejects.toThrow('至少要保留一个可用的管理员账户。');
    await accounts.create({ login: 'admin2', displayName: '李管理', role: '管理员', password: PASSWORD });
    await expect(accounts.setRole(admin?.id ?? 0, '处长')).resolves.toMatchObject({ role: '处长' });
  });

  it('refuses bad new accounts in Chinese', async () => {
    const base = { displayName: '李四', role: '科员' as const, password: PASSWORD };
    await expect(accounts.create({ ...base, login: 'ZhangSan' })).rejects.toThrow('登录名「zhangsan」已被使用。');
    await expect(accounts.create({ ...base, login: 'li si' })).rejects.toThrow(/登录名不能为空，只能包含/);
    await expect(accounts.create({ ...base, login: '' })).rejects.toThrow(/登录名不能为空/);
    await expect(accounts.create({ ...base, login: 'lisi', password: 'short' })).rejects.toThrow('密码至少需要 10 个字符');
    await expect(accounts.create({ ...base, login: 'lisi', displayName: ' ' })).rejects.toThrow('姓名不能为空');
    await expect(accounts.create({ ...base, login: '李四' })).resolves.toMatchObject({ login: '李四' });
  });

  it('changes a password only with the right current one', async () => {
    const clerk = (await accounts.list()).find((user) => user.login === 'zhangsan');
    await expect(accounts.changePassword(clerk?.id ?? 0, 'not-it', 'a-new-password-3')).rejects.toThrow('当前密码不正确。');
    await accounts.changePassword(clerk?.id ?? 0, PASSWORD, 'a-new-password-3');
    await expect(accounts.login('zhangsan', 'a-new-password-3')).resolves.toBeTruthy();
  });

  it('creates the first 管理员 only in an empty store, and it must replace its printed password', async () => {
    expect(await accounts.createFirstAdmin()).toBeNull();
    await test.store.db.deleteFrom('users').execute();
    const first = await accounts.createFirstAdmin();
    const session = await accounts.login('admin', first?.password ?? '');
    expect(session.user).toMatchObject({ login: 'admin', role: '管理员', mustChangePassword: true });
    expect(await accounts.authenticate(session.token)).toMatchObject({ ok: true, user: { mustChangePassword: true } });
    await accounts.changePassword(session.user.id, first?.password ?? '', 'admin-own-password');
    expect(await accounts.me(session.user.id)).toMatchObject({ mustChangePassword: false });
    expect(await accounts.authenticate(session.token)).toMatchObject({ ok: true, user: { login: 'admin' } });
    expect(((await accounts.authenticate(session.token)) as { user: { mustChangePassword?: boolean } }).user.mustChangePassword).toBeUndefined();
  });

  it('a reset password must be changed by its user; the new one must differ and meet the policy', async () => {
    const clerk = (await accounts.list()).find((user) => user.login === 'zhangsan');
    expect(clerk?.mustChangePassword).toBe(false);
    await accounts.resetPassword(clerk?.id ?? 0, 'set-by-admin-1');
    const session = await accounts.login('zhangsan', 'set-by-admin-1');
    expect(session.user.mustChangePassword).toBe(true);
    await expect(accounts.changePassword(session.user.id, 'set-by-admin-1', 'set-by-admin-1')).rejects.toThrow(SAME_PASSWORD);
    await expect(accounts.changePassword(session.user.id, 'set-by-admin-1', 'short')).rejects.toThrow('密码至少需要 10 个字符');
    await expect(accounts.changePassword(session.user.id, 'wrong-current', 'my-own-password-1')).rejects.toThrow('当前密码不正确。');
    expect((await accounts.me(session.user.id)).mustChangePassword).toBe(true); // nothing refused changed anything
    await accounts.changePassword(session.user.id, 'set-by-admin-1', 'my-own-password-1');
    expect((await accounts.me(session.user.id)).mustChangePassword).toBe(false);
    await expect(accounts.login('zhangsan', 'set-by-admin-1')).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(accounts.login('zhangsan', 'my-own-password-1')).resolves.toMatchObject({ user: { mustChangePassword: false } });
  });

  it(`refuses an address after ${ADDRESS_FAILURE_LIMIT} failed logins under any names for ${ADDRESS_BLOCK_MINUTES} minutes; others log in`, async () => {
    const guesser = clientAddress('::ffff:10.1.2.3');
    const office = clientAddress('10.1.2.4');
    for (let attempt = 0; attempt < ADDRESS_FAILURE_LIMIT; attempt += 1) {
      await expect(accounts.login(`guess${attempt}`, 'x-password-1', guesser)).rejects.toThrow(WRONG_CREDENTIALS);
    }
    // the right password from there is refused unchecked (no hash, no count on the account)
    await expect(accounts.login('zhangsan', PASSWORD, guesser)).rejects.toThrow(
      /此电脑（10\.1\.2\.3）登录失败次数过多，已暂停登录：请于 16:15 后再试（剩余 15 分钟）/,
    );
    expect((await accounts.list()).find((user) => user.login === 'zhangsan')?.failedAttempts).toBe(0);
    // another address, and a success there, neither blocked nor unblocking
    await expect(accounts.login('zhangsan', PASSWORD, office)).resolves.toBeTruthy();
    await expect(accounts.login('zhangsan', PASSWORD, guesser)).rejects.toThrow(/登录失败次数过多/);
    advance(ADDRESS_BLOCK_MINUTES - 1);
    await expect(accounts.login('zhangsan', PASSWORD, guesser)).rejects.toThrow(/剩余 1 分钟/);
    advance(1);
    await expect(accounts.login('zhangsan', PASSWORD, guesser)).resolves.toBeTruthy();
  });

  it(`forgets failures older than ${ADDRESS_WINDOW_MINUTES} minutes, and a success clears nothing`, async () => {
    const from = clientAddress('10.9.9.9');
    for (let attempt = 1; attempt < ADDRESS_FAILURE_LIMIT; attempt += 1) await accounts.login(`guess${attempt}`, 'x', from).catch(() => undefined);
    advance(ADDRESS_WINDOW_MINUTES + 1);
    await expect(accounts.login('nobody', 'x', from)).rejects.toThrow(WRONG_CREDENTIALS);
    for (let attempt = 2; attempt < ADDRESS_FAILURE_LIMIT; attempt += 1) await accounts.login(`guess${attempt}`, 'x', from).catch(() => undefined);
    await expect(accounts.login('zhangsan', PASSWORD, from)).resolves.toBeTruthy(); // 19 in the window: not yet
    await expect(accounts.login('nobody', 'x', from)).rejects.toThrow(WRONG_CREDENTIALS); // the 20th
    await expect(accounts.login('zhangsan', PASSWORD, from)).rejects.toThrow(/登录失败次数过多/);
  });
});
