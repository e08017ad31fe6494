// Benchmark driver for the server under load (issue 11), bundled to out/bench-server-load.cjs by
// build/bundle-main.mjs and run by bench/server-load.mjs: `node out/bench-server-load.cjs SECONDS [FILINGS [HEADS]]`.
// This process is the server: HTTPS on loopback, accounts and the app's data on PostgreSQL (MARKGUARD_DATABASE_URL,
// else 127.0.0.1:5432, database `test`; a fresh schema dropped afterwards) as a server configured so keeps them —
// or, with MARKGUARD_DATABASE_URL=sqlite:FILE, accounts in that file and the data in the data folder's SQLite
// file —, screening in its worker threads. The 20
// clients run in a child process (this file again, with --clients), so their work does not share the server's
// event loop. Prints one JSON line per figure and per check.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DEFAULT_SESSION_POLICY } from '../../electron/accounts/policy';
import type { PinnedServer } from '../../electron/server/pinned-client';
import { startServer } from '../../electron/server/start';
import { DATABASE_URL_ENV, openStore, storeConfigFromUrl, TEST_DATABASE_URL, type StoreConfig } from '../../electron/store/store';
import { percentile, runLoad, type LoadOptions, type LoadRecord } from '../server-load/clients';
import { createLoadAccounts, seedScreenedBatch } from '../server-load/seed';
import { verifyLoad } from '../server-load/verify';
import { marksRepository } from '../../electron/registry/marks';

const PEOPLE = 20;

interface ClientsDone {
  record: LoadRecord;
  /** CPU the clients' process used: its TLS handshakes and JSON parsing are the clients' side of each call */
  cpuSeconds: number;
}

function runClients(options: LoadOptions): Promise<ClientsDone> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as ClientsDone));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the clients' process exited with ${code}`))));
    child.send(options);
  });
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const admin = await openStore({ kind: 'postgres', url, maxConnections: 1 });
  try {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
  } finally {
    await admin.close();
  }
}

const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

function printFigures(record: LoadRecord): void {
  const all = Object.values(record.latencies).flat();
  const decide = record.latencies['hits.decide'] ?? [];
  const writes = record.accepted.reduce((n, a) => n + a.versions.length, 0);
  print({
    kind: 'result', seconds: record.seconds, requests: all.length, decisions: record.accepted.length, hitWrites: writes,
    decisionsPerSecond: record.accepted.length / record.seconds, requestsPerSecond: all.length / record.seconds,
    conflicts: record.conflicts, lettersIssued: record.letters.issued.length, draftsRefused: record.letters.draftRefused,
  });
  for (const [channel, values] of [['all requests', all], ['hits.decide', decide], ...Object.entries(record.latencies).filter(([c]) => c !== 'hits.decide')] as [string, number[]][]) {
    print({ kind: 'latency', channel, count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) });
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 60);
  const filings = Number(process.argv[3] ?? 3000);
  // 处长 among the 20: 0 leaves the letters (and their PDF rendering on the server) out of the run
  const heads = Number(process.argv[4] ?? 3);
  if (!(seconds > 0) || !(filings > 0) || !(heads >= 0 && heads < PEOPLE)) throw new Error('usage: bench-server-load SECONDS [FILINGS [HEADS]]');
  const root = path.resolve(__dirname, '..');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'markguard-load-'));
  const rendererDir = path.join(folder, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>商标守护</title>');
  const url = process.env[DATABASE_URL_ENV] ?? TEST_DATABASE_URL;
  const schema = `mg_load_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store: StoreConfig = url.startsWith('sqlite:') ? storeConfigFromUrl(url, folder) : { kind: 'postgres', url, schema, maxConnections: 10 };
  const server = await startServer({
    app: { dataDir: path.join(folder, 'data'), seedsDir: path.join(root, 'seeds'), actor: '负载测试', transport: 'server', workerDir: __dirname, version: 'bench' },
    store,
    host: '127.0.0.1',
    port: 0,
    rendererDir,
    tls: null,
    sessions: DEFAULT_SESSION_POLICY,
  });
  try {
    const seedStarted = Date.now();
    const seeded = await seedScreenedBatch(server.services.ctx, folder, filings);
    const accounts = await createLoadAccounts(server.accounts, PEOPLE - heads, heads);
    print({ kind: 'setup', ...seeded, marks: await marksRepository(server.services.ctx.data).count(), clerks: PEOPLE - heads, heads, seedSeconds: (Date.now() - seedStarted) / 1000 });
    const pin: PinnedServer = { url: server.url, fingerprint: server.certificate.fingerprint };
    // the server's own share of the machine, and how long its event loop was held (a stall delays every clerk)
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpu = process.cpuUsage();
    const { record, cpuSeconds: clientCpuSeconds } = await runClients({ server: pin, accounts, durationMs: seconds * 1000 });
    const used = process.cpuUsage(cpu);
    loop.disable();
    printFigures(record);
    print({ kind: 'server', cpuSeconds: (used.user + used.system) / 1e6, clientCpuSeconds, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 });
    for (const check of await verifyLoad(server.services.ctx.data, record, heads > 0)) print({ kind: 'check', ...check });
  } finally {
    await server.close();
    if (store.kind === 'postgres') await dropSchema(url, schema);
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--clients') {
  process.once('message', (options) => {
    const cpu = process.cpuUsage();
    runLoad(options as LoadOptions)
      .then((record) => {
        const used = process.cpuUsage(cpu);
        const done: ClientsDone = { record, cpuSeconds: (used.user + used.system) / 1e6 };
        process.send?.(done, () => process.exit(0));
      })
      .catch((error: unknown) => {
        console.error(error instanceof Error ? error.stack : String(error));
        process.exit(1);
      });
  });
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  });
}
