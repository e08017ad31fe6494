// 设置 · 连接到服务器 (issue 11): the server's address, its certificate fingerprint as the server's console shows
// it, and the clerk's login. A first connection can read the fingerprint the server presents; it is only trusted
// once the clerk says it matches the console's. Connecting or disconnecting reloads the window, so that every page
// reads its data from the new place.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from '../../api/context';
import { connectedLabel } from '../../app/connection/ServerBadge';
import { reloadWindow, useConnection } from '../../app/connection/useConnection';
import { CredentialFields } from '../../components/CredentialFields';

function FingerprintCheck({ presented, onTrust, onReject }: { presented: string; onTrust: () => void; onReject: () => void }) {
  return (
    <div className="fingerprint-check" role="group" aria-label="核对证书指纹">
      <p className="small">服务器出示的证书指纹：</p>
      <code data-testid="presented-fingerprint">{presented}</code>
      <p className="muted small">请与服务器控制台显示的 MARKGUARD_SERVER_FINGERPRINT（或管理员告知的指纹）逐段核对。不一致时不要连接：可能有人冒充服务器。</p>
      <div className="connection-actions">
        <button type="button" onClick={onReject}>
          不一致，不连接
        </button>
        <button type="button" className="primary" onClick={onTrust}>
          指纹一致，信任此服务器
        </button>
      </div>
    </div>
  );
}

export function ConnectionSettings() {
  const client = useClient();
  const { state } = useConnection();
  const [url, setUrl] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [presented, setPresented] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // the saved server fills the form in again
  useEffect(() => {
    if (!state?.server) return;
    setUrl(state.server.url);
    setFingerprint(state.server.fingerprint);
  }, [state?.server]);

  async function probe() {
    setBusy(true);
    const r = await client['connection.probe']({ url });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setUrl(r.value.url);
    setPresented(r.value.fingerprint);
  }

  async function connect(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const r = await client['connection.connect']({ url, fingerprint, login, password });
    setBusy(false);
    setPassword('');
    if (!r.ok) return setError(r.error.message);
    reloadWindow();
  }

  async function disconnect() {
    const r = await client['connection.disconnect']({});
    if (!r.ok) return setError(r.error.message);
    reloadWindow();
  }

  if (!state?.available) return null;
  if (state.mode === 'server' && state.server && state.user) {
    return (
      <section className="settings-section" aria-label="连接到服务器">
        <h2>连接到服务器</h2>
        <p>{connectedLabel(state.server.url, state.user)}</p>
        <p className="muted small">证书指纹：{state.server.fingerprint}。断开连接后回到本机数据库，本机数据不受服务器上的操作影响。</p>
        <button type="button" onClick={() => void disconnect()}>
          断开连接
        </button>
      </section>
    );
  }

  return (
    <section className="settings-section" aria-label="连接到服务器">
      <h2>连接到服务器</h2>
      <p className="muted small">当前使用本机数据库。连接到本处的商标守护服务器后，与同事共用同一份名录、批次、结论和函件；断开连接即回到本机数据库。</p>
      <form className="connection-form" onSubmit={(e) => void connect(e)}>
        <div className="field">
          <label htmlFor="server-url">服务器地址</label>
          <input id="server-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://192.168.1.20:8443/" required />
        </div>
        <div className="field">
          <label htmlFor="server-fingerprint">证书指纹（SHA-256）</label>
          <div className="inline-field">
            <input id="server-fingerprint" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} placeholder="AB:CD:…，见服务器控制台" required />
            <button type="button" onClick={() => void probe()} disabled={busy || url.trim() === ''}>
              读取服务器指纹
            </button>
          </div>
        </div>
        {presented ? (
          <FingerprintCheck
            presented={presented}
            onTrust={() => {
              setFingerprint(presented);
              setPresented(null);
            }}
            onReject={() => setPresented(null)}
          />
        ) : null}
        <CredentialFields idPrefix="server-user" login={login} password={password} onLogin={setLogin} onPassword={setPassword} />
        {error ? (
          <div className="form-banner" role="alert">
            {error}
          </div>
        ) : null}
        <div className="connection-actions">
          <button type="submit" className="primary" disabled={busy}>
            连接并登录
          </button>
        </div>
      </form>
    </section>
  );
}
