import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolderName, environmentFromEnv, fullNameFromPasswd, gecosName, resolveDataDir } from '../../electron/paths';

describe('data folder', () => {
  it('keeps environments apart by suffix', () => {
    expect(dataFolderName('production')).toBe('MarkGuard');
    expect(dataFolderName('development')).toBe('MarkGuard-development');
    expect(dataFolderName('test')).toBe('MarkGuard-test');
    expect(resolveDataDir({ appDataDir: '/appdata', environment: 'test' })).toBe(path.join('/appdata', 'MarkGuard-test'));
  });

  it('lets an explicit folder win and treats unknown environments as production', () => {
    expect(resolveDataDir({ override: 'rel/dir', appDataDir: '/appdata', environment: 'production' })).toBe(path.resolve('rel/dir'));
    expect(environmentFromEnv({ MARKGUARD_ENV: 'staging' })).toBe('production');
    expect(environmentFromEnv({ MARKGUARD_ENV: 'test' })).toBe('test');
  });
});

describe('the operator from the OS account (issue 10, item 8)', () => {
  it('reads the full name from the GECOS field of the account', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\nwangli:x:1000:1000:王丽,,,:/home/wangli:/bin/bash\nbare:x:1001:1001::/home/bare:/bin/sh\n';
    expect(fullNameFromPasswd(passwd, 1000)).toBe('王丽');
    expect(fullNameFromPasswd(passwd, 1001)).toBeNull();
    expect(fullNameFromPasswd(passwd, 4242)).toBeNull();
    expect(gecosName('Zhang San,Room 101,,')).toBe('Zhang San');
    expect(gecosName(',,,')).toBeNull();
  });
});
