// Server mode: who is signed in and their role, and 退出登录. Nothing in the desktop app.
import { useAccount, useServerSession } from './account';

export function AccountBadge() {
  const user = useAccount();
  const session = useServerSession();
  if (!user || !session) return null;
  return (
    <div className="account-badge" aria-label="当前用户">
      <span className="account-name">{user.displayName}</span>
      <span className="account-role">{user.role}</span>
      <button type="button" className="small" onClick={() => void session.logout()}>
        退出登录
      </button>
    </div>
  );
}
