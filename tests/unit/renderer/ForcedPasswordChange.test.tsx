// @vitest-environment jsdom
// A password someone else set (the first 管理员's printed one, a 管理员's reset) is changed before any page: in a
// browser on the server the change takes the page's place until the server took the new password; on a connected
// desktop it sits over the window, with 断开连接 as the other way out. Mismatched entries are caught here; the
// server's own refusals (too short, the same as before) are shown as it words them. 修改密码 in the account menu asks
// the same three fields (PasswordChangeFields).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ConnectionState } from '../../../shared/api';
import type { UserSummary } from '../../../shared/contract/accounts';
import { ClientProvider } from '../../../renderer/src/api/context';
import { createServerSession } from '../../../renderer/src/api/server-session';
import { SessionProvider } from '../../../renderer/src/app/account';
import { AccountBadge } from '../../../renderer/src/app/AccountBadge';
import { ToastProvider } from '../../../renderer/src/components/Toast';
import { ServerBadge } from '../../../renderer/src/app/connection/ServerBadge';
import { ServerGate } from '../../../renderer/src/app/ServerGate';
import { UsersPage } from '../../../renderer/src/pages/users/UsersPage';
import { mockClient, type Handlers } from './mock-client';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

const ADMIN: UserSummary = {
  id: 1, login: 'admin', displayName: '管理员', role: '管理员', disabled: false, lockedUntil: null, failedAttempts: 0,
  createdAt: '2026-12-01T08:00:00.000Z', mustChangePassword: true,
};

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function signedInBrowser(user: UserSummary, handlers: Handlers) {
  window.sessionStorage.setItem('markguard.session', JSON.stringify({ token: 'session-token', user }));
  const session = createServerSession();
  const mock = mockClient({ 'accounts.me': () => ({ ok: true, value: { mode: 'server', user } }), ...handlers });
  render(
    <ClientProvider client={mock.client}>
      <SessionProvider session={session}>
        <ServerGate session={session}>
          <p>保护名录页面</p>
        </ServerGate>
      </SessionProvider>
    </ClientProvider>,
  );
  return { mock, session };
}

describe('the forced change of password in a browser on the server', () => {
  it('shows only the change until the server took a new password, then the app', async () => {
    const answers = [
      { ok: false as const, error: { kind: 'invalid-input' as const, message: '新密码不能与当前密码相同。' } },
      { ok: true as const, value: { changed: true as const } },
    ];
    const { mock, session } = signedInBrowser(ADMIN, { 'accounts.changePassword': () => answers.shift() ?? answers[0]! });
    expect(await screen.findByRole('form', { name: '修改密码' })).toBeTruthy();
    expect(screen.queryByText('保护名录页面')).toBeNull();

    type('当前密码', 'printed-once-1');
    type('新密码', 'my-own-password-1');
    type('再次输入新密码', 'my-own-password-2');
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect((await screen.findByRole('alert')).textContent).toBe('两次输入的新密码不一致。');
    expect(mock.calls.some((call) => call.channel === 'accounts.changePassword')).toBe(false);

    type('再次输入新密码', 'my-own-password-1');
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('新密码不能与当前密码相同。'));
    expect(screen.queryByText('保护名录页面')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByText('保护名录页面')).toBeTruthy();
    expect(screen.queryByRole('form', { name: '修改密码' })).toBeNull();
    expect(mock.calls.filter((call) => call.channel === 'accounts.changePassword').at(-1)?.input).toEqual({ current: 'printed-once-1', next: 'my-own-password-1' });
    expect(session.state().user?.mustChangePassword).toBe(false);
  });

  it('shows the app at once to a user whose password is their own', async () => {
    signedInBrowser({ ...ADMIN, mustChangePassword: false }, {});
    expect(await screen.findByText('保护名录页面')).toBeTruthy();
    expect(screen.queryByRole('form', { name: '修改密码' })).toBeNull();
  });
});

describe('the forced change of password on a connected desktop', () => {
  const connected = (mustChangePassword: boolean): ConnectionState => ({
    available: true, mode: 'server', server: { url: 'https://192.168.1.20:8443/', fingerprint: 'AB:CD' }, message: '',
    user: { login: 'zhangsan', displayName: '张三', role: '科员', ...(mustChangePassword ? { mustChangePassword } : {}) },
  });

  it('asks for it over the window, and 断开连接 is the other way out', async () => {
    const mock = mockClient({
      'connection.state': () => ({ ok: true, value: connected(true) }),
      'connection.disconnect': () => ({ ok: false, error: { kind: 'io', message: '断开失败（测试）' } }),
    });
    render(
      <ClientProvider client={mock.client}>
        <ServerBadge />
      </ClientProvider>,
    );
    expect(await screen.findByRole('dialog', { name: '修改密码' })).toBeTruthy();
    expect(screen.getByText(/张三，您的密码是服务器首次启动时生成的，或由管理员重设的/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '断开连接' }));
    await waitFor(() => expect(mock.calls.some((call) => call.channel === 'connection.disconnect')).toBe(true));
  });

  it('shows the usual badge once the password is the user’s own', async () => {
    const mock = mockClient({ 'connection.state': () => ({ ok: true, value: connected(false) }) });
    render(
      <ClientProvider client={mock.client}>
        <ServerBadge />
      </ClientProvider>,
    );
    expect(await screen.findByTestId('server-badge')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: '修改密码' })).toBeNull();
  });
});

describe('用户管理', () => {
  it('shows whose password waits for its user to change it', async () => {
    const clerk: UserSummary = { ...ADMIN, id: 2, login: 'zhangsan', displayName: '张三', role: '科员' };
    const mock = mockClient({ 'accounts.list': () => ({ ok: true, value: [{ ...ADMIN, mustChangePassword: false }, clerk] }) });
    render(
      <ClientProvider client={mock.client}>
        <UsersPage />
      </ClientProvider>,
    );
    expect((await screen.findByRole('row', { name: /zhangsan/ })).textContent).toContain('待本人修改密码');
    expect(screen.getByRole('row', { name: /admin/ }).textContent).toContain('正常');
  });
});

describe('修改密码 in the account menu', () => {
  it('asks for the new password twice, sends nothing when they differ, and closes once the server took it', async () => {
    window.sessionStorage.setItem('markguard.session', JSON.stringify({ token: 'session-token', user: { ...ADMIN, mustChangePassword: false } }));
    const session = createServerSession();
    const mock = mockClient({ 'accounts.changePassword': () => ({ ok: true, value: { changed: true } }) });
    render(
      <ClientProvider client={mock.client}>
        <ToastProvider>
          <SessionProvider session={session}>
            <AccountBadge />
          </SessionProvider>
        </ToastProvider>
      </ClientProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '修改密码' }));
    const dialog = await screen.findByRole('dialog', { name: '修改密码' });
    const save = within(dialog).getByRole('button', { name: '修改密码' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    type('当前密码', 'my-own-password-1');
    type('新密码', 'my-own-password-2');
    type('再次输入新密码', 'my-own-password-3');
    fireEvent.click(save);
    expect((await within(dialog).findByRole('alert')).textContent).toBe('两次输入的新密码不一致。');
    expect(mock.calls.some((call) => call.channel === 'accounts.changePassword')).toBe(false);

    type('再次输入新密码', 'my-own-password-2');
    fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '修改密码' })).toBeNull());
    expect(mock.calls.filter((call) => call.channel === 'accounts.changePassword').at(-1)?.input).toEqual({ current: 'my-own-password-1', next: 'my-own-password-2' });
    expect(await screen.findByText('密码已修改')).toBeTruthy();
  });
});
