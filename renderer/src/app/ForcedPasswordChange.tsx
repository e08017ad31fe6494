// The change of a password someone else set (the first 管理员's printed one, or one a 管理员 reset): right after
// the login, before any page, because the server answers nothing else until it is done. In a browser on the server
// it takes the page's place; on a connected desktop it sits over the window (ServerBadge), and the other way out
// is to sign out (断开连接 there).
import { useState, type FormEvent } from 'react';
import { useClient } from '../api/context';

export const FORCED_CHANGE_EXPLANATION = '您的密码是服务器首次启动时生成的，或由管理员重设的。请先设置只有您知道的新密码，之后才能使用其他功能。';

interface ForcedPasswordChangeProps {
  displayName: string;
  /** the server took the new password */
  onChanged: () => void;
  onLeave: () => void;
  leaveLabel: string;
}

export function ForcedPasswordChange({ displayName, onChanged, onLeave, leaveLabel }: ForcedPasswordChangeProps) {
  const client = useClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // the length, and that it differs from the current one, are the server's rules (policy.ts): it says so itself
    if (next !== again) return setError('两次输入的新密码不一致。');
    setBusy(true);
    const r = await client['accounts.changePassword']({ current, next });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onChanged();
  };
  return (
    <div className="login-page">
      <div className="login-panel">
        <h1>修改密码</h1>
        <p className="muted">
          {displayName}，{FORCED_CHANGE_EXPLANATION}
        </p>
        <form className="login-form" aria-label="修改密码" onSubmit={(e) => void submit(e)}>
          <label>
            当前密码
            <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} autoFocus />
          </label>
          <label>
            新密码
            <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
          </label>
          <label>
            再次输入新密码
            <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
          </label>
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={busy || current === '' || next === ''}>
            {busy ? '正在修改…' : '修改密码'}
          </button>
          <button type="button" onClick={onLeave}>
            {leaveLabel}
          </button>
        </form>
      </div>
    </div>
  );
}
