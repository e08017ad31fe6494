// The tables the Kysely store holds, as Kysely sees them. Times are ISO strings (UTC, milliseconds) on both
// dialects, so they compare as text and read back the same from SQLite and PostgreSQL; flags are 0/1 integers.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  /** folded (NFKC, trimmed, lower case): the unique key a user types at login */
  login: string;
  display_name: string;
  role: string;
  /** scrypt output and its salt, base64; the raw password is never stored */
  password_hash: string;
  password_salt: string;
  /** JSON of the scrypt parameters the hash was made with, so they can be raised later without breaking logins */
  password_params: string;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  created_at: string;
  /** 1: the password was chosen by someone else (first start, a 管理员's reset); only a change of it is served */
  must_change_password: Generated<number>;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex; the token itself is only ever in the client's hands */
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  /** the absolute end of the session, however active it is */
  expires_at: string;
}

export interface StoreSchema {
  users: UsersTable;
  sessions: SessionsTable;
}
