// Native file dialogs, shown by the main process; the renderer never sees the chosen path, only a token for a file
// to read or the name of the file written (electron/files/).
import { dialog, type BrowserWindow } from 'electron';
import type { DialogPort, FileFilter } from './files/dialog-port';
import { IMAGE_EXTENSIONS, IMAGE_FORMATS_LABEL } from '../shared/formats/images';

const FILTERS: Record<FileFilter, { name: string; extensions: string[] }[]> = {
  table: [
    { name: '表格文件（CSV、Excel）', extensions: ['csv', 'xlsx'] },
    { name: '所有文件', extensions: ['*'] },
  ],
  backup: [
    { name: '商标守护备份', extensions: ['sqlite', 'db'] },
    { name: '所有文件', extensions: ['*'] },
  ],
  image: [
    { name: `图片（${IMAGE_FORMATS_LABEL}）`, extensions: [...IMAGE_EXTENSIONS] },
    { name: '所有文件', extensions: ['*'] },
  ],
  zip: [
    { name: '图样压缩包（ZIP）', extensions: ['zip'] },
    { name: '所有文件', extensions: ['*'] },
  ],
  folder: [],
  docx: [{ name: 'Word 文档（DOCX，WPS 可打开）', extensions: ['docx'] }],
  pdf: [{ name: 'PDF 文档', extensions: ['pdf'] }],
  xlsx: [{ name: 'Excel 工作簿（XLSX）', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV 文本表格（UTF-8）', extensions: ['csv'] }],
};

export function createNativeDialogs(getWindow: () => BrowserWindow | null): DialogPort {
  return {
    async openFile(title, filter) {
      const window = getWindow();
      const properties = filter === 'folder' ? ['openDirectory' as const] : ['openFile' as const];
      const options = { title, filters: FILTERS[filter], properties };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile(title, defaultName, filter) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters: FILTERS[filter] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
