// Files in the contract without file paths (issue 9, item 19). The main process owns the file system: it shows the
// open and save dialogs itself. A file chosen to be read is handed to the renderer as an opaque token bound to the
// dialog's answer (preview it, then import it by the same token); a file to be written is chosen and written in one
// call. A cancelled dialog is an answer of its own, never an error and never a silent nothing.
import { z } from 'zod';

/**
 * What a chosen file will be used for (images: a ZIP of a batch's images named by 申请号; imageFolder: a folder of
 * them); a token only opens files for the purpose it was chosen for. */
export const FilePurposeSchema = z.enum(['table', 'backup', 'image', 'images', 'imageFolder']);
export type FilePurpose = z.infer<typeof FilePurposeSchema>;

/** The opaque name of a file the user chose in a dialog shown by the main process (or dropped on the window). */
export const FileTokenSchema = z.string().regex(/^ft-[A-Za-z0-9_-]{16,64}$/, '文件标识无效，请重新选择文件');

export const CancelledSchema = z.object({ status: z.literal('cancelled') });

export const ChosenFileSchema = z.discriminatedUnion('status', [
  CancelledSchema,
  z.object({ status: z.literal('chosen'), token: z.string(), fileName: z.string() }),
]);
export type ChosenFile = z.infer<typeof ChosenFileSchema>;

/**
 * The answer of a channel that asks where to save and writes: cancelled, or saved with the place written to (shown
 * to the clerk, never sent back) and what was written.
 */
export function savedOrCancelled<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.discriminatedUnion('status', [
    CancelledSchema,
    z.object({ status: z.literal('saved'), savedTo: z.string(), ...shape }),
  ]);
}

export const filesContract = {
  /** Shows the open dialog in the main process; the renderer gets a token for the chosen file, never its path. */
  'files.open': {
    input: z.object({ purpose: FilePurposeSchema, title: z.string().max(100).optional() }).strict(),
    output: ChosenFileSchema,
  },
} as const;
