// A server killed in the middle of an import: the real bundled server (`node out/server.cjs`, import in its worker
// thread) is started as a child process, a large gazette is uploaded and imported, the process is SIGKILLed while
// importing and started again on the same data folder, which resumes the batch by itself to the end — no row lost,
// none doubled. Twice: with a sqlite: store (the data in the data folder's SQLite file, written by prepared
// statements) and with PostgreSQL (the data beside the accounts in a fresh schema, written by COPY from the worker's
// own pool): each chunk is one transaction on both, so a kill keeps whole chunks and the resume counts them once.
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/context';
import { IMPORT_CHUNK_ROWS } from '../../electron/batches/import/import-batch';
import { createServerClient, postPinned, type PinnedServer } from '../../electron/server/pinned-client';
import { FILING_MAPPING, filingLine, writeFilings } from './support/batches';
import { REPO_ROOT, tempDir } from './support/context';
import { uploadFile } from './support/server';
import { freshStoreConfig, STORE_KINDS } from './support/stores';
import { openStore, type StoreConfig, type StoreKind } from '../../electron/store/store';
import { sql } from 'kysely';

const ROWS = 300_000;
let folder: ReturnType<typeof tempDir>;
let child: ChildProcess | undefined;

beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(REPO_ROOT, 'build', 'bundle-main.mjs'), '--quiet'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bundle-main failed: ${built.stderr}`);
  folder = tempDir('markguard-server-kill-');
}, 120_000);
afterAll(() => {
  child?.kill('SIGKILL');
  folder.remove();
});

interface Started {
  pin: PinnedServer;
  adminPassword: string | null;
  /** what the server printed so far */
  output(): string;
}

/** Starts the bundled server on the data folder; its address, fingerprint and (first start) the 管理员's password. */
function startServer(dataDir: string, databaseUrl: string): Promise<Started> {
  child = spawn(process.execPath, [path.join(REPO_ROOT, 'out', 'server.cjs'), '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MARKGUARD_DATABASE_URL: databaseUrl },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child?.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /MARKGUARD_SERVER_URL=(\S+)/.exec(out)?.[1];
      const fingerprint = /MARKGUARD_SERVER_FINGERPRINT=(\S+)/.exec(out)?.[1];
      // the first start prints the password after the data folder, in the same turn
      if (!url || !fingerprint || !/数据文件夹/.test(out)) return;
      setTimeout(() => resolve({ pin: { url, fingerprint }, adminPassword: /一次性密码 (\S+)/.exec(out)?.[1] ?? null, output: () => out }), 300);
    });
    child?.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

/** The 管理员's own password, chosen at its first login in place of the printed one (the server demands it). */
const ADMIN_OWN_PASSWORD = 'admin-own-password-1';

/** A 管理员 session; `printed`: the first login, with the one-time password, which it replaces at once. */
async function session(pin: PinnedServer, printed?: string) {
  const login = await createServerClient(pin).login('admin', printed ?? ADMIN_OWN_PASSWORD);
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.value as { token: string }).token;
  if (printed !== undefined) {
    const changed = await postPinned(pin, '/api/accounts.changePassword', { current: printed, next: ADMIN_OWN_PASSWORD }, token);
    if (!changed.ok || !(changed.value.body as { ok: boolean }).ok) throw new Error('the 管理员 could not replace the printed password');
  }
  const call = async <T,>(channel: string, input: unknown): Promise<T> => {
    const answer = await postPinned(pin, `/api/${channel}`, input, token);
    if (!answer.ok) throw new Error(answer.error.message);
    const body = answer.value.body as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message ?? ''}`);
    return body.value;
  };
  return { token, call };
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  const running = child;
  if (!running) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill(signal);
  await exited;
  child = undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The filings the server stored: how many, and how many distinct application numbers. */
async function storedFilings(kind: StoreKind, dataDir: string, store: StoreConfig | undefined): Promise<{ n: number; distinct_numbers: number }> {
  if (kind === 'sqlite') {
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      return db.prepare('SELECT count(*) AS n, count(DISTINCT application_number) AS distinct_numbers FROM filings').get() as { n: number; distinct_numbers: number };
    } finally {
      db.close();
    }
  }
  if (!store) throw new Error('a PostgreSQL run has its store');
  const opened = await openStore(store);
  try {
    const { rows } = await sql<{ n: string; distinct_numbers: string }>`select count(*) as n, count(distinct application_number) as distinct_numbers from filings`.execute(opened.db);
    return { n: Number(rows[0]?.n), distinct_numbers: Number(rows[0]?.distinct_numbers) };
  } finally {
    await opened.close();
  }
}

describe.each(STORE_KINDS)('a server killed mid-import, its data on %s', (kind) => {
  let store: ReturnType<typeof freshStoreConfig> | undefined;
  afterAll(async () => {
    await store?.cleanup();
  });

  it('takes the interrupted batch up by itself at the next start and finishes it, no row lost or doubled', async () => {
    const lines = Array.from({ length: ROWS }, (_, i) => filingLine(String(80_000_000 + i), `测试商标${i}`, { niceClass: (i % 45) + 1 }));
    const file = writeFilings(folder.dir, `big-${kind}.csv`, lines);
    const dataDir = path.join(folder.dir, `data-${kind}`);
    let databaseUrl = 'sqlite:accounts.sqlite';
    if (kind === 'postgres') {
      store = freshStoreConfig('postgres');
      // the server's own start opens the store from its URL: the test's fresh schema travels as ?schema=
      if (store.config.kind === 'postgres' && store.config.schema) {
        const url = new URL(store.config.url);
        url.searchParams.set('schema', store.config.schema);
        databaseUrl = url.toString();
      }
    }

    const first = await startServer(dataDir, databaseUrl);
    const password = first.adminPassword;
    if (!password) throw new Error('the first start prints the 管理员 password');
    const admin = await session(first.pin, password);
    const uploaded = await uploadFile(first.pin, admin.token, 'table', '第1921期.csv', readFileSync(file));
    expect(uploaded.status).toBe(200);
    const { batchId } = await admin.call<{ batchId: number }>('batches.startImport', { fileToken: uploaded.body.value?.token, kind: 'filing', mapping: FILING_MAPPING });
    for (;;) {
      const progress = await admin.call<{ rows: number; phase: string }>('batches.progress', { batchId });
      expect(progress.phase).toBe('importing');
      expect(progress.rows).toBeLessThan(ROWS);
      if (progress.rows >= 2 * IMPORT_CHUNK_ROWS) break;
      await sleep(25);
    }
    await stop('SIGKILL');

    const second = await startServer(dataDir, databaseUrl);
    expect(second.adminPassword).toBeNull();
    expect(second.pin.fingerprint).toBe(first.pin.fingerprint);
    // nobody presses 继续导入 on a server: it takes the batch up by itself and says so
    expect(second.output()).toContain(`批次 ${batchId} 上次未完成，已自动继续导入。`);
    const again = await session(second.pin);
    type Batch = { id: number; status: string; totalRows: number; newRows: number; duplicateRows: number; badRows: number };
    const deadline = Date.now() + 150_000;
    let batch: Batch | undefined;
    for (;;) {
      batch = (await again.call<Batch[]>('batches.list', {})).find((b) => b.id === batchId);
      if (batch?.status === 'screened' || batch?.status === 'failed' || Date.now() > deadline) break;
      await sleep(250);
    }
    expect(batch).toMatchObject({ status: 'screened', totalRows: ROWS, newRows: ROWS, duplicateRows: 0, badRows: 0 });

    await stop('SIGTERM');
    expect(await storedFilings(kind, dataDir, store?.config)).toEqual({ n: ROWS, distinct_numbers: ROWS });
  }, 240_000);
});
