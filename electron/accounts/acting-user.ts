// Who the current request is, in server mode. The server runs each dispatch inside `actAs(user, …)`; anything
// that records who acted (ctx.config.actor, read by every service that writes the audit log) asks `actingUser()`
// instead of being handed the user through every call. AsyncLocalStorage follows the request's promises and
// timers; work that outlives the request (a job it started) is not yet checked to keep the user.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../../shared/contract/accounts';

export interface ActingUser {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  /** the password was set by someone else: the server serves nothing but changing it (and accounts.me) */
  mustChangePassword?: boolean;
  /** the server's id of this login session (the stored token hash, never sent out); files uploaded in it are its own */
  session?: string;
  /** the client fetches the files a channel saves (a browser on the server); others are refused the save */
  acceptsDownloads?: boolean;
  /** the file name the client chose on its own disk for what this request saves (a connected desktop) */
  saveAs?: string;
}

const storage = new AsyncLocalStorage<ActingUser>();

export function actAs<T>(user: ActingUser, work: () => T): T {
  return storage.run(user, work);
}

/** The signed-in user of this request; undefined in the desktop app and outside a request. */
export function actingUser(): ActingUser | undefined {
  return storage.getStore();
}

/** How an audit entry names a user: the name people know, and the login that makes it unique. */
export function actorName(user: ActingUser): string {
  return `${user.displayName}（${user.login}）`;
}
