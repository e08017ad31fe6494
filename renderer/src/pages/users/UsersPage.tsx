// 用户管理 (server mode, 管理员): the division's accounts — create, change a role, reset a password, lift a lock-out,
// disable or enable — over the accounts channels. The rules (password length, at least one 管理员) are the
// server's; its Chinese message is shown as it comes.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Role, type UserSummary } from '../../../../shared/contract/accounts';
import type { Result } from '../../../../shared/result';
import { useClient } from '../../api/context';
import { useAccount } from '../../app/account';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/Toast';
import { formatDateTime } from '../../components/format';

const EMPTY = { login: '', displayName: '', role: '科员' as Role, password: '' };

function stateOf(user: UserSummary): string {
  if (user.disabled) return '已停用';
  if (user.lockedUntil) return `已锁定（至 ${formatDateTime(user.lockedUntil)}）`;
  if (user.mustChangePassword) return '待本人修改密码';
  return '正常';
}

function CreateUser({ onCreate }: { onCreate: (input: typeof EMPTY) => Promise<boolean> }) {
  const [form, setForm] = useState(EMPTY);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onCreate(form)) setForm(EMPTY);
  };
  const field = (key: 'login' | 'displayName' | 'password', label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} value={form[key]} autoComplete="off" onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="users-create" aria-label="新建账户" onSubmit={(e) => void submit(e)}>
      {field('login', '登录名')}
      {field('displayName', '姓名')}
      <label>
        角色
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
      </label>
      {field('password', '初始密码', 'password')}
      <button type="submit" className="primary">
        新建账户
      </button>
    </form>
  );
}

function ResetPassword({ user, onReset, onClose }: { user: UserSummary; onReset: (password: string) => Promise<boolean>; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const footer = (
    <>
      <button type="button" onClick={onClose}>
        取消
      </button>
      <button type="button" className="primary" onClick={() => void onReset(password).then((done) => done && onClose())}>
        重设密码
      </button>
    </>
  );
  return (
    <Modal title={`重设 ${user.displayName}（${user.login}）的密码`} onClose={onClose} footer={footer} width={420}>
      <p className="muted">重设后该用户的所有登录立即结束，锁定一并解除；该用户下次登录时须先改为自己的新密码。</p>
      <label>
        新密码 <input type="password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
      </label>
    </Modal>
  );
}

export function UsersPage() {
  const client = useClient();
  const notify = useToast();
  const me = useAccount();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);

  const load = useCallback(async () => {
    const r = await client['accounts.list']({});
    if (r.ok) setUsers(r.value);
    else notify(r.error.message, 'error');
  }, [client, notify]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Runs a change, reports it, reloads the list; true when it was made. */
  const change = async (work: Promise<Result<UserSummary>>, done: (user: UserSummary) => string): Promise<boolean> => {
    const r = await work;
    if (!r.ok) {
      notify(r.error.message, 'error');
      return false;
    }
    notify(done(r.value));
    await load();
    return true;
  };

  return (
    <div className="page users-page">
      <div className="page-head">
        <h1>用户管理</h1>
      </div>
      <section className="card">
        <h2>新建账户</h2>
        <CreateUser onCreate={(input) => change(client['accounts.create'](input), (u) => `已新建账户 ${u.displayName}（${u.login}），角色 ${u.role}`)} />
      </section>
      <section className="card">
        <h2>账户</h2>
        <table className="users-table">
          <thead>
            <tr>
              <th>登录名</th>
              <th>姓名</th>
              <th>角色</th>
              <th>状态</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((user) => (
              <tr key={user.id}>
                <td>{user.login}</td>
                <td>
                  {user.displayName}
                  {user.id === me?.id ? <span className="muted">（本人）</span> : null}
                </td>
                <td>
                  <select
                    aria-label={`${user.login} 的角色`}
                    value={user.role}
                    onChange={(e) => void change(client['accounts.setRole']({ id: user.id, role: e.target.value as Role }), (u) => `${u.displayName} 的角色已改为 ${u.role}（下一次操作起生效）`)}
                  >
                    {ROLES.map((role) => (
                      <option key={role}>{role}</option>
                    ))}
                  </select>
                </td>
                <td>{stateOf(user)}</td>
                <td className="row-actions">
                  <button type="button" className="small" onClick={() => setResetting(user)}>
                    重设密码
                  </button>
                  {user.lockedUntil ? (
                    <button type="button" className="small" onClick={() => void change(client['accounts.unlock']({ id: user.id }), (u) => `已解除 ${u.displayName} 的锁定`)}>
                      解锁
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      void change(client['accounts.setDisabled']({ id: user.id, disabled: !user.disabled }), (u) => (u.disabled ? `已停用 ${u.displayName}，其登录已结束` : `已启用 ${u.displayName}`))
                    }
                  >
                    {user.disabled ? '启用' : '停用'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {resetting ? (
        <ResetPassword
          user={resetting}
          onClose={() => setResetting(null)}
          onReset={(password) => change(client['accounts.resetPassword']({ id: resetting.id, password }), (u) => `已重设 ${u.displayName} 的密码`)}
        />
      ) : null}
    </div>
  );
}
