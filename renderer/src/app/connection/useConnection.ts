// The desktop's connection to a division's server, as the window sees it (connection.state, answered by the main
// process). While connected it is read every few seconds, so that a session the server ended brings the login back
// within seconds; in local mode (and in a browser on the server) it changes only by the clerk's own action, which
// reloads the window, so it is read once.
import { useCallback, useEffect, useState } from 'react';
import type { ConnectionState } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { reportConnectedRole } from '../account';

const POLL_MS = 3000;
/** while a file travels (connection.state is the main process's own answer: no request reaches the server) */
const TRANSFER_POLL_MS = 500;

export function useConnection(poll = false): { state: ConnectionState | null; refresh: () => void } {
  const client = useClient();
  const [state, setState] = useState<ConnectionState | null>(null);
  const refresh = useCallback(() => {
    void client['connection.state']({}).then((r) => {
      if (!r.ok) return;
      setState(r.value);
      reportConnectedRole(r.value.mode === 'server' ? (r.value.user?.role ?? null) : null);
    });
  }, [client]);
  useEffect(refresh, [refresh]);
  const connected = state?.mode === 'server';
  const transferring = state?.transfer !== undefined;
  useEffect(() => {
    if (!poll || !connected) return undefined;
    const timer = window.setInterval(refresh, transferring ? TRANSFER_POLL_MS : POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh, poll, connected, transferring]);
  return { state, refresh };
}

/** Every page reads its data again from where the window now points: the server, or the embedded database. */
export function reloadWindow(): void {
  window.location.reload();
}

export const hostOf = (url: string): string => url.replace(/^https:\/\//, '').replace(/\/$/, '');
