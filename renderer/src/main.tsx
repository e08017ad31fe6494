import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MarkGuardClient } from '../../shared/api';
import { resolveClient } from './api/client';
import { ClientProvider } from './api/context';
import { createServerClient, serverDropPort } from './api/server-client';
import { createServerSession, servedByServer, type ServerSession } from './api/server-session';
import { SessionProvider } from './app/account';
import { App } from './app/App';
import { ServerGate } from './app/ServerGate';
import { AppInfoProvider } from './app/useAppInfo';
import { ToastProvider } from './components/Toast';
import './styles.css';

function NoConnection() {
  return (
    <div className="no-connection">
      <h1>商标守护</h1>
      <p>这个页面缺少访问令牌，无法连接到本机服务。</p>
      <p className="muted">请使用启动时输出的完整地址（以 #token= 结尾）重新打开。</p>
    </div>
  );
}

function Shell({ client, session }: { client: MarkGuardClient; session: ServerSession | null }) {
  const app = (
    <ToastProvider>
      <AppInfoProvider>
        <App />
      </AppInfoProvider>
    </ToastProvider>
  );
  let framed: ReactNode = app;
  if (session) {
    framed = (
      <SessionProvider session={session}>
        <ServerGate session={session}>{app}</ServerGate>
      </SessionProvider>
    );
  }
  return <ClientProvider client={client}>{framed}</ClientProvider>;
}

/** Electron (preload), the loopback bridge (#token=), or a MarkGuard server (its login); nothing else. */
async function connect(): Promise<{ client: MarkGuardClient; session: ServerSession | null } | null> {
  const local = resolveClient();
  if (local) return { client: local, session: null };
  if (!(await servedByServer())) return null;
  const session = createServerSession();
  // a file dropped on a drop zone is uploaded, as the Electron preload registers it with the main process
  window.markguardFiles = serverDropPort(session);
  return { client: createServerClient(session), session };
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void connect().then((connection) => {
  createRoot(root).render(<StrictMode>{connection ? <Shell client={connection.client} session={connection.session} /> : <NoConnection />}</StrictMode>);
});
