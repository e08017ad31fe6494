// The preload exposes exactly the contract's channels as `window.markguard`, and one helper for a file dropped on
// the window: it asks Electron for the file's path (webUtils; browsers have no file paths) and hands that to the
// main process, which answers with a token for it (issue 9, item 19) — the page gets the token, never the path.
// A page can only give this helper a File the user dropped or picked: a File made by script has no path.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createClient, DROPPED_FILE_CHANNEL, IPC_PREFIX } from '../shared/api';
import type { Result } from '../shared/result';

const client = createClient(
  (channel, input) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input) as Promise<Result<unknown>>,
);
contextBridge.exposeInMainWorld('markguard', client);
contextBridge.exposeInMainWorld('markguardFiles', {
  register: async (file: File): Promise<{ token: string; fileName: string } | null> => {
    const filePath = webUtils.getPathForFile(file);
    if (!filePath) return null;
    return (await ipcRenderer.invoke(DROPPED_FILE_CHANNEL, filePath)) as { token: string; fileName: string } | null;
  },
});
