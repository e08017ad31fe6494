// Accounts: login with lock-out, sessions that end (idle and absolute), and the user management of a 管理员.
// Exceptions (AppFailure, Chinese messages) inside; the server and the dispatcher turn them into values.
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role, type UserSummary } from '../../shared/contract/accounts';
import { TEXT_LIMITS } from '../../shared/formats/limits';
import { checkText } from '../../shared/formats/text';
import { AppFailure } from '../../shared/result';
import type { ActingUser } from './acting-user';
import { createAddressThrottle, type ClientAddress } from './address-throttle';
import { clockTime } from './clock-time';
import { burnVerification, hashPassword, verifyPassword } from './passwords';
import { DEFAULT_SESSION_POLICY, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, PASSWORD_MIN_LENGTH, SCRYPT_PARAMS, type ScryptParams, type SessionPolicy } from './policy';
import type { AccountsRepository, UserRow } from './repository';

export interface AccountsServiceOptions {
  repo: AccountsRepository;
  now?: () => Date;
  sessions?: SessionPolicy;
  /** tests use a cheaper cost; the server never sets it */
  scrypt?: ScryptParams;
  /** Records a change to an account in the app's audit log (the server wires it; who acted is the request's user). */
  audit?: (change: AccountChange) => Promise<void> | void;
  /** Tells the server's operator what no account's audit entry records (an address blocked for failed logins). */
  notice?: (message: string) => void;
}

/** An account change for the audit log: entity 'user', keyed by login, described in Chinese. */
export interface AccountChange {
  action: 'create' | 'update';
  login: string;
  note: string;
}

export interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  password: string;
}

export type Authentication = { ok: true; user: ActingUser; tokenHash: string } | { ok: false; message: string };

export const WRONG_CREDENTIALS = '登录名或密码不正确。';
const MINUTE = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The login as stored and compared: NFKC, trimmed, lower case (张三 and ＺＨＡＮＧ are one spelling each). */
export function foldLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

function checkLogin(raw: string): string {
  const checked = checkText(foldLogin(raw), TEXT_LIMITS.account.login);
  if (!checked.ok) throw new AppFailure('invalid-input', checked.reason);
  if (!/^[\p{L}\p{N}._-]+$/u.test(checked.value)) {
    throw new AppFailure('invalid-input', '登录名不能为空，只能包含汉字、字母、数字和 . _ -');
  }
  return checked.value;
}

function checkDisplayName(raw: string): string {
  const checked = checkText(raw, TEXT_LIMITS.account.displayName);
  if (!checked.ok) throw new AppFailure('invalid-input', checked.reason);
  if (checked.value === '') throw new AppFailure('invalid-input', '姓名不能为空');
  return checked.value;
}

export function checkNewPassword(password: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw new AppFailure('invalid-input', `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`);
  }
  if (password.length > TEXT_LIMITS.account.password.max) {
    throw new AppFailure('invalid-input', `密码不能超过 ${TEXT_LIMITS.account.password.max} 个字符`);
  }
}

function asRole(value: string): Role {
  // the table's check constraint admits only these
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : '科员';
}

export function summarise(row: UserRow, now: Date): UserSummary {
  const locked = row.locked_until !== null && row.locked_until > now.toISOString();
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: asRole(row.role),
    disabled: row.disabled !== 0,
    lockedUntil: locked ? row.locked_until : null,
    failedAttempts: row.failed_attempts,
    createdAt: row.created_at,
    mustChangePassword: row.must_change_password !== 0,
  };
}

const acting = (row: UserRow): ActingUser => ({
  id: row.id,
  login: row.login,
  displayName: row.display_name,
  role: asRole(row.role),
  ...(row.must_change_password !== 0 ? { mustChangePassword: true } : {}),
});

export const SAME_PASSWORD = '新密码不能与当前密码相同。';

export function createAccountsService(options: AccountsServiceOptions) {
  const { repo } = options;
  const clock = options.now ?? (() => new Date());
  const policy = options.sessions ?? DEFAULT_SESSION_POLICY;
  const scrypt = options.scrypt ?? SCRYPT_PARAMS;
  const audit = options.audit ?? (() => undefined);
  const notice = options.notice ?? (() => undefined);
  const throttle = createAddressThrottle(clock);

  async function userOrFail(id: number): Promise<UserRow> {
    const row = await repo.userById(id);
    if (!row) throw new AppFailure('not-found', '找不到这个用户，可能已被删除。');
    return row;
  }
  async function keepOneAdmin(row: UserRow): Promise<void> {
    if (row.role !== '管理员' || row.disabled !== 0) return;
    if ((await repo.countActiveWithRole('管理员', row.id)) === 0) {
      throw new AppFailure('conflict', '至少要保留一个可用的管理员账户。');
    }
  }
  const summary = async (id: number) => summarise(await userOrFail(id), clock());

  async function createAccount(input: NewAccount, mustChangePassword: boolean): Promise<UserSummary> {
    const login = checkLogin(input.login);
    const displayName = checkDisplayName(input.displayName);
    checkNewPassword(input.password);
    if (await repo.userByLogin(login)) throw new AppFailure('conflict', `登录名「${login}」已被使用。`);
    const password = await hashPassword(input.password, scrypt);
    const id = await repo.insertUser({ login, displayName, role: input.role, password, createdAt: clock().toISOString(), mustChangePassword });
    await audit({ action: 'create', login, note: `新建账户：${displayName}，角色 ${input.role}${mustChangePassword ? '（首次登录须修改密码）' : ''}` });
    return summary(id);
  }

  async function refuseFailure(row: UserRow): Promise<never> {
    const failures = await repo.addFailedAttempt(row.id);
    if (failures >= LOCKOUT_THRESHOLD) {
      const until = new Date(clock().getTime() + LOCKOUT_MINUTES * MINUTE).toISOString();
      // the count starts again after the lock, so each lock follows LOCKOUT_THRESHOLD fresh failures
      await repo.updateUser(row.id, { locked_until: until, failed_attempts: 0 });
      await audit({ action: 'update', login: row.login, note: `连续 ${LOCKOUT_THRESHOLD} 次密码错误，锁定至 ${until}` });
      throw new AppFailure('unsupported', `连续 ${LOCKOUT_THRESHOLD} 次密码错误，账户已锁定 ${LOCKOUT_MINUTES} 分钟（至 ${clockTime(until)}）。`);
    }
    throw new AppFailure('invalid-input', WRONG_CREDENTIALS);
  }

  return {
    policy,

    /**
     * Checks the password and opens a session; the raw token is returned once and only its hash is stored. `from`
     * (the server passes the client's address) throttles failures per address, whatever login names they tried.
     */
    async login(loginName: string, password: string, from?: ClientAddress): Promise<{ token: string; user: UserSummary; expiresAt: string }> {
      if (from) throttle.check(from);
      const wrong = (): AppFailure => {
        const blockedUntil = from ? throttle.fail(from) : null;
        if (from && blockedUntil) notice(`地址 ${from.address} 登录失败次数过多，暂停其登录至 ${blockedUntil}`);
        return new AppFailure('invalid-input', WRONG_CREDENTIALS);
      };
      // no password this long was ever accepted; refusing it unhashed keeps a huge body from costing a hash
      if (password.length > TEXT_LIMITS.account.password.max || loginName.length > TEXT_LIMITS.account.login.max * 4) {
        throw wrong();
      }
      const row = await repo.userByLogin(foldLogin(loginName));
      if (!row) {
        await burnVerification(password, scrypt);
        throw wrong();
      }
      const now = clock();
      if (row.locked_until !== null && row.locked_until > now.toISOString()) {
        const left = Math.max(1, Math.ceil((Date.parse(row.locked_until) - now.getTime()) / MINUTE));
        throw new AppFailure('unsupported', `账户已锁定，请于 ${clockTime(row.locked_until)} 后再试（剩余 ${left} 分钟），或请管理员解锁。`);
      }
      const matches = await verifyPassword(password, { hash: row.password_hash, salt: row.password_salt, params: row.password_params });
      if (!matches) {
        // the account's own count and lock-out first; the address counts the failure whatever the account said
        const refused = await refuseFailure(row).catch((error: unknown) => error);
        wrong();
        throw refused;
      }
      if (row.disabled !== 0) throw new AppFailure('unsupported', '账户已停用，请联系管理员。');
      await repo.updateUser(row.id, { failed_attempts: 0, locked_until: null });
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + policy.lifetimeHours * 60 * MINUTE).toISOString();
      await repo.insertSession({ tokenHash: hashToken(token), userId: row.id, now: now.toISOString(), expiresAt });
      return { token, user: summarise({ ...row, failed_attempts: 0, locked_until: null }, now), expiresAt };
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(hashToken(token));
    },

    /** The user of a session token, or why not; a used session's idle clock starts again. */
    async authenticate(token: string | undefined): Promise<Authentication> {
      if (!token) return { ok: false, message: '请先登录。' };
      const tokenHash = hashToken(token);
      const session = await repo.sessionByHash(tokenHash);
      if (!session) return { ok: false, message: '登录已失效，请重新登录。' };
      const now = clock();
      const idleEnd = new Date(Date.parse(session.lastSeenAt) + policy.idleMinutes * MINUTE);
      if (session.expiresAt <= now.toISOString() || idleEnd <= now) {
        await repo.deleteSession(tokenHash);
        return { ok: false, message: '登录已过期，请重新登录。' };
      }
      if (session.user.disabled !== 0) return { ok: false, message: '账户已停用，请联系管理员。' };
      await repo.touchSession(tokenHash, now.toISOString());
      return { ok: true, user: acting(session.user), tokenHash };
    },

    /** Removes ended sessions (the server runs it now and then); how many. */
    pruneSessions(): Promise<number> {
      const now = clock();
      return repo.deleteEndedSessions(now.toISOString(), new Date(now.getTime() - policy.idleMinutes * MINUTE).toISOString());
    },

    me: (id: number) => summary(id),
    list: async () => (await repo.listUsers()).map((row) => summarise(row, clock())),

    create: (input: NewAccount) => createAccount(input, false),

    async setRole(id: number, role: Role): Promise<UserSummary> {
      const row = await userOrFail(id);
      if (role !== '管理员') await keepOneAdmin(row);
      await repo.updateUser(id, { role });
      await audit({ action: 'update', login: row.login, note: `角色：${row.role} → ${role}` });
      return summary(id);
    },

    async resetPassword(id: number, password: string): Promise<UserSummary> {
      const row = await userOrFail(id);
      checkNewPassword(password);
      const hashed = await hashPassword(password, scrypt);
      await repo.updateUser(id, {
        password_hash: hashed.hash, password_salt: hashed.salt, password_params: hashed.params, failed_attempts: 0, locked_until: null,
        // the 管理员 knows this password: the user chooses their own at the next login
        must_change_password: 1,
      });
      await repo.deleteSessionsOf(id);
      await audit({ action: 'update', login: row.login, note: '重设密码（已退出其所有登录；下次登录须修改密码）' });
      return summary(id);
    },

    async unlock(id: number): Promise<UserSummary> {
      const row = await userOrFail(id);
      await repo.updateUser(id, { failed_attempts: 0, locked_until: null });
      await audit({ action: 'update', login: row.login, note: '解除锁定' });
      return summary(id);
    },

    async setDisabled(id: number, disabled: boolean): Promise<UserSummary> {
      const row = await userOrFail(id);
      if (disabled) await keepOneAdmin(row);
      await repo.updateUser(id, { disabled: disabled ? 1 : 0 });
      if (disabled) await repo.deleteSessionsOf(id);
      await audit({ action: 'update', login: row.login, note: disabled ? '停用账户（已退出其所有登录）' : '启用账户' });
      return summary(id);
    },

    /**
     * A user's own change: the current password must be right (a failure counts toward the lock-out), the new one
     * must meet the policy and differ from it. Lifts a forced change.
     */
    async changePassword(id: number, current: string, next: string): Promise<void> {
      const row = await userOrFail(id);
      const matches = await verifyPassword(current, { hash: row.password_hash, salt: row.password_salt, params: row.password_params });
      if (!matches) await refuseFailure(row).catch((error: unknown) => {
        throw error instanceof AppFailure && error.message === WRONG_CREDENTIALS ? new AppFailure('invalid-input', '当前密码不正确。') : error;
      });
      checkNewPassword(next);
      // the current one was just verified, so comparing the texts as the hash sees them is comparing the passwords
      if (next.normalize('NFKC') === current.normalize('NFKC')) throw new AppFailure('invalid-input', SAME_PASSWORD);
      const hashed = await hashPassword(next, scrypt);
      await repo.updateUser(id, { password_hash: hashed.hash, password_salt: hashed.salt, password_params: hashed.params, failed_attempts: 0, must_change_password: 0 });
      await audit({ action: 'update', login: row.login, note: row.must_change_password !== 0 ? '本人修改密码（按要求修改初始或重设的密码）' : '本人修改密码' });
    },

    /**
     * First start: the 管理员 `admin` with a random one-time password, returned to be printed once. Whoever read it
     * on the console must replace it at the first login (must_change_password) before anything else is served.
     */
    async createFirstAdmin(): Promise<{ login: string; password: string } | null> {
      if ((await repo.countUsers()) > 0) return null;
      const password = randomBytes(12).toString('base64url');
      await createAccount({ login: 'admin', displayName: '管理员', role: '管理员', password }, true);
      return { login: 'admin', password };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
