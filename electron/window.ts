// The main window with Electron's secure defaults. The renderer is served on app:// (never file://) with the same
// Content-Security-Policy the web bridge sends; every permission request and check is refused; navigation and new
// windows are refused, and only http(s) links (a listing's page, after the clerk confirmed it in the page) open in
// the user's browser (issue 9, item 20).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, protocol, session, shell } from 'electron';
import { APP_ENTRY, APP_SCHEME, contentTypeOf, resolveAppRequest } from './shell/app-protocol';
import { opensInBrowser, permissionAllowed, securityHeaders, withSecurityHeaders } from './shell/security';

/** Before the app is ready: app:// is a standard, secure scheme (origin, fetch and storage like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function rendererEntry(): string {
  return APP_ENTRY;
}

/** After ready: app:// serves the built renderer's files, nothing outside its folder. */
export function serveRenderer(appRoot: string): void {
  const rendererDir = path.join(appRoot, 'out', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(rendererDir, request.url);
    if (file === null) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'content-type': contentTypeOf(file), ...securityHeaders() } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

export function createMainWindow(appRoot: string): BrowserWindow {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  // The dashboard's 复制图片 then falls back to the copy command, which needs no permission.
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
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
  const entry = rendererEntry();
  window.webContents.on('will-navigate', (event, url) => {
    if (url.split('#')[0] !== entry) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // The page asked the clerk first (ExternalLink); here only an http(s) address goes out, to the browser.
    if (opensInBrowser(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entry);
  return window;
}
