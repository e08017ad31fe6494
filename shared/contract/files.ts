// Files in the contract without file paths (issue 9, item 19). The main process owns the file system: it shows the
// open and save dialogs itself. A file chosen to be read is handed to the renderer as an opaque token bound to the
// dialog's answer (preview it, then import it by the same token); a file to be written is chosen and written in one
// call. A cancelled dialog is an answer of its own, never an error and never a silent nothing.
import { z } from 'zod';
import { IMAGE_EXTENSIONS, IMAGE_FORMATS_LABEL } from '../formats/images';

/**
 * What a chosen file will be used for (images: a ZIP of a batch's images named by 申请号; imageFolder: a folder of
 * them); a token only opens files for the purpose it was chosen for. */
export const FilePurposeSchema = z.enum(['table', 'backup', 'image', 'images', 'imageFolder']);
export type FilePurpose = z.infer<typeof FilePurposeSchema>;

/** The opaque name of a file the user chose in a dialog shown by the main process (or dropped on the window). */
export const FileTokenSchema = z.string().regex(/^ft-[A-Za-z0-9_-]{16,64}$/, '文件标识无效，请重新选择文件');

/**
 * Server mode: what a browser may upload for each purpose (POST /files/upload?purpose=…&name=…). The server refuses a
 * larger file or another extension with these messages; the browser checks the size first so a clerk does not wait
 * for an upload that will be refused. A folder cannot be uploaded (null): its images go up as a ZIP.
 */
/** One image of the registry: its upload limit is the limit of every stored image. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Images larger than this are refused before decoding (~ 8000 × 8000: more than a gazette image ever needs). */
export const MAX_IMAGE_PIXELS = 64_000_000;

export interface UploadRule {
  label: string;
  maxBytes: number;
  extensions: readonly string[];
}
export const UPLOADS: Record<FilePurpose, UploadRule | null> = {
  table: { label: '表格文件（CSV、XLSX）', maxBytes: 512 * 1024 * 1024, extensions: ['csv', 'xlsx', 'txt', 'tsv'] },
  image: { label: `图样（${IMAGE_FORMATS_LABEL}）`, maxBytes: MAX_IMAGE_BYTES, extensions: [...IMAGE_EXTENSIONS] },
  images: { label: '图样压缩包（ZIP）', maxBytes: 4 * 1024 * 1024 * 1024, extensions: ['zip'] },
  imageFolder: null,
  backup: { label: '商标守护备份（.sqlite、.db）', maxBytes: 4 * 1024 * 1024 * 1024, extensions: ['sqlite', 'db'] },
};
export const NO_FOLDER_UPLOAD_MESSAGE = '服务器模式下不能上传文件夹：请把图样打包成一个 ZIP 文件，再选择「图样 ZIP」上传。';

export function isFilePurpose(value: string): value is FilePurpose {
  return (FilePurposeSchema.options as readonly string[]).includes(value);
}

export function uploadTooLargeMessage(rule: UploadRule): string {
  return `文件太大：${rule.label}不能超过 ${Math.round(rule.maxBytes / 1024 / 1024)} MB。`;
}

/** Why a file name does not fit the rule, or null when it does. */
export function uploadNameProblem(rule: UploadRule, fileName: string): string | null {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return rule.extensions.includes(ext) ? null : `「${fileName}」不是${rule.label}，请重新选择文件。`;
}

/**
 * Server mode: the header by which a client says it fetches the files a channel saves (the browser's client does);
 * without it the server refuses to save, as nothing would reach the clerk.
 */
export const ACCEPTS_DOWNLOADS_HEADER = 'X-MarkGuard-Downloads';

/**
 * Server mode: the name (URI-encoded) a connected desktop chose in its own save dialog; the server saves under it
 * (a complaint list named .csv is written as CSV, as on the desktop). Without it the channel's proposed name.
 */
export const SAVE_AS_HEADER = 'X-MarkGuard-Save-As';

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
    // `download`: in server mode, where the browser fetches the written file (once, with this session's token)
    z.object({ status: z.literal('saved'), savedTo: z.string(), download: z.string().optional(), ...shape }),
  ]);
}

export const filesContract = {
  /** Shows the open dialog in the main process; the renderer gets a token for the chosen file, never its path. */
  'files.open': {
    input: z.object({ purpose: FilePurposeSchema, title: z.string().max(100).optional() }).strict(),
    output: ChosenFileSchema,
  },
} as const;
