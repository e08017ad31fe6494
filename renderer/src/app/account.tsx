// Who is signed in, in server mode, for the whole renderer; null in the desktop app and the loopback bridge, which
// have no accounts. What a role may do comes from the one table, shared/roles.ts: a control the user's role may not
// use is hidden or disabled with the reason the server would give.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Channel } from '../../../shared/api';
import type { UserSummary } from '../../../shared/contract/accounts';
import { forbiddenMessage, roleAllows } from '../../../shared/roles';
import type { ServerSession, SessionState } from '../api/server-session';

const SessionContext = createContext<ServerSession | null>(null);

export function SessionProvider({ session, children }: { session: ServerSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

const NO_SESSION = () => () => undefined;
const NO_STATE = (): SessionState | null => null;

/** The server session's state; null without accounts (desktop, loopback bridge). */
export function useSessionState(): SessionState | null {
  const session = useContext(SessionContext);
  return useSyncExternalStore(session ? session.subscribe : NO_SESSION, session ? session.state : NO_STATE);
}

export function useServerSession(): ServerSession | null {
  return useContext(SessionContext);
}

/** The signed-in user in server mode; null without accounts. */
export function useAccount(): UserSummary | null {
  return useSessionState()?.user ?? null;
}

export interface Permission {
  allowed: boolean;
  /** why not (as a tooltip and beside a disabled control); undefined when allowed */
  reason: string | undefined;
}

/** May the signed-in user call this channel? Always in the desktop app. */
export function usePermission(channel: Channel): Permission {
  const user = useAccount();
  if (!user || roleAllows(user.role, channel)) return { allowed: true, reason: undefined };
  return { allowed: false, reason: forbiddenMessage(channel, user.role) };
}
