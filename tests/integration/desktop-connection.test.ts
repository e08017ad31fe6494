// 连接到服务器 in the desktop app (issue 11), as the main process runs it, against a real HTTPS server with
// accounts on PostgreSQL: the app's own services on a local SQLite folder, the connection in front of them, and
// every call going through the same dispatch the IPC registration gets.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { CONNECTION_FILE, connectionFile, createServerConnection, selectDispatch } from '../../electron/server/connection';
import { createConnectionHandlers } from '../../electron/server/connection-handlers';
import { MUST_CHANGE_PASSWORD_MESSAGE } from '../../electron/server/https-server';
import { PIN_MISMATCH_MESSAGE } from '../../electron/server/pinned-client';
import { NOT_SIGNED_IN_MESSAGE } from '../../electron/server/remote-dispatch';
import { startServices, type RunningServices } from '../../electron/startup';
import { tempDir, testConfig } from './support/context';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
let folder: ReturnType<typeof tempDir>;
let local: RunningServices;
let dispatch: Dispatch;
const CLERK = { login: 'zhangsan', password: 'clerk-password-1' };

/** The desktop app as electron/main.ts composes it, on the local data folder. */
async function startDesktop(): Promise<{ services: RunningServices; dispatch: Dispatch }> {
  const connection = createServerConnection(connectionFile(folder.dir));
  const services = await startServices(testConfig(folder.dir), createQueuedDialogs(), createConnectionHandlers(connection));
  return { services, dispatch: selectDispatch(services.dispatch, connection) };
}

async function value<T = unknown>(channel: string, input: unknown = {}, via: Dispatch = dispatch): Promise<T> {
  const answer = await via(channel, input);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}
async function refusal(channel: string, input: unknown = {}, via: Dispatch = dispatch): Promise<string> {
  const answer = await via(channel, input);
  if (answer.ok) throw new Error(`${channel} was not refused`);
  return answer.error.message;
}
const dataDirOf = async (via: Dispatch = dispatch) => (await value<{ dataDir: string }>('app.info', {}, via)).dataDir;
const savedFile = () => path.join(folder.dir, CONNECTION_FILE);

beforeAll(async () => {
  t = await startTestServer('postgres');
  await t.server.accounts.create({ login: CLERK.login, displayName: '张三', role: '科员', password: CLERK.password });
  folder = tempDir('markguard-desktop-');
  ({ services: local, dispatch } = await startDesktop());
}, 60_000);
afterAll(async () => {
  local?.close();
  await t?.stop();
  folder?.remove();
});

describe('连接到服务器', () => {
  it('starts on the embedded SQLite; the fingerprint the server presents is shown before anything is trusted', async () => {
    expect(await value('connection.state')).toEqual({ available: true, mode: 'local', server: null, user: null, message: '' });
    expect(await dataDirOf()).toBe(folder.dir);
    const probed = await value<{ url: string; fingerprint: string }>('connection.probe', { url: t.pin.url.replace('https://', '') });
    expect(probed.url).toBe(t.pin.url);
    expect(probed.fingerprint).toBe(t.server.certificate.fingerprint.toUpperCase());
    expect(existsSync(savedFile())).toBe(false);
  });

  it('refuses another certificate, a wrong password, a plain http address or a malformed fingerprint, and stays local', async () => {
    const connect = (over: Record<string, string>) => refusal('connection.connect', { url: t.pin.url, fingerprint: t.pin.fingerprint, ...CLERK, ...over });
    expect(await connect({ fingerprint: 'AB:'.repeat(31) + 'AB' })).toBe(PIN_MISMATCH_MESSAGE);
    expect(await connect({ password: 'wrong-password-1' })).toMatch(/登录名或密码/);
    expect(await connect({ url: t.pin.url.replace('https:', 'http:') })).toMatch(/必须以 https:\/\/ 开头/);
    expect(await connect({ fingerprint: '12:34' })).toMatch(/64 位十六进制/);
    expect(await connect({ url: `${t.pin.url}api/` })).toMatch(/只写主机和端口/);
    expect(await value('connection.state')).toMatchObject({ mode: 'local', server: null });
    expect(await dataDirOf()).toBe(folder.dir);
    expect(existsSync(savedFile())).toBe(false);
  });

  it('connected: every channel goes to the server as the clerk; the address and fingerprint are saved, never the password', async () => {
    const state = await value('connection.connect', { url: t.pin.url, fingerprint: t.pin.fingerprint.toLowerCase().replace(/:/g, ''), ...CLERK });
    expect(state).toEqual({ available: true, mode: 'server', server: { url: t.pin.url, fingerprint: t.pin.fingerprint.toUpperCase() }, user: { login: 'zhangsan', displayName: '张三', role: '科员' }, message: '' });
    expect(await dataDirOf()).toBe(t.server.services.ctx.config.dataDir);
    expect(await value('accounts.me')).toMatchObject({ mode: 'server', user: { login: 'zhangsan' } });
    expect(await refusal('letters.issue', { id: 1 })).toBe('您的角色（科员）无权执行此操作，需要「处长」或更高的角色。');
    // a refusal of the role is not a lost session
    expect(await value('connection.state')).toMatchObject({ user: { login: 'zhangsan' } });
    const saved = readFileSync(savedFile(), 'utf8');
    expect(JSON.parse(saved)).toEqual({ url: t.pin.url, fingerprint: t.pin.fingerprint.toUpperCase(), active: true });
    expect(saved).not.toContain(CLERK.password);
  });

  it('a session the server ends brings the login back; logging in again carries on', async () => {
    t.advance(31);
    expect(await refusal('registry.list')).toMatch(/登录已过期/);
    expect(await value('connection.state')).toMatchObject({ mode: 'server', user: null, message: expect.stringMatching(/登录已过期/) });
    expect(await refusal('registry.list')).toBe(NOT_SIGNED_IN_MESSAGE);
    expect(await refusal('connection.login', { login: 'zhangsan', password: 'wrong-password-1' })).toMatch(/登录名或密码/);
    expect(await value('connection.login', CLERK)).toMatchObject({ mode: 'server', user: { login: 'zhangsan' }, message: '' });
    expect(await dataDirOf()).toBe(t.server.services.ctx.config.dataDir);
  });

  it('an app started again while connected asks for the login before anything reaches the server', async () => {
    const again = createServerConnection(connectionFile(folder.dir));
    const restarted = selectDispatch(local.dispatch, again);
    expect(again.state()).toMatchObject({ mode: 'server', server: { url: t.pin.url }, user: null });
    expect(await refusal('registry.list', {}, restarted)).toBe(NOT_SIGNED_IN_MESSAGE);
  });

  it('断开连接: back to the embedded SQLite, the server session ended, the address kept for the next time', async () => {
    const sessionsBefore = await t.server.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const state = await value('connection.disconnect');
    expect(state).toEqual({ available: true, mode: 'local', server: { url: t.pin.url, fingerprint: t.pin.fingerprint.toUpperCase() }, user: null, message: '' });
    expect(await dataDirOf()).toBe(folder.dir);
    const sessionsAfter = await t.server.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(sessionsAfter.n)).toBe(Number(sessionsBefore.n) - 1);
    expect(JSON.parse(readFileSync(savedFile(), 'utf8'))).toMatchObject({ active: false });
    // the login alone reconnects to the saved server
    expect(await value('connection.login', CLERK)).toMatchObject({ mode: 'server', user: { login: 'zhangsan' } });
    await value('connection.disconnect');
  });

  it('a reset password: the state says it must change, the server refuses the rest, the change lifts both', async () => {
    const id = (await t.server.accounts.list()).find((user) => user.login === CLERK.login)?.id ?? 0;
    await t.server.accounts.resetPassword(id, 'reset-by-admin-1');
    expect(await value('connection.login', { login: CLERK.login, password: 'reset-by-admin-1' })).toMatchObject({ mode: 'server', user: { login: 'zhangsan', mustChangePassword: true } });
    expect(await refusal('registry.list')).toBe(MUST_CHANGE_PASSWORD_MESSAGE);
    // a refusal for the password is not a lost session either
    expect(await value('connection.state')).toMatchObject({ user: { mustChangePassword: true } });
    expect(await refusal('accounts.changePassword', { current: 'reset-by-admin-1', next: 'reset-by-admin-1' })).toBe('新密码不能与当前密码相同。');
    expect(await value('accounts.changePassword', { current: 'reset-by-admin-1', next: CLERK.password.replace('1', '2') })).toEqual({ changed: true });
    const state = await value<{ user: Record<string, unknown> }>('connection.state');
    expect(state.user).toEqual({ login: 'zhangsan', displayName: '张三', role: '科员' });
    expect(await value('registry.list', {})).toBeTruthy();
    // back to the password the other tests sign in with (a change of one's own, no longer forced)
    await value('accounts.changePassword', { current: CLERK.password.replace('1', '2'), next: CLERK.password });
    await value('connection.disconnect');
  });

  it('the server itself refuses to connect elsewhere', async () => {
    const token = await t.login(CLERK.login, CLERK.password);
    expect((await t.call('connection.state', {}, token)).body).toEqual({ ok: true, value: { available: false, mode: 'local', server: null, user: null, message: '' } });
    expect((await t.call('connection.probe', { url: t.pin.url }, token)).body).toMatchObject({ ok: false, error: { message: '连接到服务器只在桌面程序中使用。' } });
  });
});
