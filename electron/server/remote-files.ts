// Files for a desktop connected to a server (连接到服务器). The rule of the desktop app holds — the main process owns
// the file system, the renderer never names a path — and the server is used as a browser uses it:
// - a file to read: the local open dialog, then the file is streamed to the server's upload route
//   (POST /files/upload) with the session; the renderer gets the server's token, as files.open gives it locally;
// - a file to write: the local save dialog first (a cancelled dialog sends nothing), then the channel is sent with
//   the downloads header and the chosen name, the server's one-time download is fetched into `<target>.part`,
//   checked (length, SHA-256 when the answer gives one) and renamed to the chosen path; the renderer gets the
//   answer a local save gives.
// A 401 anywhere ends the session as every forwarded call does (the login comes back); nothing is left half-written.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { contract, type ChannelInput } from '../../shared/api';
import { ACCEPTS_DOWNLOADS_HEADER, NO_FOLDER_UPLOAD_MESSAGE, SAVE_AS_HEADER, UPLOADS, uploadNameProblem, uploadTooLargeMessage, type ChosenFile, type FilePurpose, type UploadRule } from '../../shared/contract/files';
import { AppFailure, fail, ok, type Result } from '../../shared/result';
import type { DialogPort } from '../files/dialog-port';
import type { FileGrant } from '../files/grants';
import { safeFileName } from '../files/save';
import * as saves from '../files/save-requests';
import { writeFileStreamed } from '../files/streamed';
import { OPEN_DIALOGS } from '../handlers/files';
import { asResult, readJson, type ServerAnswer } from './pinned-client';
import { NOT_SIGNED_IN_MESSAGE, type ServerClient } from './remote-dispatch';

/** A file on its way, as the window shows it (connection.state). */
export interface Transfer {
  direction: 'upload' | 'download';
  fileName: string;
  /** the whole file, when known */
  bytes: number | null;
  done: number;
}

/** A transfer or a long export may keep the connection quiet for this long before it is given up. */
export const TRANSFER_IDLE_MS = 30 * 60_000;

export const INCOMPLETE_DOWNLOAD_MESSAGE = '从服务器下载的文件不完整，没有保存，请重新导出。';
export const DOWNLOAD_HASH_MESSAGE = '从服务器下载的文件与服务器上的不一致（SHA-256 不符），没有保存，请重新导出。';

export interface RemoteFilesOptions {
  client: ServerClient;
  sessionToken: () => string | null;
  onSessionEnded: (message: string) => void;
  dialogs: DialogPort;
  /** the desktop's date, for the proposed file names */
  today: () => string;
  progress?: (transfer: Transfer | null) => void;
}

export interface RemoteFiles {
  /** files.open: the local dialog, then the upload */
  open(input: unknown): Promise<Result<unknown>>;
  /** a channel that saves a file: the local dialog, the call, the download */
  save(channel: saves.SaveChannel, input: unknown): Promise<Result<unknown>>;
  /** a file dropped on the window (a table), uploaded; null when it is not one or the upload failed */
  dropped(filePath: string): Promise<FileGrant | null>;
}

export function createRemoteFiles(options: RemoteFilesOptions): RemoteFiles {
  const { client, dialogs } = options;
  const progress = options.progress ?? (() => undefined);

  /** The server's answer as a Result; a refused session is reported to the connection. */
  function answered(answer: Result<ServerAnswer>): Result<unknown> {
    const result = asResult(answer);
    if (answer.ok && answer.value.status === 401 && !result.ok) options.onSessionEnded(result.error.message);
    return result;
  }

  async function forward(channel: string, input: unknown): Promise<Result<unknown>> {
    const token = options.sessionToken();
    if (!token) return fail('unsupported', NOT_SIGNED_IN_MESSAGE);
    const answer = await client.channel(channel, input, token);
    if (answer.sessionEnded && !answer.result.ok) options.onSessionEnded(answer.result.error.message);
    return answer.result;
  }

  async function upload(filePath: string, purpose: FilePurpose, rule: UploadRule): Promise<Result<ChosenFile>> {
    const fileName = path.basename(filePath);
    const problem = uploadNameProblem(rule, fileName);
    if (problem) return fail('invalid-input', problem);
    let bytes: number;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return fail('invalid-input', `「${fileName}」不是文件，请重新选择。`);
      bytes = info.size;
    } catch (error) {
      return fail('io', `无法读取「${fileName}」（${(error as NodeJS.ErrnoException).code ?? String(error)}）。`);
    }
    // checked here as the browser does, so that the clerk does not wait for an upload the server would refuse
    if (bytes > rule.maxBytes) return fail('invalid-input', uploadTooLargeMessage(rule));
    const token = options.sessionToken();
    if (!token) return fail('unsupported', NOT_SIGNED_IN_MESSAGE);
    const transfer: Transfer = { direction: 'upload', fileName, bytes, done: 0 };
    progress(transfer);
    try {
      const response = await client.request({
        method: 'POST',
        path: `/files/upload?${new URLSearchParams({ purpose, name: fileName }).toString()}`,
        token,
        idleMs: TRANSFER_IDLE_MS,
        body: {
          length: bytes,
          stream: () => {
            const source = createReadStream(filePath);
            source.on('data', (chunk) => {
              transfer.done += chunk.length;
              progress(transfer);
            });
            return source;
          },
        },
      });
      if (!response.ok) return response;
      return answered(await readJson(response.value)) as Result<ChosenFile>;
    } finally {
      progress(null);
    }
  }

  async function saveRequestOf(channel: saves.SaveChannel, input: unknown): Promise<Result<saves.SaveRequest>> {
    const today = options.today();
    switch (channel) {
      case 'registry.export':
        return ok(saves.registryExportSave(input as ChannelInput<'registry.export'>, today));
      case 'backup.create':
        return ok(saves.backupSave(today));
      case 'hits.export':
        return ok(saves.hitsExportSave(input as ChannelInput<'hits.export'>, today));
      case 'dashboard.export':
        return ok(saves.dashboardExportSave(today));
      case 'listings.complaintExport':
        return ok(saves.complaintExportSave(input as ChannelInput<'listings.complaintExport'>, today));
      case 'letters.export': {
        const { id, format } = input as ChannelInput<'letters.export'>;
        const letter = await forward('letters.get', { id });
        if (!letter.ok) return letter;
        return ok(saves.letterExportSave(format, (letter.value as { documentNumber: string | null }).documentNumber));
      }
    }
  }

  /** Fetches a one-time download into `target` through `<target>.part`; nothing is left at `target` on failure. */
  async function fetchTo(download: string, target: string, sha256: string | null): Promise<Result<null>> {
    const token = options.sessionToken();
    if (!token) return fail('unsupported', NOT_SIGNED_IN_MESSAGE);
    const response = await client.request({ method: 'GET', path: `/${download}`, token, idleMs: TRANSFER_IDLE_MS });
    if (!response.ok) return response;
    const body = response.value;
    if (body.statusCode !== 200) return answered(await readJson(body)) as Result<null>;
    const declared = Number(body.headers['content-length']);
    const transfer: Transfer = { direction: 'download', fileName: path.basename(target), bytes: Number.isFinite(declared) ? declared : null, done: 0 };
    progress(transfer);
    const hash = createHash('sha256');
    try {
      await writeFileStreamed(target, async (write) => {
        try {
          for await (const chunk of body as AsyncIterable<Buffer>) {
            hash.update(chunk);
            transfer.done += chunk.length;
            progress(transfer);
            await write(chunk);
          }
        } catch (error) {
          // a connection cut mid-way is not a disk that failed (writeFileStreamed names the file for those)
          if (body.errored === null || body.errored === undefined) throw error;
          throw new AppFailure('io', `${INCOMPLETE_DOWNLOAD_MESSAGE}（${body.errored.message}）`);
        }
        // checked before the rename: a short or altered file never takes the chosen name
        if (transfer.bytes !== null && transfer.done !== transfer.bytes) throw new AppFailure('io', INCOMPLETE_DOWNLOAD_MESSAGE);
        if (sha256 !== null && hash.digest('hex') !== sha256.toLowerCase()) throw new AppFailure('io', DOWNLOAD_HASH_MESSAGE);
      });
      return ok(null);
    } catch (error) {
      body.destroy();
      // writeFileStreamed throws AppFailure only
      return fail('io', error instanceof AppFailure ? error.message : String(error));
    } finally {
      progress(null);
    }
  }

  async function save(channel: saves.SaveChannel, input: unknown): Promise<Result<unknown>> {
    // bad input gets the server's own message, and no dialog
    if (!contract[channel].input.safeParse(input ?? {}).success) return forward(channel, input);
    const request = await saveRequestOf(channel, input ?? {});
    if (!request.ok) return request;
    const chosen = await dialogs.saveFile(request.value.title, safeFileName(request.value.defaultName), request.value.filter);
    if (chosen === null) return ok({ status: 'cancelled' });
    const target = saves.saveTarget(request.value, chosen);
    const token = options.sessionToken();
    if (!token) return fail('unsupported', NOT_SIGNED_IN_MESSAGE);
    const headers = { [ACCEPTS_DOWNLOADS_HEADER]: 'accept', [SAVE_AS_HEADER]: encodeURIComponent(path.basename(target)) };
    const answer = await client.channel(channel, input, token, { headers, idleMs: TRANSFER_IDLE_MS });
    if (answer.sessionEnded && !answer.result.ok) options.onSessionEnded(answer.result.error.message);
    if (!answer.result.ok) return answer.result;
    const value = answer.result.value as { status?: unknown; download?: unknown; sha256?: unknown; fileName?: unknown };
    // a server that kept the file itself (no download offered) is answered as it said
    if (value.status !== 'saved' || typeof value.download !== 'string') return answer.result;
    const fetched = await fetchTo(value.download, target, typeof value.sha256 === 'string' ? value.sha256 : null);
    if (!fetched.ok) return fetched;
    const { download: _download, ...rest } = value;
    return ok({ ...rest, savedTo: target, ...(typeof value.fileName === 'string' ? { fileName: path.basename(target) } : {}) });
  }

  return {
    async open(input) {
      const parsed = contract['files.open'].input.safeParse(input ?? {});
      if (!parsed.success) return forward('files.open', input);
      const { purpose, title } = parsed.data;
      const rule = UPLOADS[purpose];
      if (rule === null) return fail('unsupported', NO_FOLDER_UPLOAD_MESSAGE);
      const chosen = await dialogs.openFile(title ?? OPEN_DIALOGS[purpose].title, OPEN_DIALOGS[purpose].filter);
      if (chosen === null) return ok({ status: 'cancelled' });
      return upload(chosen, purpose, rule);
    },
    save,
    async dropped(filePath) {
      const rule = UPLOADS.table;
      if (rule === null || !path.isAbsolute(filePath)) return null;
      const uploaded = await upload(filePath, 'table', rule);
      return uploaded.ok && uploaded.value.status === 'chosen' ? { token: uploaded.value.token, fileName: uploaded.value.fileName } : null;
    },
  };
}
