// The preload exposes exactly the contract's channels as `window.markguard`, nothing else of Electron.
import { contextBridge, ipcRenderer } from 'electron';
import { createClient, IPC_PREFIX } from '../shared/api';
import type { Result } from '../shared/result';

const client = createClient(
  (channel, input) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input) as Promise<Result<unknown>>,
);
contextBridge.exposeInMainWorld('markguard', client);
