// The `files.open` channel and the ports every handler that touches the user's files needs: the dialogs of the
// main process and the tokens of the files chosen in them (issue 9, item 19).
import type { filesContract, FilePurpose } from '../../shared/contract/files';
import type { DialogPort, FileFilter } from '../files/dialog-port';
import type { FileGrants } from '../files/grants';
import type { Handlers } from '../ipc/dispatch';
import { IMAGE_FORMATS_LABEL } from '../../shared/formats/images';

export interface ShellPorts {
  dialogs: DialogPort;
  files: FileGrants;
}

/** What the open dialog asks for each purpose (also a connected desktop's dialog, electron/server/remote-files.ts). */
export const OPEN_DIALOGS: Record<FilePurpose, { title: string; filter: FileFilter }> = {
  table: { title: '选择要导入的文件（CSV 或 XLSX）', filter: 'table' },
  backup: { title: '选择要恢复的备份文件', filter: 'backup' },
  image: { title: `选择图样文件（${IMAGE_FORMATS_LABEL}）`, filter: 'image' },
  images: { title: '选择图样压缩包（ZIP，图片以申请号命名）', filter: 'zip' },
  imageFolder: { title: '选择图样文件夹（图片以申请号命名）', filter: 'folder' },
};

export function createFilesHandlers(shell: ShellPorts): Pick<Handlers, keyof typeof filesContract> {
  return {
    'files.open': async ({ purpose, title }) => {
      const chosen = await shell.dialogs.openFile(title ?? OPEN_DIALOGS[purpose].title, OPEN_DIALOGS[purpose].filter);
      if (chosen === null) return { status: 'cancelled' as const };
      return { status: 'chosen' as const, ...shell.files.grant(chosen, purpose) };
    },
  };
}
