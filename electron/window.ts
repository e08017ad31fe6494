// The main window with Electron's secure defaults; navigation and new windows are refused, and the page gets the
// same Content-Security-Policy the web bridge sends.
import { BrowserWindow, shell, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './bridge/server';

export function rendererEntry(appRoot: string): string {
  return pathToFileURL(path.join(appRoot, 'out', 'renderer', 'index.html')).toString();
}

export function createMainWindow(appRoot: string): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // Only writing to the clipboard is allowed (the dashboard's 复制图片); every other permission is refused.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '商标守护',
    show: false,
    webPreferences: {
      preload: path.join(appRoot, 'out', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const entry = rendererEntry(appRoot);
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== entry) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web (for example the 中国商标网 gazette) open in the user's browser, never inside the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entry);
  return window;
}
