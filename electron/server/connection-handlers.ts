// The connection channels (shared/contract/connection.ts): the desktop app's (and the loopback bridge's, which
// stands in for it in browser tests), over its ServerConnection; and the refusal on the server itself, which has
// nothing to connect to.
import type { connectionContract } from '../../shared/contract/connection';
import { AppFailure } from '../../shared/result';
import type { Handlers } from '../ipc/dispatch';
import type { ServerConnection } from './connection';

type ConnectionChannel = keyof typeof connectionContract;
export type ConnectionHandlers = Pick<Handlers, ConnectionChannel>;

export function createConnectionHandlers(connection: ServerConnection): ConnectionHandlers {
  return {
    'connection.state': () => connection.state(),
    'connection.probe': ({ url }) => connection.probe(url),
    'connection.connect': ({ url, fingerprint, login, password }) => connection.connect({ url, fingerprint }, login, password),
    'connection.login': ({ login, password }) => connection.login(login, password),
    'connection.disconnect': () => connection.disconnect(),
  };
}

function desktopOnly(): never {
  throw new AppFailure('unsupported', '连接到服务器只在桌面程序中使用。');
}

export function createNoConnectionHandlers(): ConnectionHandlers {
  return {
    // the server is where the data is: never connected elsewhere
    'connection.state': () => ({ available: false, mode: 'local', server: null, user: null, message: '' }),
    'connection.probe': desktopOnly,
    'connection.connect': desktopOnly,
    'connection.login': desktopOnly,
    'connection.disconnect': desktopOnly,
  };
}
