// Files in server mode. The rule of the desktop app holds — the renderer never names a path on the server: a
// browser uploads the file the clerk chose (POST /files/upload?purpose=…&name=…, streamed to `uploads/` in the data
// folder, refused past the purpose's size limit) and gets the same kind of token `files.open` gives, bound to its
// session; a channel that saves a file writes it to a fresh folder in `downloads/`, and the answer carries a
// one-time URL (GET /files/download/<id>) that only the same session can fetch. The server's own dialogs: an open
// dialog is refused (there is no one at the server's screen), a save dialog answers with that fresh place.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { NO_FOLDER_UPLOAD_MESSAGE, UPLOADS, isFilePurpose, uploadNameProblem, uploadTooLargeMessage, type UploadRule } from '../../shared/contract/files';
import { AppFailure } from '../../shared/result';
import { actingUser } from '../accounts/acting-user';
import type { DialogPort } from '../files/dialog-port';
import { safeFileName } from '../files/save';

export const UPLOADS_FOLDER = 'uploads';
export const DOWNLOADS_FOLDER = 'downloads';
/** A download not fetched in this time is removed (the clerk exports again). */
export const DOWNLOAD_MINUTES = 10;
/** Uploaded files stay this long: an import interrupted by a restart resumes from its uploaded file. */
export const UPLOAD_KEEP_DAYS = 7;

/** A server has no one at its screen: a channel that asks the server itself to show an open dialog gets this. */
export const NO_DIALOGS_MESSAGE =
  '服务器上不能弹出选择文件的对话框：在浏览器中使用时请直接选择文件上传（连接到服务器的桌面程序会自动上传所选文件）。';
/** A file saved for a client that does not say it fetches downloads (a script): refused before writing. */
export const NO_DOWNLOAD_MESSAGE = '这个请求不会下载服务器保存的文件，服务器没有保存：请在浏览器中或用连接到服务器的桌面程序导出。';


export type Received = { ok: true; filePath: string; fileName: string } | { ok: false; status: number; message: string };

interface Offer {
  filePath: string;
  session: string;
  expires: number;
}

const randomId = () => randomBytes(18).toString('base64url');

function removeOlderThan(folder: string, ms: number, now: number): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const entry = path.join(folder, name);
    if (now - statSync(entry).mtimeMs > ms) rmSync(entry, { recursive: true, force: true });
  }
}

class TooLarge extends Error {}
/** How much of a too-large upload is read (and dropped) before the connection is cut. */
const DRAIN_BYTES = 64 * 1024 * 1024;

export function createTransfers(dataDir: string) {
  const uploads = path.join(dataDir, UPLOADS_FOLDER);
  const downloads = path.join(dataDir, DOWNLOADS_FOLDER);
  const offers = new Map<string, Offer>();
  // a download nobody fetched before a restart is gone with the process's offers
  rmSync(downloads, { recursive: true, force: true });

  /** Why an upload is refused before its body is read (its purpose, name and declared size), or null. */
  function precheck(url: URL, declaredBytes: number | null): { status: number; message: string } | null {
    const purpose = url.searchParams.get('purpose') ?? '';
    if (!isFilePurpose(purpose)) {
      return { status: 400, message: `未知的文件用途「${purpose}」：只能是表格（table）、图样（image）、图样压缩包（images）或备份（backup）。` };
    }
    const rule = UPLOADS[purpose];
    if (rule === null) return { status: 400, message: NO_FOLDER_UPLOAD_MESSAGE };
    const name = path.basename(url.searchParams.get('name') ?? '');
    if (name === '') return { status: 400, message: '上传的文件缺少文件名。' };
    const problem = uploadNameProblem(rule, name);
    if (problem) return { status: 415, message: problem };
    if (declaredBytes !== null && declaredBytes > rule.maxBytes) return { status: 413, message: uploadTooLargeMessage(rule) };
    return null;
  }

  /** Streams an upload to its own folder in uploads/, counting bytes: past the limit the partial file is removed. */
  async function receive(request: http.IncomingMessage, url: URL): Promise<Received> {
    const declared = request.headers['content-length'] === undefined ? null : Number(request.headers['content-length']);
    const refused = precheck(url, declared);
    if (refused) return { ok: false, ...refused };
    // precheck passed: the purpose is known and uploadable
    const rule = UPLOADS[url.searchParams.get('purpose') as keyof typeof UPLOADS] as UploadRule;
    const fileName = safeFileName(path.basename(url.searchParams.get('name') ?? ''));
    const folder = path.join(uploads, randomId());
    mkdirSync(folder, { recursive: true });
    const filePath = path.join(folder, fileName);
    const max = rule.maxBytes;
    let size = 0;
    const out = createWriteStream(filePath);
    try {
      await pipeline(
        async function* () {
          for await (const chunk of request) {
            size += (chunk as Buffer).length;
            // past the limit the rest is read and dropped, so that the client gets to read the refusal; a client
            // that goes on much longer is cut off
            if (size <= max) yield chunk as Buffer;
            else if (size > max + DRAIN_BYTES) throw new TooLarge();
          }
        },
        out,
      );
    } catch (error) {
      out.destroy();
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    if (size > max) {
      rmSync(folder, { recursive: true, force: true });
      return { ok: false, status: 413, message: uploadTooLargeMessage(rule) };
    }
    return { ok: true, filePath, fileName };
  }

  const dialogs: DialogPort = {
    openFile: () => Promise.reject(new AppFailure('unsupported', NO_DIALOGS_MESSAGE)),
    saveFile: (_title, defaultName) => {
      // written only for a client that will fetch it; anyone else would be told it was saved and have nothing
      const user = actingUser();
      if (!user?.acceptsDownloads) return Promise.reject(new AppFailure('unsupported', NO_DOWNLOAD_MESSAGE));
      const folder = path.join(downloads, randomId());
      mkdirSync(folder, { recursive: true });
      // the name the desktop's clerk chose (its extension decides CSV or XLSX where a channel offers both)
      // ('.' and '..' would name the folder itself or its parent: the proposed name then)
      const chosen = safeFileName(path.basename(user.saveAs ?? '')).slice(0, 200);
      const name = /^\.*$/.test(chosen) ? safeFileName(defaultName) : chosen;
      return Promise.resolve(path.join(folder, name));
    },
  };

  return {
    dialogs,
    precheck,
    receive,
    /** The one-time URL of a file a channel saved into downloads/, for this session; null for any other path. */
    offer(savedTo: string, session: string): string | null {
      const relative = path.relative(downloads, savedTo);
      if (relative.startsWith('..') || path.isAbsolute(relative) || !existsSync(savedTo)) return null;
      const id = randomId();
      offers.set(id, { filePath: savedTo, session, expires: Date.now() + DOWNLOAD_MINUTES * 60_000 });
      return `files/download/${id}`;
    },
    /** Streams an offered file once to the session it was offered to, then removes it. */
    async send(id: string, session: string, response: http.ServerResponse): Promise<{ status: number; message: string } | null> {
      const offer = offers.get(id);
      if (!offer || offer.expires < Date.now() || !existsSync(offer.filePath)) {
        return { status: 404, message: '下载链接已失效（只能下载一次，10 分钟内有效），请重新导出。' };
      }
      if (offer.session !== session) return { status: 403, message: '这个下载属于另一次登录。' };
      offers.delete(id);
      const name = path.basename(offer.filePath);
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': statSync(offer.filePath).size,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store',
      });
      try {
        await pipeline(createReadStream(offer.filePath), response);
      } finally {
        rmSync(path.dirname(offer.filePath), { recursive: true, force: true });
      }
      return null;
    },
    /** Removes downloads not fetched in time and uploads older than UPLOAD_KEEP_DAYS. */
    prune(now = Date.now()): void {
      for (const [id, offer] of offers) if (offer.expires < now) offers.delete(id);
      removeOlderThan(downloads, DOWNLOAD_MINUTES * 60_000, now);
      removeOlderThan(uploads, UPLOAD_KEEP_DAYS * 24 * 3_600_000, now);
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
