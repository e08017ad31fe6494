// The desktop in server mode (groundwork for 连接到服务器): a Dispatch, the same shape the IPC registration and
// the web bridge call, that forwards each channel to the server over the pinned client with the session token.
// Not wired to a window yet. Channels that open or save files are forwarded like the rest and answered by the
// server, which has no file dialogs (a message); uploading the clerk's files is part of what is left.
import { fail } from '../../shared/result';
import { isChannel, type Dispatch } from '../ipc/dispatch';
import type { createServerClient } from './pinned-client';

type ServerClient = ReturnType<typeof createServerClient>;

export function createRemoteDispatch(client: ServerClient, sessionToken: () => string | null): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail('invalid-input', `未知的请求「${channel}」`);
    const token = sessionToken();
    if (!token) return fail('unsupported', '尚未登录服务器，请先登录。');
    return client.call(channel, input, token);
  };
}
