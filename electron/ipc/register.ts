// The only place that touches ipcMain: one handler per contract channel, each checking that the call comes from
// our own window's top frame before it reaches the dispatcher.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, DROPPED_FILE_CHANNEL, IPC_PREFIX } from '../../shared/api';
import type { FileGrant } from '../files/grants';
import { fail } from '../../shared/result';
import type { Dispatch } from './dispatch';

/** `dropped`: a file dropped on the window, by the path the preload read (a local token, or an upload when connected). */
export function registerIpc(
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
  dropped: (filePath: string) => Promise<FileGrant | null>,
): () => void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) =>
      trusted(event) ? dispatch(channel, input) : fail('unsupported', '拒绝来自未知页面的请求'),
    );
  }
  // A file dropped on the window, reported by the preload: a token for an existing table file, or null.
  ipcMain.handle(DROPPED_FILE_CHANNEL, (event, filePath: unknown) =>
    trusted(event) && typeof filePath === 'string' ? dropped(filePath) : null,
  );
  return () => {
    ipcMain.removeHandler(DROPPED_FILE_CHANNEL);
    for (const channel of CHANNELS) ipcMain.removeHandler(`${IPC_PREFIX}${channel}`);
  };
}
