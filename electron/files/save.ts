// Saving a file the clerk asked for: the main process shows the save dialog and writes in the same call, so the
// renderer never names a place on disk (issue 9, item 19).
import type { DialogPort, FileFilter } from './dialog-port';

export type Saved<T> = ({ status: 'saved'; savedTo: string } & T) | { status: 'cancelled' };

/** Adds `.ext` when the chosen name lacks one of the accepted extensions (the first is the default). */
export function withExtension(chosen: string, extensions: readonly string[]): string {
  const lower = chosen.toLowerCase();
  return extensions.some((ext) => lower.endsWith(`.${ext}`)) ? chosen : `${chosen}.${extensions[0] ?? ''}`;
}

/** A proposed file name without folder separators or characters Windows refuses (a platform name may hold them). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among those refused
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

export async function saveWithDialog<T extends object>(
  dialogs: DialogPort,
  request: { title: string; defaultName: string; filter: FileFilter; extensions: readonly string[] },
  write: (target: string) => Promise<T>,
): Promise<Saved<T>> {
  const chosen = await dialogs.saveFile(request.title, safeFileName(request.defaultName), request.filter);
  if (chosen === null) return { status: 'cancelled' };
  const target = withExtension(chosen, request.extensions);
  const written = await write(target);
  return { status: 'saved', savedTo: target, ...written };
}
