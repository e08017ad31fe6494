// Server mode: who is signed in and their role, 修改密码 and 退出登录. Nothing in the desktop app.
import { useState } from 'react';
import { useClient } from '../api/context';
import { Modal } from '../components/Modal';
import { useToast } from '../components/Toast';
import { useAccount, useServerSession } from './account';

function ChangePassword({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const notify = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const r = await client['accounts.changePassword']({ current, next });
    if (!r.ok) return setError(r.error.message);
    notify('密码已修改');
    onClose();
  };
  const footer = (
    <>
      <button type="button" onClick={onClose}>
        取消
      </button>
      <button type="button" className="primary" onClick={() => void save()}>
        修改密码
      </button>
    </>
  );
  return (
    <Modal title="修改密码" onClose={onClose} footer={footer} width={420}>
      <div className="login-form">
        <label>
          当前密码
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          新密码
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
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
