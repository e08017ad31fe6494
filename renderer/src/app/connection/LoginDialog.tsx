// The login to the saved server: at start when the app was left connected, and whenever the server ended the
// session (401). It cannot be dismissed: the alternative is 断开连接, back to the embedded database.
import { useState, type FormEvent } from 'react';
import type { ConnectionState } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { Modal } from '../../components/Modal';
import { hostOf, reloadWindow } from './useConnection';
import { CredentialFields } from '../../components/CredentialFields';

export function LoginDialog({ state, onSignedIn }: { state: ConnectionState; onSignedIn: () => void }) {
  const client = useClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await client['connection.login']({ login, password });
    setBusy(false);
    setPassword('');
    if (!r.ok) return setError(r.error.message);
    setError(null);
    onSignedIn();
  }

  async function disconnect() {
    const r = await client['connection.disconnect']({});
    if (r.ok) reloadWindow();
    else setError(r.error.message);
  }

  const host = state.server ? hostOf(state.server.url) : '';
  return (
    <Modal title="登录服务器" onClose={() => void disconnect()} width={420}>
      <form className="connection-form" onSubmit={(e) => void submit(e)}>
        <p className="muted small">
          {state.message ? `${state.message} ` : ''}请登录服务器 <strong>{host}</strong>；或断开连接，回到本机数据库。
        </p>
        <CredentialFields idPrefix="server-login" login={login} password={password} onLogin={setLogin} onPassword={setPassword} />
        {error ? (
          <div className="form-banner" role="alert">
            {error}
          </div>
        ) : null}
        <div className="connection-actions">
          <button type="button" onClick={() => void disconnect()}>
            断开连接
          </button>
          <button type="submit" className="primary" disabled={busy}>
            登录
          </button>
        </div>
      </form>
    </Modal>
  );
}
