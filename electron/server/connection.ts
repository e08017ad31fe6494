// 连接到服务器 in the desktop app (issue 11): where the contract's channels go. The embedded SQLite is the default;
// once a clerk has connected (address, the certificate fingerprint she confirmed, her login) every channel but the
// connection's own is forwarded to the server with her session, and a session the server refuses (401) brings the
// login back. The address and fingerprint are kept in the data folder (server-connection.json), never the
// password; disconnecting returns to the embedded SQLite. No Electron here: main.ts only wires it to IPC.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectionContract, type ConnectionState, type SavedServer } from '../../shared/contract/connection';
import { AppFailure, fail } from '../../shared/result';
import type { DialogPort } from '../files/dialog-port';
import type { FileGrant, FileGrants } from '../files/grants';
import { isSaveChannel } from '../files/save-requests';
import type { Dispatch } from '../ipc/dispatch';
import { localToday } from '../review/local-time';
import { normaliseFingerprint } from './certificate';
import { createServerClient, presentedFingerprint, serverUrl, type PinnedServer } from './pinned-client';
import { createRemoteDispatch, type ServerClient } from './remote-dispatch';
import { createRemoteFiles, type RemoteFiles, type Transfer } from './remote-files';

export const CONNECTION_FILE = 'server-connection.json';
const LOGOUT_WAIT_MS = 2000;
const CONNECTION_CHANNELS: ReadonlySet<string> = new Set(Object.keys(connectionContract));

/** What is kept between starts: the server, and whether the app was left connected to it. */
export interface SavedConnection extends SavedServer {
  active: boolean;
}

export interface ConnectionFile {
  read(): SavedConnection | null;
  write(connection: SavedConnection): void;
}

/** server-connection.json in the data folder; a missing or unreadable file is no saved server. */
export function connectionFile(dataDir: string): ConnectionFile {
  const file = path.join(dataDir, CONNECTION_FILE);
  return {
    read() {
      try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedConnection>;
        if (typeof parsed.url !== 'string' || typeof parsed.fingerprint !== 'string') return null;
        return { url: parsed.url, fingerprint: parsed.fingerprint, active: parsed.active === true };
      } catch {
        return null;
      }
    },
    write(connection) {
      // written whole and renamed: a crash never leaves half a file that would lose the saved server
      writeFileSync(`${file}.part`, `${JSON.stringify(connection, null, 2)}\n`);
      renameSync(`${file}.part`, file);
    },
  };
}

/** AB:CD:… as the server's console prints it, or a Chinese message for something that is not a SHA-256. */
export function displayFingerprint(text: string): string {
  const hex = normaliseFingerprint(text);
  if (hex.length !== 64 || /[^0-9A-F]/.test(text.replace(/[\s:]/g, '').toUpperCase())) {
    throw new AppFailure('invalid-input', '证书指纹应为 64 位十六进制数（SHA-256，可带冒号），请照服务器控制台显示的 MARKGUARD_SERVER_FINGERPRINT 填写。');
  }
  return hex.match(/../g)!.join(':');
}

type User = NonNullable<ConnectionState['user']>;

export interface ServerConnection {
  state(): ConnectionState;
  probe(url: string): Promise<{ url: string; fingerprint: string }>;
  connect(server: SavedServer, login: string, password: string): Promise<ConnectionState>;
  login(login: string, password: string): Promise<ConnectionState>;
  disconnect(): Promise<ConnectionState>;
  /** forwards a contract channel to the server with the session (server mode only) */
  forward: Dispatch;
  /** a table file dropped on the window, uploaded to the server (server mode only) */
  dropped(filePath: string): Promise<FileGrant | null>;
}

export interface ServerConnectionOptions {
  clientFor?: (pin: PinnedServer) => ServerClient;
  /**
   * The desktop's own dialogs: files.open and the channels that save a file ask here and the files travel over the
   * connection (remote-files.ts). Without them those channels go to the server, which refuses them.
   */
  dialogs?: DialogPort;
}

export function createServerConnection(file: ConnectionFile, options: ServerConnectionOptions = {}): ServerConnection {
  const clientFor = options.clientFor ?? createServerClient;
  let saved = file.read();
  let client = saved ? clientFor(saved) : null;
  let session: { token: string; user: User } | null = null;
  let message = '';
  let transfer: Transfer | null = null;
  const sessionToken = () => session?.token ?? null;
  const onSessionEnded = (why: string) => {
    session = null;
    message = why;
  };
  const forwardTo = (c: ServerClient): Dispatch => {
    const plain = createRemoteDispatch(c, sessionToken, onSessionEnded);
    const { dialogs } = options;
    if (!dialogs) return plain;
    const files = filesFor(c, dialogs);
    return (channel, input) => (channel === 'files.open' ? files.open(input) : isSaveChannel(channel) ? files.save(channel, input) : plain(channel, input));
  };
  const filesFor = (c: ServerClient, dialogs: DialogPort): RemoteFiles =>
    createRemoteFiles({
      client: c,
      dialogs,
      sessionToken,
      onSessionEnded,
      today: () => localToday(new Date().toISOString()),
      progress: (now) => {
        transfer = now && { ...now };
      },
    });
  let remote = client ? forwardTo(client) : null;

  const state = (): ConnectionState => ({
    available: true,
    mode: saved?.active ? 'server' : 'local',
    server: saved ? { url: saved.url, fingerprint: saved.fingerprint } : null,
    user: session?.user ?? null,
    message,
    ...(transfer ? { transfer } : {}),
  });

  async function signIn(server: SavedServer, login: string, password: string): Promise<ConnectionState> {
    const next = clientFor(server);
    const answer = await next.login(login, password);
    if (!answer.ok) throw new AppFailure(answer.error.kind, answer.error.message);
    const value = answer.value as { token: string; user: User };
    // a session on the server left behind is ended there (best effort: it expires anyway)
    if (session && client) void client.logout(session.token);
    const { login: name, displayName, role, mustChangePassword } = value.user;
    session = { token: value.token, user: { login: name, displayName, role, ...(mustChangePassword ? { mustChangePassword } : {}) } };
    saved = { ...server, active: true };
    file.write(saved);
    client = next;
    remote = forwardTo(next);
    message = '';
    return state();
  }

  return {
    state,
    async probe(url) {
      const address = serverUrl(url);
      if (!address.ok) throw new AppFailure(address.error.kind, address.error.message);
      const presented = await presentedFingerprint(address.value);
      if (!presented.ok) throw new AppFailure(presented.error.kind, presented.error.message);
      return { url: address.value, fingerprint: presented.value };
    },
    async connect(server, login, password) {
      const address = serverUrl(server.url);
      if (!address.ok) throw new AppFailure(address.error.kind, address.error.message);
      return signIn({ url: address.value, fingerprint: displayFingerprint(server.fingerprint) }, login, password);
    },
    async login(login, password) {
      if (!saved) throw new AppFailure('invalid-input', '还没有连接过服务器：请先填写服务器地址和证书指纹。');
      return signIn({ url: saved.url, fingerprint: saved.fingerprint }, login, password);
    },
    async disconnect() {
      const ending = session;
      session = null;
      message = '';
      if (saved) {
        saved = { ...saved, active: false };
        file.write(saved);
      }
      // the server's session is ended too, but an unreachable server does not keep the clerk from her own data
      // for longer than a moment (the session expires there anyway)
      if (ending && client) await Promise.race([client.logout(ending.token), new Promise((resolve) => setTimeout(resolve, LOGOUT_WAIT_MS))]);
      return state();
    },
    async forward(channel, input) {
      if (!remote) return fail('unsupported', '尚未连接服务器。');
      const answer = await remote(channel, input);
      // the server lifted the forced change with it: the window stops asking for it at its next read of the state
      if (channel === 'accounts.changePassword' && answer.ok && session?.user.mustChangePassword) {
        const { mustChangePassword: _lifted, ...user } = session.user;
        session = { ...session, user };
      }
      return answer;
    },
    dropped: (filePath) => (client && options.dialogs ? filesFor(client, options.dialogs).dropped(filePath) : Promise.resolve(null)),
  };
}

/** Where a file dropped on the window goes: a local token, or (connected) an upload to the server. */
export function selectDrops(files: FileGrants, connection: ServerConnection): (filePath: string) => Promise<FileGrant | null> {
  return (filePath) => (connection.state().mode === 'local' ? Promise.resolve(files.grantDropped(filePath)) : connection.dropped(filePath));
}

/** What the IPC registration calls: the connection's own channels and local mode here, the rest to the server. */
export function selectDispatch(local: Dispatch, connection: ServerConnection): Dispatch {
  return (channel, input) => (CONNECTION_CHANNELS.has(channel) || connection.state().mode === 'local' ? local(channel, input) : connection.forward(channel, input));
}
