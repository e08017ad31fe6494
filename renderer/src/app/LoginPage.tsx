// The server's login: the whole page before anyone signed in in this tab; over the page, which stays as it was, when
// the session ended (the call that found out waits and is sent again after the login).
import { useState, type FormEvent } from 'react';
import type { ServerSession, SessionState } from '../api/server-session';
import { FormError } from '../components/FormError';

interface LoginFormProps {
  session: ServerSession;
  state: SessionState;
}

function LoginForm({ session, state }: LoginFormProps) {
  const [login, setLogin] = useState(state.user?.login ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (login.trim() === '' || password === '') return setError('请输入登录名和密码。');
    setBusy(true);
    const problem = await session.login(login, password);
    setBusy(false);
    if (problem) {
      setError(problem);
      setPassword('');
    }
  };
  return (
    <form className="login-form" onSubmit={(e) => void submit(e)} aria-label="登录">
      {state.notice ? (
        <p className="login-notice" role="status">
          {state.notice}
        </p>
      ) : null}
      <label>
        登录名
        <input name="login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} autoFocus={login === ''} />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus={login !== ''} />
      </label>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}

export function LoginPage({ session, state, over }: LoginFormProps & { over: boolean }) {
  const panel = (
    <div className="login-panel">
      <h1>
        <span className="brand-mark" aria-hidden="true">
          商
        </span>
        商标守护
      </h1>
      <p className="muted">{over ? '登录已结束，重新登录后回到刚才的页面。' : '请使用管理员分配的账户登录。'}</p>
      <LoginForm session={session} state={state} />
    </div>
  );
  return over ? (
    <div className="modal-backdrop login-over" role="dialog" aria-modal="true" aria-label="重新登录">
      {panel}
    </div>
  ) : (
    <div className="login-page">{panel}</div>
  );
}
