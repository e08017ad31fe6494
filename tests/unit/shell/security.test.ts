// Issue 9, item 20: the Electron shell's decisions as pure functions — the app:// path resolution (no traversal in
// any spelling, on POSIX and Windows paths), the one CSP the window's header hook sends, permissions, links.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, resolveAppRequest, resolveInside } from '../../../electron/shell/app-protocol';
import { CONTENT_SECURITY_POLICY, opensInBrowser, permissionAllowed, withSecurityHeaders } from '../../../electron/shell/security';
import { isWebLink } from '../../../shared/formats/links';

const ROOT = path.resolve('/app/out/renderer');

describe('app:// path resolution', () => {
  it('serves the renderer’s files, index.html for the root', () => {
    expect(resolveAppRequest(ROOT, APP_ENTRY)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppRequest(ROOT, 'app://markguard/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppRequest(ROOT, 'app://markguard/assets/index-abc.js?v=1#x')).toBe(path.join(ROOT, 'assets', 'index-abc.js'));
    expect(resolveAppRequest(ROOT, 'app://markguard/assets/%E5%AD%97.woff2')).toBe(path.join(ROOT, 'assets', '字.woff2'));
  });

  it.each(['app://markguard/../../secret.txt', 'app://markguard/%2e%2e/%2e%2e/secret.txt', 'app://markguard/assets/../../../x'])(
    'keeps %s inside the folder (the URL parser drops the dot segments first)',
    (url) => {
      const resolved = resolveAppRequest(ROOT, url);
      expect(resolved === null || resolved.startsWith(ROOT + path.sep)).toBe(true);
    },
  );

  it.each([
    'app://markguard/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://markguard/..%2f..%2fetc%2fpasswd',
    'app://markguard/%5c..%5c..%5cwindows%5cwin.ini',
    'app://markguard/a%00.html',
    'app://markguard/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://markguard/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(ROOT, url)).toBeNull();
  });

  it('refuses traversal with Windows paths too (a backslash is a separator there)', () => {
    const root = 'C:\\Program Files\\商标守护\\resources\\app.asar\\out\\renderer';
    expect(resolveInside(root, '/index.html', path.win32)).toBe(`${root}\\index.html`);
    expect(resolveInside(root, '/..\\..\\secret', path.win32)).toBeNull();
    expect(resolveInside(root, '/%5C..%5Csecret', path.win32)).toBeNull();
    expect(resolveInside(root, '/../renderer-evil/x.js', path.win32)).toBeNull();
    expect(resolveInside(root, '/%2e%2e/%2e%2e/secret', path.win32)).toBeNull();
    // a drive letter is read as a folder name under the renderer's folder, never as a drive
    expect(resolveInside(root, '/C:/Windows/win.ini', path.win32)).toBe(`${root}\\C:\\Windows\\win.ini`);
  });

  it('never resolves to the folder itself or a sibling whose name starts the same', () => {
    expect(resolveInside(ROOT, '/../renderer2/x.js')).toBeNull();
    expect(resolveInside(ROOT, '/.')).toBeNull();
  });
});

describe('one Content-Security-Policy', () => {
  it('forbids framing, <base> and form posts, besides scripts from elsewhere', () => {
    for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'", "script-src 'self'", "object-src 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
  });

  it('the window’s header hook sends it, replacing any policy a response brought', () => {
    const headers = withSecurityHeaders({ 'content-security-policy': ["default-src *"], 'X-Content-Type-Options': ['sniff'], etag: ['1'] });
    expect(headers).toEqual({
      etag: ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    });
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('permissions and links', () => {
  it('refuses every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen']) {
      expect(permissionAllowed(permission)).toBe(false);
    }
  });

  it('opens only http(s) addresses in the browser', () => {
    expect(opensInBrowser('https://item.taobao.com/item.htm?id=1')).toBe(true);
    expect(opensInBrowser('http://sbj.cnipa.gov.cn/')).toBe(true);
    for (const url of ['file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'ms-settings:', 'https://user:pw@evil.example/', 'https://', ' https://x.cn', 'https://x.cn/a b']) {
      expect(opensInBrowser(url)).toBe(false);
    }
    expect(isWebLink('HTTPS://JD.COM/1')).toBe(true);
    expect(isWebLink('www.jd.com')).toBe(false);
  });
});

describe('electron-builder fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on asar integrity and app-only-from-asar', () => {
    // The electronFuses block of the YAML: `key: true|false` lines indented under it.
    const text = readFileSync(path.resolve(__dirname, '../../../build/electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?:[ ]{2}\w+: (?:true|false)\n)+)/m.exec(text)?.[1] ?? '';
    const config = { electronFuses: Object.fromEntries([...block.matchAll(/(\w+): (true|false)/g)].map((m) => [m[1], m[2] === 'true'])) };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // every key is one electron-builder knows (a misspelt fuse would be ignored silently)
    const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    for (const key of Object.keys(config.electronFuses ?? {})) expect(Object.keys(scheme.definitions.FuseOptionsV1.properties)).toContain(key);
  });
});
