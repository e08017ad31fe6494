// The Electron main process: single instance, services, IPC, window, menu. Everything testable lives elsewhere;
// this file only wires Electron to it.
import { app, type BrowserWindow, dialog } from 'electron';
import { registerIpc } from './ipc/register';
import { installMenu } from './menu';
import { electronNativeBinding } from './native';
import { createNativeDialogs } from './dialogs';
import { connectionFile, createServerConnection, selectDispatch, selectDrops } from './server/connection';
import { createConnectionHandlers } from './server/connection-handlers';
import { currentActor, environmentFromEnv, resolveDataDir } from './paths';
import { startServices } from './startup';
import { createMainWindow, registerAppScheme, rendererEntry, serveRenderer } from './window';
import path from 'node:path';

const appRoot = app.getAppPath();
let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const environment = app.isPackaged ? 'production' : environmentFromEnv({ MARKGUARD_ENV: 'development', ...process.env });
  const dataDir = resolveDataDir({
    override: process.env.MARKGUARD_DATA_DIR,
    appDataDir: app.getPath('appData'),
    environment,
  });
  app.setPath('userData', dataDir);
  // 连接到服务器: the embedded SQLite unless the clerk connected to a division's server (electron/server/connection.ts)
  // the same dialogs for the embedded database and, connected, for files sent to and fetched from the server
  const dialogs = createNativeDialogs(() => mainWindow);
  const connection = createServerConnection(connectionFile(dataDir), { dialogs });
  const services = await startServices(
    {
      dataDir,
      seedsDir: path.join(appRoot, 'seeds'),
      nativeBinding: electronNativeBinding(appRoot, process.versions.modules, app.isPackaged),
      actor: currentActor(),
      transport: 'electron',
      workerDir: __dirname,
      version: app.getVersion(),
    },
    dialogs,
    createConnectionHandlers(connection),
  );
  serveRenderer(appRoot);
  const entry = rendererEntry();
  registerIpc(selectDispatch(services.dispatch, connection), (url) => url.split('#')[0] === entry, selectDrops(services.files, connection));
  installMenu(() => mainWindow, dataDir);
  mainWindow = createMainWindow(appRoot);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('will-quit', () => services.close());
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('商标守护无法启动', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
