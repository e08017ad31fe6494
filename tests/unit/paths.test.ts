import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolderName, environmentFromEnv, resolveDataDir } from '../../electron/paths';

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
