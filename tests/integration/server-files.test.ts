// Files in server mode, against a real HTTPS server (accounts on PostgreSQL): a browser uploads the file a clerk
// chose and gets a token bound to its session; uploads past the purpose's limit, of the wrong kind or for an unknown
// purpose are refused in Chinese; exports come back as a one-time download for the same session.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_SESSION_MESSAGE } from '../../electron/files/grants';
import { DOWNLOADS_FOLDER, NO_DOWNLOAD_MESSAGE, UPLOADS_FOLDER } from '../../electron/server/transfers';
import { ACCEPTS_DOWNLOADS_HEADER, NO_FOLDER_UPLOAD_MESSAGE, SAVE_AS_HEADER, UPLOADS, uploadTooLargeMessage } from '../../shared/contract/files';
import { FILING_HEADER, filingLine } from './support/batches';
import { seedConfirmedHitsOn } from './support/letters';
import { rawRequest, startTestServer, uploadFile, type TestServer } from './support/server';

const PASSWORD = 'clerk-password-1';
const CSV = Buffer.from([FILING_HEADER, filingLine('70000001', '测试商标甲'), filingLine('70000002', '测试商标乙')].join('\r\n'));
const IMAGE_RULE = UPLOADS.image ?? { label: '', maxBytes: 0, extensions: [] };
let t: TestServer;
let uploads: string;

beforeAll(async () => {
  t = await startTestServer('postgres');
  await t.server.accounts.create({ login: 'zhangsan', displayName: '张三', role: '科员', password: PASSWORD });
  await seedConfirmedHitsOn(t.server.services.ctx);
  uploads = path.join(t.server.services.ctx.config.dataDir, UPLOADS_FOLDER);
});
afterAll(async () => {
  await t?.stop();
});

const uploadedFiles = () => (existsSync(uploads) ? readdirSync(uploads, { recursive: true }).filter((name) => String(name).includes('.')) : []);

describe('uploads', () => {
  it('gives a token for the uploaded file, which the import channels read like a chosen file', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const answer = await uploadFile(t.pin, token, 'table', '第1920期.csv', CSV);
    expect(answer.status).toBe(200);
    expect(answer.body.value).toMatchObject({ status: 'chosen', fileName: '第1920期.csv' });
    const preview = await t.call('batches.previewFile', { fileToken: answer.body.value?.token, kind: 'filing' }, token);
    expect(preview.body).toMatchObject({ ok: true, value: { fileName: '第1920期.csv', sampleRows: expect.arrayContaining([expect.arrayContaining(['70000001', '测试商标甲'])]) } });
  });

  it('takes a backup only from a role that may restore one', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const answer = await uploadFile(t.pin, token, 'backup', '商标守护备份.sqlite', Buffer.from('SQLite format 3\0'));
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toBe('您的角色（科员）无权执行此操作，需要「管理员」或更高的角色。');
  });

  it('refuses an upload without a session', async () => {
    const answer = await uploadFile(t.pin, '', 'table', 'a.csv', CSV);
    expect(answer.status).toBe(401);
    expect(answer.body.error?.message).toBe('请先登录。');
  });

  it('takes the image ZIP of a batch; refuses an unknown purpose, a folder and a file that does not fit, in Chinese', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const before = uploadedFiles().length;
    const unknown = await uploadFile(t.pin, token, 'letters', 'a.csv', CSV);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toBe('未知的文件用途「letters」：只能是表格（table）、图样（image）、图样压缩包（images）或备份（backup）。');
    const zip = await uploadFile(t.pin, token, 'images', '第1920期图样.zip', Buffer.from('PK\x03\x04'));
    expect(zip.status).toBe(200);
    expect(zip.body.value?.fileName).toBe('第1920期图样.zip');
    const folder = await uploadFile(t.pin, token, 'imageFolder', 'images', CSV);
    expect(folder.status).toBe(400);
    expect(folder.body.error?.message).toBe(NO_FOLDER_UPLOAD_MESSAGE);
    const wrongKind = await uploadFile(t.pin, token, 'image', '第1920期.csv', CSV);
    expect(wrongKind.status).toBe(415);
    expect(wrongKind.body.error?.message).toBe('「第1920期.csv」不是图样（PNG、JPEG、BMP、SVG、TIFF），请重新选择文件。');
    // a BMP (Windows 画图's format) goes up like any image; the store makes it a PNG
    const bmp = await uploadFile(t.pin, token, 'image', '旧图样.BMP', Buffer.from('BM'));
    expect(bmp.status).toBe(200);
    expect(uploadedFiles().length).toBe(before + 2);
  });

  it('refuses a file over the limit: declared (before its body is sent) and streamed without a length', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const before = uploadedFiles().length;
    const declared = await rawRequest(t.pin, {
      method: 'POST',
      path: '/files/upload?purpose=image&name=logo.png',
      token,
      headers: { expect: '100-continue', 'content-length': String(IMAGE_RULE.maxBytes + 1) },
      body: Buffer.alloc(16),
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body.toString('utf8'))).toMatchObject({ ok: false, error: { message: uploadTooLargeMessage(IMAGE_RULE) } });
    expect(uploadTooLargeMessage(IMAGE_RULE)).toBe('文件太大：图样（PNG、JPEG、BMP、SVG、TIFF）不能超过 20 MB。');

    const chunk = Buffer.alloc(1024 * 1024, 1);
    const chunks = Array.from({ length: IMAGE_RULE.maxBytes / chunk.length + 1 }, () => chunk);
    const streamed = await rawRequest(t.pin, { method: 'POST', path: '/files/upload?purpose=image&name=logo.png', token, headers: { 'transfer-encoding': 'chunked' }, body: chunks });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body.toString('utf8')).error.message).toBe(uploadTooLargeMessage(IMAGE_RULE));
    expect(uploadedFiles().length).toBe(before);
  }, 30_000);

  it('refuses a token in another session, and for another purpose', async () => {
    const first = await t.login('zhangsan', PASSWORD);
    const second = await t.login('zhangsan', PASSWORD);
    const uploaded = await uploadFile(t.pin, first, 'table', 'a.csv', CSV);
    const fileToken = uploaded.body.value?.token;
    const elsewhere = await t.call('batches.previewFile', { fileToken, kind: 'filing' }, second);
    expect(elsewhere.body).toEqual({ ok: false, error: { kind: 'invalid-input', message: OTHER_SESSION_MESSAGE } });
    const asImage = await t.call('registry.checkImage', { fileToken }, first);
    expect(asImage.body).toMatchObject({ ok: false, error: { message: '所选文件已失效，请重新选择文件' } });
    // still good where it belongs
    expect((await t.call('batches.previewFile', { fileToken, kind: 'filing' }, first)).body.ok).toBe(true);
  });
});

describe('downloads', () => {
  it('answers an export with a one-time download for the same session and never the server path', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const other = await t.login('zhangsan', PASSWORD);
    const answer = await rawRequest(t.pin, {
      method: 'POST',
      path: '/api/registry.export',
      token,
      headers: { [ACCEPTS_DOWNLOADS_HEADER]: 'accept' },
      body: Buffer.from(JSON.stringify({ format: 'csv' })),
    });
    const exported = { body: JSON.parse(answer.body.toString('utf8')) as { ok: boolean; value?: unknown } };
    expect(exported.body).toMatchObject({ ok: true, value: { status: 'saved', download: expect.stringMatching(/^files\/download\//) } });
    const value = exported.body.value as { savedTo: string; download: string; rows: number };
    expect(value.savedTo).toMatch(/^保护名录-.*\.csv$/);
    expect(value.rows).toBeGreaterThan(0);

    const stranger = await rawRequest(t.pin, { method: 'GET', path: `/${value.download}`, token: other });
    expect(stranger.status).toBe(403);
    const noSession = await rawRequest(t.pin, { method: 'GET', path: `/${value.download}` });
    expect(noSession.status).toBe(401);
    const fetched = await rawRequest(t.pin, { method: 'GET', path: `/${value.download}`, token });
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-disposition']).toContain(encodeURIComponent(value.savedTo));
    expect(fetched.body.toString('utf8')).toContain('柴达木枸杞');
    const again = await rawRequest(t.pin, { method: 'GET', path: `/${value.download}`, token });
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body.toString('utf8')).error.message).toMatch(/下载链接已失效/);
  });

  it('refuses to save for a client that does not fetch downloads (the desktop connection), writing nothing', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const exported = await t.call('registry.export', { format: 'csv' }, token);
    expect(exported.body).toEqual({ ok: false, error: { kind: 'unsupported', message: NO_DOWNLOAD_MESSAGE } });
    const downloads = path.join(t.server.services.ctx.config.dataDir, DOWNLOADS_FOLDER);
    expect(existsSync(downloads) ? readdirSync(downloads) : []).toEqual([]);
  });

  it('still refuses to show an open dialog on the server itself', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const opened = await t.call('files.open', { purpose: 'table' }, token);
    expect(opened.body.error?.message).toMatch(/在浏览器中使用时请直接选择文件上传/);
  });

  it('saves under the name a desktop chose (its folder part dropped), and offers it under that name', async () => {
    const token = await t.login('zhangsan', PASSWORD);
    const answer = await rawRequest(t.pin, {
      method: 'POST',
      path: '/api/registry.export',
      token,
      headers: { [ACCEPTS_DOWNLOADS_HEADER]: 'accept', [SAVE_AS_HEADER]: encodeURIComponent('../../名录 副本.csv') },
      body: Buffer.from(JSON.stringify({ format: 'csv' })),
    });
    const value = (JSON.parse(answer.body.toString('utf8')) as { value: { savedTo: string; download: string } }).value;
    expect(value.savedTo).toBe('名录 副本.csv');
    const fetched = await rawRequest(t.pin, { method: 'GET', path: `/${value.download}`, token });
    expect(fetched.headers['content-disposition']).toContain(encodeURIComponent('名录 副本.csv'));
    // a name that is a folder's is not taken: the file stays in its download folder under the proposed name
    for (const name of ['..', '.', '']) {
      const dots = await rawRequest(t.pin, {
        method: 'POST',
        path: '/api/registry.export',
        token,
        headers: { [ACCEPTS_DOWNLOADS_HEADER]: 'accept', [SAVE_AS_HEADER]: name },
        body: Buffer.from(JSON.stringify({ format: 'csv' })),
      });
      const saved = (JSON.parse(dots.body.toString('utf8')) as { value: { savedTo: string; download?: string } }).value;
      expect(saved).toMatchObject({ savedTo: expect.stringMatching(/^保护名录-.*\.csv$/), download: expect.stringMatching(/^files\/download\//) });
    }
  });
});

describe('uploads that ask first (Expect: 100-continue, as the connected desktop sends them)', () => {
  it('refuses an ended session or a role before the body is sent', async () => {
    const before = uploadedFiles().length;
    const ask = (token: string, purpose: string, name: string) =>
      rawRequest(t.pin, { method: 'POST', path: `/files/upload?purpose=${purpose}&name=${encodeURIComponent(name)}`, token, headers: { expect: '100-continue', 'content-length': String(CSV.length) }, body: CSV });
    const token = await t.login('zhangsan', PASSWORD);
    const clerk = await ask(token, 'backup', '备份.sqlite');
    expect(clerk).toMatchObject({ status: 403, continued: false });
    expect(JSON.parse(clerk.body.toString('utf8')).error.message).toMatch(/无权执行此操作/);
    await t.server.accounts.logout(token);
    const ended = await ask(token, 'table', '第1920期.csv');
    expect(ended).toMatchObject({ status: 401, continued: false });
    const fresh = await ask(await t.login('zhangsan', PASSWORD), 'table', '第1920期.csv');
    expect(fresh).toMatchObject({ status: 200, continued: true });
    expect(uploadedFiles().length).toBe(before + 1);
  });
});
