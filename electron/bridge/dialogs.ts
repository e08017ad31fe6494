// Dialogs in the web bridge: a browser cannot show the main process's file dialogs, so the answers come from a
// queue that only the test hooks fill. Without one, the user gets a clear message instead of a silent nothing.
import { AppFailure } from '../../shared/result';
import type { DialogPort } from '../files/dialog-port';

export function createQueuedDialogs(): DialogPort & { queue(answer: string | null): void } {
  const answers: (string | null)[] = [];
  const next = async (): Promise<string | null> => {
    if (answers.length === 0) {
      throw new AppFailure('unsupported', '浏览器模式下不能打开系统文件对话框，请在桌面程序中操作');
    }
    return answers.shift() ?? null;
  };
  return {
    queue: (answer) => {
      answers.push(answer);
    },
    openFile: next,
    saveFile: next,
  };
}
