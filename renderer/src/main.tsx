import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveClient } from './api/client';
import { ClientProvider } from './api/context';
import { App } from './app/App';
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const client = resolveClient();

createRoot(root).render(
  <StrictMode>
    {client ? (
      <ClientProvider client={client}>
        <ToastProvider>
          <AppInfoProvider>
            <App />
          </AppInfoProvider>
        </ToastProvider>
      </ClientProvider>
    ) : (
      <NoConnection />
    )}
  </StrictMode>,
);
