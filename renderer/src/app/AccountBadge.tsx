// Server mode: who is signed in and their role, 修改密码 and 退出登录. Nothing in the desktop app.
import { useState } from 'react';
import { useClient } from '../api/context';
import { Modal } from '../components/Modal';
import { useToast } from '../components/Toast';
import { useAccount, useServerSession } from './account';
import { NO_PASSWORD_CHANGE, PasswordChangeFields, passwordChangeFilled, passwordChangeRequest } from './PasswordChangeFields';

function ChangePassword({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const notify = useToast();
  const [change, setChange] = useState(NO_PASSWORD_CHANGE);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const request = passwordChangeRequest(change);
    if (!request.ok) return setError(request.error);
    const r = await client['accounts.changePassword'](request.value);
    if (!r.ok) return setError(r.error.message);
    notify('密码已修改');
    onClose();
  };
  const footer = (
    <>
      <button type="button" onClick={onClose}>
        取消
      </button>
      <button type="button" className="primary" disabled={!passwordChangeFilled(change)} onClick={() => void save()}>
        修改密码
      </button>
    </>
  );
  return (
    <Modal title="修改密码" onClose={onClose} footer={footer} width={420}>
      <div className="login-form">
        <PasswordChangeFields value={change} onChange={setChange} error={error} autoFocus />
      </div>
    </Modal>
  );
}

export function AccountBadge() {
  const user = useAccount();
  const session = useServerSession();
  const [changing, setChanging] = useState(false);
  if (!user || !session) return null;
  return (
    <div className="account-badge" aria-label="当前用户">
      <span className="account-name">{user.displayName}</span>
      <span className="account-role">{user.role}</span>
      <button type="button" className="small" onClick={() => setChanging(true)}>
        修改密码
      </button>
      <button type="button" className="small" onClick={() => void session.logout()}>
        退出登录
      </button>
      {changing ? <ChangePassword onClose={() => setChanging(false)} /> : null}
    </div>
  );
}
