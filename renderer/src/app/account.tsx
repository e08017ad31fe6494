// Who is signed in, in server mode, for the whole renderer; null in the desktop app and the loopback bridge, which
// have no accounts. What a role may do comes from the one table, shared/roles.ts: a control the user's role may not
// use is hidden or disabled with the reason the server would give.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Channel } from '../../../shared/api';
import type { Role, UserSummary } from '../../../shared/contract/accounts';
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

// The desktop connected to a server (连接到服务器) has no session here: its main process holds it, and the header's
// connection state (useConnection) reports the signed-in role, which the permissions follow the same way.
let connectedRole: Role | null = null;
const roleListeners = new Set<() => void>();
const subscribeRole = (listener: () => void) => {
  roleListeners.add(listener);
  return () => roleListeners.delete(listener);
};

/** The role of the desktop's connection to a server as its state was last read; null in local mode. */
export function reportConnectedRole(role: Role | null): void {
  if (role === connectedRole) return;
  connectedRole = role;
  for (const listener of roleListeners) listener();
}

/** The role of whoever is signed in to a server (in this browser tab, or through the desktop's connection). */
export function useSignedInRole(): Role | null {
  const browserRole = useAccount()?.role ?? null;
  const desktopRole = useSyncExternalStore(subscribeRole, () => connectedRole);
  return browserRole ?? desktopRole;
}

export interface Permission {
  allowed: boolean;
  /** why not (as a tooltip and beside a disabled control); undefined when allowed */
  reason: string | undefined;
}

/** May the signed-in user call this channel? Always in the desktop app on its own data. */
export function usePermission(channel: Channel): Permission {
  const role = useSignedInRole();
  if (!role || roleAllows(role, channel)) return { allowed: true, reason: undefined };
  return { allowed: false, reason: forbiddenMessage(channel, role) };
}
