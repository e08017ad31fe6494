// The main process's file dialogs as a port: Electron's native dialogs in the app (electron/dialogs.ts), a
// test-controlled queue of answers in the web bridge (electron/bridge/dialogs.ts).
export type FileFilter = 'table' | 'backup' | 'image' | 'zip' | 'folder' | 'docx' | 'pdf' | 'xlsx' | 'csv';

export interface DialogPort {
  /** The chosen file, or null when the clerk cancelled. */
  openFile(title: string, filter: FileFilter): Promise<string | null>;
  /** Where to save, or null when the clerk cancelled. */
  saveFile(title: string, defaultName: string, filter: FileFilter): Promise<string | null>;
}
