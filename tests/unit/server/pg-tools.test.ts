// pg_dump and pg_restore: found on PATH or refused in Chinese; a password never on their command line.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionFor, findPgTool } from '../../../electron/server/backup/tools';

describe('finding pg_dump', () => {
  it('takes the first executable on the search path and says in Chinese when there is none', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'markguard-pgtools-'));
    try {
      expect(() => findPgTool('pg_dump', dir)).toThrow(/找不到 pg_dump.*apt install postgresql-client.*未做任何更改/);
      writeFileSync(path.join(dir, 'pg_dump'), '#!/bin/sh\n');
      chmodSync(path.join(dir, 'pg_dump'), 0o755);
      expect(findPgTool('pg_dump', `/nonexistent${path.delimiter}${dir}`)).toBe(path.join(dir, 'pg_dump'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the connection handed to pg_dump', () => {
  it('moves the password into PGPASSWORD and leaves a URL without one as it is', () => {
    const withPassword = connectionFor('postgres://mg:s%40cret@db:5432/markguard', {});
    expect(withPassword.dbname).toBe('postgres://mg@db:5432/markguard');
    expect(withPassword.env.PGPASSWORD).toBe('s@cret');
    expect(connectionFor('postgres://postgres@127.0.0.1:5432/test', {})).toEqual({ dbname: 'postgres://postgres@127.0.0.1:5432/test', env: {} });
  });
});
