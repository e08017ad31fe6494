// The change of a password someone else set (the first 管理员's printed one, or one a 管理员 reset): right after
// the login, before any page, because the server answers nothing else until it is done. In a browser on the server
// it takes the page's place; on a connected desktop it sits over the window (ServerBadge), and the other way out
// is to sign out (断开连接 there).
import { useState, type FormEvent } from 'react';
import { useClient } from '../api/context';
import { NO_PASSWORD_CHANGE, PasswordChangeFields, passwordChangeFilled, passwordChangeRequest } from './PasswordChangeFields';

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
  const [change, setChange] = useState(NO_PASSWORD_CHANGE);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const request = passwordChangeRequest(change);
    if (!request.ok) return setError(request.error);
    setBusy(true);
    const r = await client['accounts.changePassword'](request.value);
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
          <PasswordChangeFields value={change} onChange={setChange} error={error} autoFocus />
          <button type="submit" className="primary" disabled={busy || !passwordChangeFilled(change)}>
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
