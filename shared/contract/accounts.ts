// Accounts in server mode (issue 11): who is signed in, and the user management a 管理员 does. The desktop app has
// no accounts; there `accounts.me` answers with no user and the management channels say they need the server.
// Login and logout are not channels: they are the server's own endpoints (/auth/login, /auth/logout), because every
// channel needs a session and those two make or end one.
import { z } from 'zod';

/** The three roles, least to most; what each may do is shared/roles.ts. */
export const ROLES = ['科员', '处长', '管理员'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const UserIdSchema = z.number().int().positive();

/** A user as the management page shows it; never the password hash. */
export const UserSummarySchema = z.object({
  id: UserIdSchema,
  login: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  /** ISO time the lock-out ends, when locked now */
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
  createdAt: z.string(),
  /** the password was set by someone else (the first start, a 管理员's reset): only changing it is served until then */
  mustChangePassword: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

// Length and content rules live in the service (shared/formats/limits.ts `account`), so the messages name the field.
const LoginInput = z.string().max(200);
const PasswordInput = z.string().max(400);

export const accountsContract = {
  /** Who this session is; `user: null` in the desktop app (no accounts there). */
  'accounts.me': {
    input: z.object({}).strict(),
    output: z.object({ mode: z.enum(['desktop', 'server']), user: UserSummarySchema.nullable() }),
  },
  'accounts.list': { input: z.object({}).strict(), output: z.array(UserSummarySchema) },
  'accounts.create': {
    input: z.object({ login: LoginInput, displayName: z.string().max(200), role: RoleSchema, password: PasswordInput }).strict(),
    output: UserSummarySchema,
  },
  'accounts.setRole': { input: z.object({ id: UserIdSchema, role: RoleSchema }).strict(), output: UserSummarySchema },
  /** Sets a new password, lifts a lock-out and ends the user's sessions. */
  'accounts.resetPassword': { input: z.object({ id: UserIdSchema, password: PasswordInput }).strict(), output: UserSummarySchema },
  'accounts.unlock': { input: z.object({ id: UserIdSchema }).strict(), output: UserSummarySchema },
  /** Disabling ends the user's sessions at once. */
  'accounts.setDisabled': { input: z.object({ id: UserIdSchema, disabled: z.boolean() }).strict(), output: UserSummarySchema },
  /**
   * Any signed-in user changes their own password (the current one is checked; the new one must differ and meet
   * the policy). The one channel, with accounts.me, served to a user who must change theirs.
   */
  'accounts.changePassword': {
    input: z.object({ current: PasswordInput, next: PasswordInput }).strict(),
    output: z.object({ changed: z.literal(true) }),
  },
} as const;
