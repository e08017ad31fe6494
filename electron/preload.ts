// The preload exposes exactly the contract's channels as `window.markguard`, and one helper that turns a dropped
// file into its path (Electron's webUtils; browsers have no file paths), nothing else of Electron.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createClient, IPC_PREFIX } from '../shared/api';
import type { Result } from '../shared/result';

const client = createClient(
  (channel, input) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input) as Promise<Result<unknown>>,
);
contextBridge.exposeInMainWorld('markguard', client);
contextBridge.exposeInMainWorld('markguardFiles', {
  pathOf: (file: File): string => webUtils.getPathForFile(file),
});
