// The one home of the accounts numbers: lock-out, session lifetimes, password length, scrypt cost.
// The server's config may change the session times (server.json); the rest are fixed rules.

/** Consecutive failed logins that lock an account… */
export const LOCKOUT_THRESHOLD = 5;
/** …and for how long. */
export const LOCKOUT_MINUTES = 15;

export interface SessionPolicy {
  /** a session not used for this long ends */
  idleMinutes: number;
  /** a session ends this long after login, however active */
  lifetimeHours: number;
}
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, lifetimeHours: 12 };

export const PASSWORD_MIN_LENGTH = 10;

/**
 * scrypt cost: N = 2^15, 32 MiB per hash (maxmem must exceed 128·N·r); one verification took 181 ms on the shared
 * two-core development machine under load. It runs in libuv's thread pool, so it does not block other requests.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 64 };

/**
 * Failed logins from one client address, whatever login names they tried (guessing names never reaches an
 * account's lock-out): this many within ADDRESS_WINDOW_MINUTES…
 */
export const ADDRESS_FAILURE_LIMIT = 20;
export const ADDRESS_WINDOW_MINUTES = 10;
/** …refuse every login from that address, unchecked, for this long. */
export const ADDRESS_BLOCK_MINUTES = 15;
/** Addresses remembered at most; an office has far fewer, and a flood of made-up ones must not grow memory. */
export const ADDRESS_TRACKED_MAX = 10_000;
