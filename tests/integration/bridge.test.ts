// The loopback web bridge: token, host check, static files, test hooks — over real HTTP on 127.0.0.1.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { startBridge, type RunningBridge } from '../../electron/bridge/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/security';
import { startServices, type RunningServices } from '../../electron/startup';
import { tempDir, testConfig } from './support/context';

let services: RunningServices;
let bridge: RunningBridge;
let folder: ReturnType<typeof tempDir>;

beforeEach(async () => {
  folder = tempDir();
  const rendererDir = path.join(folder.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>商标守护</title>');
  writeFileSync(path.join(folder.dir, 'secret.txt'), 'secret');
  const dialogs = createQueuedDialogs();
  services = await startServices(testConfig(path.join(folder.dir, 'data')), dialogs);
  bridge = await startBridge({ dispatch: services.dispatch, rendererDir, testHooks: { queueDialogAnswer: dialogs.queue } });
});
afterEach(async () => {
  await bridge.close();
  services.close();
  folder.remove();
});

function request(method: string, urlPath: string, options: { token?: string; body?: unknown; host?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method,
        path: urlPath,
        headers: {
          host: options.host ?? `127.0.0.1:${bridge.port}`,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(JSON.stringify(options.body));
    req.end();
  });
}

describe('web bridge', () => {
  it('listens on 127.0.0.1 with a random token in the URL fragment', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('serves the contract to the right token only', async () => {
    const ok = await request('POST', '/api/registry.list', { token: bridge.token, body: {} });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).value.length).toBeGreaterThan(40);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
    expect((await request('POST', '/api/registry.list', { body: {} })).status).toBe(401);
    expect((await request('POST', '/api/registry.list', { token: 'wrong', body: {} })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await request('POST', '/api/registry.list', { token: bridge.token, body: {}, host: 'evil.example:80' });
    expect(res.status).toBe(403);
  });

  it('serves the renderer with a CSP and nothing outside its folder', async () => {
    const page = await request('GET', '/');
    expect(page.text).toContain('商标守护');
    // the one policy the Electron window's header hook and app:// protocol send too (tests/unit/shell/security.test.ts)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await request('GET', '/../secret.txt')).status).toBe(404);
    expect((await request('GET', '/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('answers the main process’s dialogs from the test hook queue, in order; the page gets a token, never the path', async () => {
    await request('POST', '/__test/dialog', { token: bridge.token, body: { path: '/tmp/a.csv' } });
    await request('POST', '/__test/dialog', { token: bridge.token, body: { path: null } });
    const first = await request('POST', '/api/files.open', { token: bridge.token, body: { purpose: 'table' } });
    const second = await request('POST', '/api/registry.export', { token: bridge.token, body: { format: 'csv' } });
    expect(JSON.parse(first.text)).toEqual({ ok: true, value: { status: 'chosen', token: expect.stringMatching(/^ft-/), fileName: 'a.csv' } });
    expect(first.text).not.toContain('/tmp');
    expect(JSON.parse(second.text)).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  it('answers malformed JSON with an error value', async () => {
    const res = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: bridge.port, method: 'POST', path: '/api/registry.list', headers: { authorization: `Bearer ${bridge.token}` } },
        (r) => resolve(r.statusCode ?? 0),
      );
      req.end('{not json');
    });
    expect(res).toBe(400);
  });
});
