// In the header: which server the window works on and as whom, with 断开连接; the login when a session ended.
// While a file travels to or from the server (a connected desktop's files.open or export), how far it got.
// Nothing in local mode (the embedded database is the default) and nothing in a browser on the server itself.
import type { Role } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { transferText } from '../transfer-text';
import { ForcedPasswordChange } from '../ForcedPasswordChange';
import { LoginDialog } from './LoginDialog';
import { hostOf, reloadWindow, useConnection } from './useConnection';

export function connectedLabel(url: string, user: { displayName: string; role: Role }): string {
  return `已连接到服务器 ${hostOf(url)}（${user.displayName}，${user.role}）`;
}

export function ServerBadge() {
  const client = useClient();
  const { state, refresh } = useConnection(true);
  if (!state || state.mode === 'local' || !state.server) return null;
  if (!state.user) return <LoginDialog state={state} onSignedIn={refresh} />;
  const disconnect = async () => {
    const r = await client['connection.disconnect']({});
    if (r.ok) reloadWindow();
  };
  if (state.user.mustChangePassword) {
    // over the whole window: the pages behind it were refused by the server and read again after the change
    return (
      <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="修改密码">
        <ForcedPasswordChange displayName={state.user.displayName} onChanged={reloadWindow} onLeave={() => void disconnect()} leaveLabel="断开连接" />
      </div>
    );
  }
  return (
    <div className="server-badge" data-testid="server-badge">
      <span>{connectedLabel(state.server.url, state.user)}</span>
      <button type="button" className="link-button" onClick={() => void disconnect()}>
        断开连接
      </button>
      {state.transfer ? (
        <div className="upload-banner" role="status">
          {transferText(state.transfer)}
        </div>
      ) : null}
    </div>
  );
}
