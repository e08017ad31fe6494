// Files for a desktop connected to a server (issue 11), as the main process runs it, against a real HTTPS server
// with accounts on PostgreSQL: the desktop's own dialogs (a queue, as in the web bridge) choose files on the
// desktop's disk; files.open uploads the chosen file and the token works on the server; a save writes the server's
// file to the chosen local path; a refused or interrupted transfer leaves nothing behind.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { connectionFile, createServerConnection, selectDispatch, selectDrops, type ServerConnection } from '../../electron/server/connection';
import { createConnectionHandlers } from '../../electron/server/connection-handlers';
import { createServerClient, type PinnedServer } from '../../electron/server/pinned-client';
import type { ServerClient } from '../../electron/server/remote-dispatch';
import { INCOMPLETE_DOWNLOAD_MESSAGE } from '../../electron/server/remote-files';
import { UPLOADS_FOLDER } from '../../electron/server/transfers';
import { startServices, type RunningServices } from '../../electron/startup';
import { ACCEPTS_DOWNLOADS_HEADER, UPLOADS, uploadTooLargeMessage } from '../../shared/contract/files';
import { FILING_HEADER, filingLine, waitForBatch } from './support/batches';
import { tempDir, testConfig } from './support/context';
import { seedConfirmedHitsOn, type SeededHits } from './support/letters';
import { rawRequest, startTestServer, type TestServer } from './support/server';
import { marksRepository } from '../../electron/registry/marks';

const CLERK = { login: 'zhangsan', password: 'clerk-password-1' };
const HEAD = { login: 'lisi', password: 'head-password-1' };
const CSV = [FILING_HEADER, filingLine('70000001', '测试商标甲'), filingLine('70000002', '测试商标乙')].join('\r\n');

let t: TestServer;
let hits: SeededHits;
let folder: ReturnType<typeof tempDir>;
let local: RunningServices;
let connection: ServerConnection;
let dispatch: Dispatch;
const dialogs = createQueuedDialogs();
/** what the desktop's save dialog proposed, newest last */
const proposed: string[] = [];
/** what the desktop's client sent to the server: streamed requests and channels, in order */
const sent: string[] = [];
/** set by a test: runs before the desktop fetches a download, or changes the server's answer */
let beforeDownload: (() => void) | null = null;
let alterDownload: ((response: IncomingMessage) => void) | null = null;
/** the name under which the server offered its last download */
let offeredAs = '';

/** The pinned client with a window on what it sends (and a hook for a session that ends between two requests). */
function watchedClient(pin: PinnedServer): ServerClient {
  const client = createServerClient(pin);
  return {
    ...client,
    channel: (name, input, token, options) => {
      sent.push(name);
      return client.channel(name, input, token, options);
    },
    request: async (options) => {
      // a download's one-time id left out
      sent.push(`${options.method} ${(options.path.split('?')[0] ?? '').replace(/^\/files\/download\/.*/, '/files/download')}`);
      if (options.method === 'GET') beforeDownload?.();
      const response = await client.request(options);
      if (response.ok && options.method === 'GET') {
        offeredAs = decodeURIComponent(String(response.value.headers['content-disposition']).replace(/^.*''/, ''));
        alterDownload?.(response.value);
      }
      return response;
    },
  };
}

async function value<T = unknown>(channel: string, input: unknown = {}): Promise<T> {
  const answer = await dispatch(channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
}
async function refusal(channel: string, input: unknown = {}): Promise<string> {
  const answer = await dispatch(channel, input);
  if (answer.ok) throw new Error(`${channel} was not refused`);
  return answer.error.message;
}
const serverUploads = () => {
  const uploads = path.join(t.server.services.ctx.config.dataDir, UPLOADS_FOLDER);
  return existsSync(uploads) ? readdirSync(uploads, { recursive: true }).filter((name) => String(name).includes('.')).length : 0;
};
const localFile = (name: string) => path.join(folder.dir, 'chosen', name);
const leftovers = () => readdirSync(path.join(folder.dir, 'chosen')).filter((name) => name.endsWith('.part'));
async function signIn(who: { login: string; password: string }): Promise<void> {
  await value('connection.connect', { url: t.pin.url, fingerprint: t.pin.fingerprint, ...who });
}

beforeAll(async () => {
  t = await startTestServer('postgres');
  await t.server.accounts.create({ login: CLERK.login, displayName: '张三', role: '科员', password: CLERK.password });
  await t.server.accounts.create({ login: HEAD.login, displayName: '李四', role: '处长', password: HEAD.password });
  hits = await seedConfirmedHitsOn(t.server.services.ctx);
  folder = tempDir('markguard-desktop-files-');
  const recording = {
    ...dialogs,
    saveFile: (title: string, defaultName: string, filter: Parameters<typeof dialogs.saveFile>[2]) => {
      proposed.push(defaultName);
      return dialogs.saveFile(title, defaultName, filter);
    },
  };
  connection = createServerConnection(connectionFile(folder.dir), { dialogs: recording, clientFor: watchedClient });
  local = await startServices(testConfig(folder.dir), recording, createConnectionHandlers(connection));
  dispatch = selectDispatch(local.dispatch, connection);
  mkdirSync(path.join(folder.dir, 'chosen'));
  await signIn(CLERK);
}, 60_000);
afterAll(async () => {
  local?.close();
  await t?.stop();
  folder?.remove();
});
beforeEach(() => {
  sent.length = 0;
  beforeDownload = null;
  alterDownload = null;
});

describe('files.open on a connected desktop', () => {
  it('uploads the file chosen on the desktop; its token previews and imports a batch on the server', async () => {
    const table = localFile('第1966期.csv');
    writeFileSync(table, CSV);
    const before = serverUploads();
    dialogs.queue(table);
    const chosen = await value<{ status: string; token: string; fileName: string }>('files.open', { purpose: 'table' });
    expect(chosen).toMatchObject({ status: 'chosen', fileName: '第1966期.csv', token: expect.stringMatching(/^ft-/) });
    expect(sent).toEqual(['POST /files/upload']);
    expect(serverUploads()).toBe(before + 1);

    const preview = await value<{ fileName: string; mapping: Record<string, number>; sampleRows: string[][] }>('batches.previewFile', { fileToken: chosen.token, kind: 'filing' });
    expect(preview.fileName).toBe('第1966期.csv');
    expect(preview.sampleRows).toEqual(expect.arrayContaining([expect.arrayContaining(['70000001', '测试商标甲'])]));
    const { batchId } = await value<{ batchId: number }>('batches.startImport', { fileToken: chosen.token, kind: 'filing', mapping: preview.mapping });
    await waitForBatch(t.server.services.ctx.jobs, batchId);
    const filings = await t.server.services.ctx.data.selectFrom('filings').select('application_number').where('batch_id', '=', batchId).execute();
    expect(filings).toHaveLength(2);
    // the desktop's own database did not get the batch
    expect(local.ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM filings').get()?.n).toBe(0);
  });

  it('a cancelled dialog sends nothing', async () => {
    dialogs.queue(null);
    expect(await value('files.open', { purpose: 'table' })).toEqual({ status: 'cancelled' });
    expect(sent).toEqual([]);
  });

  it('refuses a file over the limit or of another kind before sending it, and the server keeps nothing', async () => {
    const rule = UPLOADS.image ?? { label: '', maxBytes: 0, extensions: [] };
    const big = localFile('图样.png');
    writeFileSync(big, '');
    truncateSync(big, rule.maxBytes + 1);
    const before = serverUploads();
    dialogs.queue(big);
    expect(await refusal('files.open', { purpose: 'image' })).toBe(uploadTooLargeMessage(rule));
    dialogs.queue(localFile('第1966期.csv'));
    expect(await refusal('files.open', { purpose: 'image' })).toBe('「第1966期.csv」不是图样（PNG、JPEG、BMP、SVG、TIFF），请重新选择文件。');
    expect(sent).toEqual([]);
    expect(serverUploads()).toBe(before);
  });

  it('uploads a table dropped on the window; another kind of file dropped gets nothing', async () => {
    const drops = selectDrops(local.files, connection);
    const dropped = await drops(localFile('第1966期.csv'));
    expect(dropped).toMatchObject({ fileName: '第1966期.csv', token: expect.stringMatching(/^ft-/) });
    expect(await value('batches.previewFile', { fileToken: dropped?.token, kind: 'filing' })).toMatchObject({ fileName: '第1966期.csv' });
    expect(await drops(localFile('图样.png'))).toBeNull();
  });
});

describe('saving on a connected desktop', () => {
  it('writes the server’s export to the path chosen on the desktop, byte for byte', async () => {
    const target = localFile('名录');
    dialogs.queue(target);
    const saved = await value<{ status: string; savedTo: string; rows: number }>('registry.export', { format: 'csv' });
    expect(saved).toEqual({ status: 'saved', savedTo: `${target}.csv`, rows: await marksRepository(t.server.services.ctx.data).count() });
    expect(proposed.at(-1)).toMatch(/^保护名录-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(sent).toEqual(['registry.export', 'GET /files/download']);
    // the server wrote it under the name chosen here (a complaint list named .csv is written as CSV)
    expect(offeredAs).toBe('名录.csv');
    // the same export fetched as the browser fetches it
    const token = await t.login(CLERK.login, CLERK.password);
    const answer = await rawRequest(t.pin, { method: 'POST', path: '/api/registry.export', token, headers: { [ACCEPTS_DOWNLOADS_HEADER]: 'accept' }, body: Buffer.from('{"format":"csv"}') });
    const download = (JSON.parse(answer.body.toString('utf8')) as { value: { download: string } }).value.download;
    const browser = await rawRequest(t.pin, { method: 'GET', path: `/${download}`, token });
    expect(readFileSync(`${target}.csv`)).toEqual(browser.body);
    expect(readFileSync(`${target}.csv`, 'utf8')).toContain('柴达木枸杞');
    expect(leftovers()).toEqual([]);
  });

  it('a cancelled save dialog sends nothing to the server', async () => {
    dialogs.queue(null);
    expect(await value('registry.export', { format: 'xlsx' })).toEqual({ status: 'cancelled' });
    expect(sent).toEqual([]);
  });

  it('a letter: proposed by its number, which the server knows; the file checked against the server’s SHA-256', async () => {
    await signIn(HEAD);
    const draft = await value<{ id: number }>('letters.draftFromHits', { hitIds: hits.gi, kind: 'referral' });
    const issued = await value<{ documentNumber: string }>('letters.issue', { id: draft.id });
    const target = localFile('移送函');
    dialogs.queue(target);
    sent.length = 0;
    const saved = await value<{ status: string; savedTo: string; sha256: string }>('letters.export', { id: draft.id, format: 'pdf' });
    // proposed by the letter's number, which the desktop asked the server for
    expect(proposed.at(-1)).toBe(`${issued.documentNumber}.pdf`);
    expect(sent).toEqual(['letters.get', 'letters.export', 'GET /files/download']);
    expect(saved).toMatchObject({ status: 'saved', savedTo: `${target}.pdf` });
    expect(createHash('sha256').update(readFileSync(`${target}.pdf`)).digest('hex')).toBe(saved.sha256);
    expect(readFileSync(`${target}.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
    await signIn(CLERK);
  }, 60_000);

  it('a session that ended before the save: the login is asked for and nothing is written on the desktop', async () => {
    const target = localFile('过期.csv');
    dialogs.queue(target);
    t.advance(31);
    expect(await refusal('registry.export', { format: 'csv' })).toMatch(/登录/);
    expect(await value('connection.state')).toMatchObject({ mode: 'server', user: null, message: expect.stringMatching(/登录/) });
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
    await signIn(CLERK);
  });

  it('a session that ends between the export and its download: nothing half-written, the login comes back', async () => {
    const target = localFile('中途.csv');
    dialogs.queue(target);
    beforeDownload = () => t.advance(31);
    expect(await refusal('registry.export', { format: 'csv' })).toMatch(/登录/);
    expect(sent).toEqual(['registry.export', 'GET /files/download']);
    expect((await value<{ user: unknown }>('connection.state')).user).toBeNull();
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
    await signIn(CLERK);
  });

  it('a download shorter than the server announced is not kept', async () => {
    const target = localFile('不完整.csv');
    dialogs.queue(target);
    // as if the connection dropped before the end: the body is shorter than its length
    alterDownload = (response) => {
      response.headers['content-length'] = String(Number(response.headers['content-length']) + 10);
    };
    expect(await refusal('registry.export', { format: 'csv' })).toBe(INCOMPLETE_DOWNLOAD_MESSAGE);
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('a connection cut during the download leaves nothing under the chosen name', async () => {
    const target = localFile('切断.csv');
    dialogs.queue(target);
    alterDownload = (response) => {
      response.destroy(new Error('socket hang up'));
    };
    expect(await refusal('registry.export', { format: 'csv' })).toBe(`${INCOMPLETE_DOWNLOAD_MESSAGE}（socket hang up）`);
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
    // still signed in: a broken transfer is not an ended session
    expect((await value<{ user: unknown }>('connection.state')).user).not.toBeNull();
  });

  it('a session that ended before an upload: refused before the file is sent, the login is asked for', async () => {
    const before = serverUploads();
    dialogs.queue(localFile('第1966期.csv'));
    t.advance(31);
    expect(await refusal('files.open', { purpose: 'table' })).toMatch(/登录/);
    expect((await value<{ user: unknown }>('connection.state')).user).toBeNull();
    expect(serverUploads()).toBe(before);
    await signIn(CLERK);
  });
});
