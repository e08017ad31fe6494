// What a division's administrator sets up: server.json and the environment, the certificate (the bureau's own,
// or one made at first start and kept), and the desktop app, which has no accounts and says so.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { GENERATED_CERT, fingerprintOf, loadCertificate, normaliseFingerprint } from '../../electron/server/certificate';
import { DEFAULT_SERVER_DATABASE_URL, readServerConfig } from '../../electron/server/config';
import { startServices } from '../../electron/startup';
import { migrateStore } from '../../electron/store/migrate';
import { openStore, storeConfigFromUrl } from '../../electron/store/store';
import { tempDir, testConfig } from './support/context';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => folder.remove());

describe('server.json and the environment', () => {
  it('defaults to a local PostgreSQL and port 8443; the environment’s database URL wins over the file', () => {
    expect(readServerConfig(folder.dir, {})).toMatchObject({ port: 8443, databaseUrl: DEFAULT_SERVER_DATABASE_URL, tls: null });
    writeFileSync(
      path.join(folder.dir, 'server.json'),
      JSON.stringify({ port: 9443, databaseUrl: 'sqlite:accounts.sqlite', tls: { certFile: 'bureau.crt', keyFile: 'bureau.key' }, sessions: { idleMinutes: 10, lifetimeHours: 4 } }),
    );
    const config = readServerConfig(folder.dir, { MARKGUARD_DATABASE_URL: 'postgres://mg@db.example:5432/markguard' });
    expect(config).toMatchObject({
      port: 9443,
      databaseUrl: 'postgres://mg@db.example:5432/markguard',
      tls: { certFile: path.join(folder.dir, 'bureau.crt'), keyFile: path.join(folder.dir, 'bureau.key') },
      sessions: { idleMinutes: 10, lifetimeHours: 4 },
    });
  });

  it('refuses a broken or unknown setting in Chinese, naming the file', () => {
    writeFileSync(path.join(folder.dir, 'server.json'), '{ port: 1 ');
    expect(() => readServerConfig(folder.dir, {})).toThrow(/配置文件 .*server\.json 不是有效的 JSON/);
    writeFileSync(path.join(folder.dir, 'server.json'), JSON.stringify({ prot: 1 }));
    expect(() => readServerConfig(folder.dir, {})).toThrow(/配置文件 .*server\.json 有误/);
  });

  it('keeps server backups in backups/, daily at 02:00, the newest 14, unless server.json says otherwise', () => {
    expect(readServerConfig(folder.dir, {}).backups).toEqual({ backupsDir: path.join(folder.dir, 'backups'), dailyAt: '02:00', keep: 14 });
    writeFileSync(path.join(folder.dir, 'server.json'), JSON.stringify({ backups: { folder: '/srv/mg-backups', dailyAt: null, keep: 30 } }));
    expect(readServerConfig(folder.dir, {}).backups).toEqual({ backupsDir: '/srv/mg-backups', dailyAt: null, keep: 30 });
    writeFileSync(path.join(folder.dir, 'server.json'), JSON.stringify({ backups: { dailyAt: '25:00' } }));
    expect(() => readServerConfig(folder.dir, {})).toThrow(/server\.json 有误：backups\.dailyAt 应为 HH:MM/);
    writeFileSync(path.join(folder.dir, 'server.json'), JSON.stringify({ backups: { keep: 0 } }));
    expect(() => readServerConfig(folder.dir, {})).toThrow(/server\.json 有误：backups\.keep/);
  });

  it('reads postgres:// and sqlite: addresses and refuses others', () => {
    expect(storeConfigFromUrl('postgresql://u@h/db', folder.dir)).toEqual({ kind: 'postgres', url: 'postgresql://u@h/db' });
    expect(storeConfigFromUrl('postgres://u@h:5432/db?schema=markguard', folder.dir)).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db', schema: 'markguard' });
    expect(storeConfigFromUrl('sqlite:a.sqlite', folder.dir)).toEqual({ kind: 'sqlite', file: path.join(folder.dir, 'a.sqlite') });
    expect(() => storeConfigFromUrl('mysql://u:secret@h/db', folder.dir)).toThrow(/mysql:\/\/u:\*\*\*@h\/db.*无法识别/);
  });

  it('opens a SQLite store in a folder that does not exist yet (a first start)', async () => {
    const store = await openStore(storeConfigFromUrl('sqlite:accounts.sqlite', path.join(folder.dir, 'new', 'server')));
    try {
      expect(await migrateStore(store)).toEqual(['001-accounts', '002-must-change-password']);
    } finally {
      await store.close();
    }
  });
});

describe('the certificate', () => {
  it('is made at first start, kept, and keeps its fingerprint across starts', async () => {
    const first = await loadCertificate(folder.dir, null);
    expect(first.source).toBe('self-signed');
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(readFileSync(path.join(folder.dir, GENERATED_CERT), 'utf8')).toBe(first.cert);
    const second = await loadCertificate(folder.dir, null);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('uses the bureau’s certificate when server.json names it, and says which file is missing', async () => {
    const pems = await generate([{ name: 'commonName', value: 'markguard.bureau.example' }], { keyType: 'ec', curve: 'P-256' });
    mkdirSync(path.join(folder.dir, 'bureau'));
    const certFile = path.join(folder.dir, 'bureau', 'server.crt');
    const keyFile = path.join(folder.dir, 'bureau', 'server.key');
    writeFileSync(certFile, pems.cert);
    await expect(loadCertificate(folder.dir, { certFile, keyFile })).rejects.toThrow(`找不到证书文件 ${keyFile}`);
    writeFileSync(keyFile, pems.private);
    const loaded = await loadCertificate(folder.dir, { certFile, keyFile });
    expect(loaded).toMatchObject({ source: 'bureau', fingerprint: fingerprintOf(pems.cert) });
    // the same as SHA-256 over the certificate's DER bytes, as any other tool computes it
    const der = Buffer.from(pems.cert.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    expect(normaliseFingerprint(loaded.fingerprint)).toBe(createHash('sha256').update(der).digest('hex').toUpperCase());
  });
});

describe('the desktop app', () => {
  it('has no accounts: accounts.me answers with no user and user management says it needs the server', async () => {
    const services = await startServices(testConfig(path.join(folder.dir, 'data')), createQueuedDialogs());
    try {
      expect(await services.dispatch('accounts.me', {})).toEqual({ ok: true, value: { mode: 'desktop', user: null } });
      expect(await services.dispatch('accounts.list', {})).toEqual({
        ok: false,
        error: { kind: 'unsupported', message: '用户管理仅在服务器模式下可用；桌面版没有账户。' },
      });
    } finally {
      services.close();
    }
  });
});
