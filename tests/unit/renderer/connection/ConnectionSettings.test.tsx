// @vitest-environment jsdom
// 设置 · 连接到服务器 and the header badge: the fingerprint the server presents is only used once the clerk says it
// matches; the connection is made with what she typed; the header names the server and the user; an ended
// session brings a login that cannot be dismissed except by disconnecting.
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ConnectionState } from '../../../../shared/api';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { ServerBadge } from '../../../../renderer/src/app/connection/ServerBadge';
import { ConnectionSettings } from '../../../../renderer/src/pages/about/ConnectionSettings';
import { mockClient, type Handlers } from '../mock-client';

afterEach(cleanup);

const FP = 'AB:CD:'.repeat(15) + 'AB:CD';
const LOCAL: ConnectionState = { available: true, mode: 'local', server: null, user: null, message: '' };
const SERVER = { url: 'https://192.168.1.20:8443/', fingerprint: FP };

function show(element: ReactElement, handlers: Handlers) {
  const mock = mockClient(handlers);
  render(<ClientProvider client={mock.client}>{element}</ClientProvider>);
  return mock;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('连接到服务器 in 设置', () => {
  it('shows the presented fingerprint and uses it only after the clerk confirms it matches', async () => {
    const mock = show(<ConnectionSettings />, {
      'connection.state': () => ({ ok: true, value: LOCAL }),
      'connection.probe': () => ({ ok: true, value: { url: SERVER.url, fingerprint: FP } }),
      'connection.connect': () => ({ ok: false, error: { kind: 'unsupported', message: '登录名或密码不正确。' } }),
    });
    await screen.findByLabelText('服务器地址');
    type('服务器地址', '192.168.1.20:8443');
    fireEvent.click(await screen.findByRole('button', { name: '读取服务器指纹' }));
    const check = await screen.findByRole('group', { name: '核对证书指纹' });
    expect(within(check).getByTestId('presented-fingerprint').textContent).toBe(FP);
    expect((screen.getByLabelText('证书指纹（SHA-256）') as HTMLInputElement).value).toBe('');
    fireEvent.click(within(check).getByRole('button', { name: '指纹一致，信任此服务器' }));
    expect((screen.getByLabelText('证书指纹（SHA-256）') as HTMLInputElement).value).toBe(FP);
    type('登录名', 'zhangsan');
    type('密码', 'clerk-password-1');
    fireEvent.click(screen.getByRole('button', { name: '连接并登录' }));
    expect((await screen.findByRole('alert')).textContent).toBe('登录名或密码不正确。');
    expect(mock.calls.find((c) => c.channel === 'connection.connect')?.input).toEqual({ url: SERVER.url, fingerprint: FP, login: 'zhangsan', password: 'clerk-password-1' });
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
  });

  it('keeps a rejected fingerprint out of the form', async () => {
    show(<ConnectionSettings />, {
      'connection.state': () => ({ ok: true, value: LOCAL }),
      'connection.probe': () => ({ ok: true, value: { url: SERVER.url, fingerprint: FP } }),
    });
    await screen.findByLabelText('服务器地址');
    type('服务器地址', SERVER.url);
    fireEvent.click(await screen.findByRole('button', { name: '读取服务器指纹' }));
    fireEvent.click(within(await screen.findByRole('group', { name: '核对证书指纹' })).getByRole('button', { name: '不一致，不连接' }));
    expect(screen.queryByRole('group', { name: '核对证书指纹' })).toBeNull();
    expect((screen.getByLabelText('证书指纹（SHA-256）') as HTMLInputElement).value).toBe('');
  });

  it('is not offered on the server itself', async () => {
    const mock = show(<ConnectionSettings />, { 'connection.state': () => ({ ok: true, value: { ...LOCAL, available: false } }) });
    await waitFor(() => expect(mock.calls.map((c) => c.channel)).toEqual(['connection.state']));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByRole('region', { name: '连接到服务器' })).toBeNull();
  });
});

describe('the header while connected', () => {
  it('names the server and the user', async () => {
    show(<ServerBadge />, { 'connection.state': () => ({ ok: true, value: { ...LOCAL, mode: 'server', server: SERVER, user: { login: 'zhangsan', displayName: '张三', role: '科员' } } }) });
    expect((await screen.findByTestId('server-badge')).textContent).toContain('已连接到服务器 192.168.1.20:8443（张三，科员）');
    expect(screen.getByRole('button', { name: '断开连接' })).toBeTruthy();
  });

  it('asks for the login again when the session ended, with the server’s reason', async () => {
    let signedIn = false;
    const mock = show(<ServerBadge />, {
      'connection.state': () => ({ ok: true, value: { ...LOCAL, mode: 'server', server: SERVER, user: signedIn ? { login: 'zhangsan', displayName: '张三', role: '科员' } : null, message: signedIn ? '' : '登录已过期，请重新登录。' } }),
      'connection.login': () => {
        signedIn = true;
        return { ok: true, value: { ...LOCAL, mode: 'server', server: SERVER, user: { login: 'zhangsan', displayName: '张三', role: '科员' } } };
      },
    });
    const dialog = await screen.findByRole('dialog', { name: '登录服务器' });
    expect(dialog.textContent).toContain('登录已过期，请重新登录。');
    fireEvent.change(within(dialog).getByLabelText('登录名'), { target: { value: 'zhangsan' } });
    fireEvent.change(within(dialog).getByLabelText('密码'), { target: { value: 'clerk-password-1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '登录' }));
    expect((await screen.findByTestId('server-badge')).textContent).toContain('张三，科员');
    expect(mock.calls.find((c) => c.channel === 'connection.login')?.input).toEqual({ login: 'zhangsan', password: 'clerk-password-1' });
  });
});
