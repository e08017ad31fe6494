// The client in server mode: the contract over `POST api/<channel>` with the session's bearer token. Files follow
// the desktop's rule without dialogs on the server: `files.open` shows the browser's own file picker and uploads the
// chosen file (POST files/upload) for the same kind of token; an answer that saved a file carries a one-time
// download URL, fetched at once with the session's token and handed to the browser as a download.
import { createClient, type Channel, type MarkGuardClient } from '../../../shared/api';
import { ACCEPTS_DOWNLOADS_HEADER, NO_FOLDER_UPLOAD_MESSAGE, UPLOADS, uploadNameProblem, uploadTooLargeMessage, type ChosenFile, type FilePurpose, type UploadRule } from '../../../shared/contract/files';
import { fail, type Result } from '../../../shared/result';
import type { ServerSession } from './server-session';

const UNREACHABLE = '无法连接到商标守护服务器，请检查网络；恢复后重试即可。';

async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? '登录已失效，请重新登录。';
  } catch {
    return '登录已失效，请重新登录。';
  }
}

/** Sends with the session's token; on 401 waits for the clerk to sign in again and sends once more. */
async function authorized(session: ServerSession, send: (token: string) => Promise<Response>): Promise<Response> {
  let token = session.state().token ?? (await session.expired('请先登录。'));
  for (;;) {
    const response = await send(token);
    if (response.status !== 401) return response;
    token = await session.expired(await messageOf(response));
  }
}

async function answerOf(response: Response): Promise<Result<unknown>> {
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return fail('internal', `服务器出错（HTTP ${response.status}）。`);
  }
}

/** The browser's file picker for a purpose; null when the clerk cancels. */
export function pickFile(rule: UploadRule): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = rule.extensions.map((ext) => `.${ext}`).join(',');
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.append(input);
    input.click();
  });
}

/** Uploads a file for a purpose; the token the channels take, as `files.open` gives it. */
export async function uploadFile(session: ServerSession, file: File, purpose: FilePurpose): Promise<Result<ChosenFile>> {
  const rule = UPLOADS[purpose];
  if (rule === null) return fail('unsupported', NO_FOLDER_UPLOAD_MESSAGE);
  const problem = uploadNameProblem(rule, file.name);
  if (problem) return fail('invalid-input', problem);
  if (file.size > rule.maxBytes) return fail('invalid-input', uploadTooLargeMessage(rule));
  const query = new URLSearchParams({ purpose, name: file.name });
  session.setUploading({ fileName: file.name, bytes: file.size });
  try {
    const response = await authorized(session, (token) =>
      fetch(`files/upload?${query.toString()}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: file }),
    );
    return (await answerOf(response)) as Result<ChosenFile>;
  } catch {
    return fail('io', UNREACHABLE);
  } finally {
    session.setUploading(null);
  }
}

/** Fetches a saved file once and gives it to the browser to keep under its name. */
async function download(session: ServerSession, url: string, fileName: string): Promise<Result<null>> {
  const response = await authorized(session, (token) => fetch(url, { headers: { Authorization: `Bearer ${token}` } }));
  if (!response.ok) return (await answerOf(response)) as Result<null>;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has started its own copy by the time the click returns; a minute leaves a slow disk enough time
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true, value: null };
}

function savedDownload(result: Result<unknown>): { url: string; fileName: string } | null {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return null;
  const value = result.value as { status?: unknown; download?: unknown; savedTo?: unknown };
  if (value.status !== 'saved' || typeof value.download !== 'string' || typeof value.savedTo !== 'string') return null;
  return { url: value.download, fileName: value.savedTo };
}

async function openByUpload(session: ServerSession, input: unknown): Promise<Result<ChosenFile>> {
  const purpose = (input as { purpose: FilePurpose }).purpose;
  const rule = UPLOADS[purpose];
  if (rule === null) return fail('unsupported', NO_FOLDER_UPLOAD_MESSAGE);
  const file = await pickFile(rule);
  return file ? uploadFile(session, file, purpose) : { ok: true, value: { status: 'cancelled' } };
}

async function invoke(session: ServerSession, channel: Channel, input: unknown): Promise<Result<unknown>> {
  if (channel === 'files.open') return openByUpload(session, input);
  let result: Result<unknown>;
  try {
    const response = await authorized(session, (token) =>
      fetch(`api/${channel}`, {
        method: 'POST',
        // this client fetches what a channel saves
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, [ACCEPTS_DOWNLOADS_HEADER]: 'accept' },
        body: JSON.stringify(input),
      }),
    );
    result = await answerOf(response);
    const saved = savedDownload(result);
    if (saved) {
      const fetched = await download(session, saved.url, saved.fileName);
      if (!fetched.ok) return fetched;
    }
  } catch {
    return fail('io', UNREACHABLE);
  }
  return result;
}

export function createServerClient(session: ServerSession): MarkGuardClient {
  return createClient((channel, input) => invoke(session, channel, input));
}

/** A file dropped on the page: uploaded as a table (what the drop zones take); null when it is not one. */
export function serverDropPort(session: ServerSession): NonNullable<Window['markguardFiles']> {
  return {
    async register(file) {
      const uploaded = await uploadFile(session, file, 'table');
      return uploaded.ok && uploaded.value.status === 'chosen' ? { token: uploaded.value.token, fileName: uploaded.value.fileName } : null;
    },
  };
}
