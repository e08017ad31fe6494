// The desktop in server mode (连接到服务器): a Dispatch, the same shape the IPC registration and the web bridge
// call, that forwards each channel to the server over the pinned client with the session token. Channels that open
// or save files are forwarded like the rest and answered by the server, which has no file dialogs (a message).
// electron/server/connection.ts decides when this dispatch is used instead of the embedded SQLite's.
import { fail } from '../../shared/result';
import { isChannel, type Dispatch } from '../ipc/dispatch';
import type { createServerClient } from './pinned-client';

export type ServerClient = ReturnType<typeof createServerClient>;

export const NOT_SIGNED_IN_MESSAGE = '尚未登录服务器，请先登录。';

/** `onSessionEnded`: the server refused the session (401) — ended, expired or its user disabled — with its message. */
export function createRemoteDispatch(client: ServerClient, sessionToken: () => string | null, onSessionEnded?: (message: string) => void): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail('invalid-input', `未知的请求「${channel}」`);
    const token = sessionToken();
    if (!token) return fail('unsupported', NOT_SIGNED_IN_MESSAGE);
    const answer = await client.channel(channel, input, token);
    if (answer.sessionEnded && !answer.result.ok) onSessionEnded?.(answer.result.error.message);
    return answer.result;
  };
}
