// 连接到服务器 (issue 11): the desktop app's switch between its embedded SQLite and a division's server. These
// channels are always answered by the desktop's own main process, never forwarded: they decide where the rest go.
// The server and the loopback bridge answer them with a message (there is nothing to connect from there).
import { z } from 'zod';
import { RoleSchema } from './accounts';

/** The server a clerk connected to last: its address and the certificate fingerprint she confirmed. */
export const SavedServerSchema = z.object({ url: z.string(), fingerprint: z.string() });
export type SavedServer = z.infer<typeof SavedServerSchema>;

export const ConnectionStateSchema = z.object({
  /** false on the server itself, which has nothing to connect to: its pages show no 连接到服务器 */
  available: z.boolean(),
  /** 'local': the embedded SQLite (the default); 'server': every other channel goes to `server` */
  mode: z.enum(['local', 'server']),
  /** the saved server (also in local mode, to fill the form in again); never a password */
  server: SavedServerSchema.nullable(),
  /**
   * who is signed in; null in server mode means the login must be shown. `mustChangePassword`: the server serves
   * nothing but the change of a password someone else set until it is changed (the window asks for it first).
   */
  user: z.object({ login: z.string(), displayName: z.string(), role: RoleSchema, mustChangePassword: z.boolean().optional() }).nullable(),
  /** why the login is shown again (a session that ended), '' otherwise */
  message: z.string(),
  /** a file on its way to or from the server (a connected desktop's files.open or export), while it lasts */
  transfer: z
    .object({ direction: z.enum(['upload', 'download']), fileName: z.string(), bytes: z.number().nullable(), done: z.number() })
    .optional(),
});
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

const Url = z.string().trim().min(1, '请输入服务器地址').max(500);
const Credentials = { login: z.string().max(200), password: z.string().max(400) };

export const connectionContract = {
  'connection.state': { input: z.object({}).strict(), output: ConnectionStateSchema },
  /**
   * The fingerprint the server at `url` presents, read from its TLS handshake with nothing sent: for a first
   * connection the clerk compares it with the one shown on the server's console before trusting it.
   */
  'connection.probe': { input: z.object({ url: Url }).strict(), output: z.object({ url: z.string(), fingerprint: z.string() }) },
  /** Connects with a confirmed fingerprint and logs in; only then are the address and fingerprint saved. */
  'connection.connect': {
    input: z.object({ url: Url, fingerprint: z.string().trim().min(1, '请输入证书指纹').max(200), ...Credentials }).strict(),
    output: ConnectionStateSchema,
  },
  /** Logs in again to the saved server (after a session ended, or at start when the app was left connected). */
  'connection.login': { input: z.object({ ...Credentials }).strict(), output: ConnectionStateSchema },
  /** Back to the embedded SQLite; the server's session is ended, the address and fingerprint stay saved. */
  'connection.disconnect': { input: z.object({}).strict(), output: ConnectionStateSchema },
} as const;
