// Users and sessions through Kysely: the same queries on SQLite and PostgreSQL. Only hashes of session tokens are
// stored; the service hashes before it asks.
import type { Kysely, Selectable } from 'kysely';
import type { StoreSchema, UsersTable } from '../store/schema';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  login: string;
  displayName: string;
  role: string;
  password: { hash: string; salt: string; params: string };
  createdAt: string;
  /** the password was chosen by someone else: the user must choose their own at the next login */
  mustChangePassword?: boolean;
}

export interface SessionWithUser {
  tokenHash: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  user: UserRow;
}

export type UserPatch = Partial<
  Pick<UserRow, 'role' | 'display_name' | 'password_hash' | 'password_salt' | 'password_params' | 'failed_attempts' | 'locked_until' | 'disabled' | 'must_change_password'>
>;

export function createAccountsRepository(db: Kysely<StoreSchema>) {
  const userById = (id: number) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return {
    userById,
    userByLogin: (login: string) => db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst(),
    listUsers: () => db.selectFrom('users').selectAll().orderBy('id').execute(),

    async countUsers(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n); // PostgreSQL's count is a bigint, which pg hands over as a string
    },

    /** Active (not disabled) users with the role, other than `exceptId`. */
    async countActiveWithRole(role: string, exceptId: number): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', role)
        .where('disabled', '=', 0)
        .where('id', '!=', exceptId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertUser(user: NewUser): Promise<number> {
      const row = await db
        .insertInto('users')
        .values({
          login: user.login,
          display_name: user.displayName,
          role: user.role,
          password_hash: user.password.hash,
          password_salt: user.password.salt,
          password_params: user.password.params,
          created_at: user.createdAt,
          must_change_password: user.mustChangePassword ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateUser(id: number, patch: UserPatch): Promise<void> {
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
    },

    /** Counts one more failure in the database itself, so that concurrent attempts are all counted; the new count. */
    async addFailedAttempt(id: number): Promise<number> {
      const row = await db
        .updateTable('users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', id)
        .returning('failed_attempts')
        .executeTakeFirstOrThrow();
      return row.failed_attempts;
    },

    async insertSession(session: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          user_id: session.userId,
          created_at: session.now,
          last_seen_at: session.now,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    async sessionByHash(tokenHash: string): Promise<SessionWithUser | undefined> {
      const session = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!session) return undefined;
      const user = await userById(session.user_id);
      if (!user) return undefined;
      return { tokenHash, createdAt: session.created_at, lastSeenAt: session.last_seen_at, expiresAt: session.expires_at, user };
    },

    async touchSession(tokenHash: string, now: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteSessionsOf(userId: number): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    /** Removes the sessions that ended by `now` (absolute end) or were idle since `idleSince`; how many. */
    async deleteEndedSessions(now: string, idleSince: string): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
