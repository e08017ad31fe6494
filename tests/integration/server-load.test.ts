// The load test's invariants, small enough for CI (issue 11; the full run is `npm run bench -- server-load`):
// a few clerks racing for the same pages of the queue on a real HTTPS server with accounts and data on PostgreSQL, and a
// 处长 issuing letters meanwhile. Every accepted decision is written once, none is lost, the conflicts wrote
// nothing, and the letter numbers are unique and gapless. The checks themselves are shown to fail on a record
// that does not match the database.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, type LoadRecord } from '../../bench/server-load/clients';
import { createLoadAccounts, seedScreenedBatch } from '../../bench/server-load/seed';
import { verifyLoad } from '../../bench/server-load/verify';
import { tempDir } from './support/context';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
let folder: ReturnType<typeof tempDir>;
let record: LoadRecord;
let seededHits = 0;

beforeAll(async () => {
  t = await startTestServer('postgres');
  folder = tempDir('markguard-load-');
  const seeded = await seedScreenedBatch(t.server.services.ctx, folder.dir, 240);
  expect(seeded.hits).toBeGreaterThan(200);
  seededHits = seeded.hits;
  const accounts = await createLoadAccounts(t.server.accounts, 4, 1);
  // two clerks on each page of the queue: they race for the same filings
  // at least 4 s; on a busy machine (CI runs the suites in parallel) up to 60 s until the race and a letter happened
  record = await runLoad({
    server: t.pin, accounts, durationMs: 4000, clerksPerPage: 2, maxDurationMs: 60_000,
    enough: (r) => r.accepted.length > 10 && r.conflicts > 0 && r.letters.issued.length > 0,
  });
}, 180_000);
afterAll(async () => {
  await t?.stop();
  folder?.remove();
});

const byName = (checks: Awaited<ReturnType<typeof verifyLoad>>, start: string) => checks.find((c) => c.name.startsWith(start))!;

describe('a batch screened on PostgreSQL', () => {
  // Without statistics the planner took the fresh tables for empty and ran the queue's one-per-filing test as a
  // nested loop over every undecided hit: 22 s a page at 4,000 hits, and the server's pool ran dry.
  it('leaves the planner statistics of its filings and hits, so the review queue is planned for their size', async () => {
    const rows = await sql<{ relname: string; reltuples: number }>`
      select relname, reltuples from pg_class where relnamespace = current_schema()::regnamespace and relname in ('filings', 'hits')`
      .execute(t.server.services.ctx.data);
    const tuples = Object.fromEntries(rows.rows.map((r) => [r.relname, Number(r.reltuples)]));
    expect(tuples).toEqual({ filings: 240, hits: seededHits });
  });
});

describe('several clerks and a 处长 at once on one server', () => {
  it('decides, refuses the stale decisions as conflicts, and issues letters', () => {
    expect(record.failures).toEqual([]);
    expect(record.accepted.length).toBeGreaterThan(10);
    expect(record.conflicts).toBeGreaterThan(0);
    expect(record.letters.issued.length).toBeGreaterThan(0);
  });

  it('passes every check against the database and the audit log', async () => {
    const checks = await verifyLoad(t.server.services.ctx.data, record);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBe(7);
  });

  it('the checks fail on a decision the server did not record, on a lost one, and on a letter answered twice', async () => {
    const [first, ...rest] = record.accepted;
    const invented: LoadRecord = { ...record, accepted: [...record.accepted, { ...first!, versions: first!.versions.map((v) => ({ ...v })) }] };
    expect(byName(await verifyLoad(t.server.services.ctx.data, invented), 'no two accepted decisions').ok).toBe(false);
    expect(byName(await verifyLoad(t.server.services.ctx.data, invented), 'every accepted decision recorded').ok).toBe(false);
    const forgotten: LoadRecord = { ...record, accepted: rest };
    expect(byName(await verifyLoad(t.server.services.ctx.data, forgotten), 'no decision lost').ok).toBe(false);
    const letters = { ...record.letters, issued: [...record.letters.issued, record.letters.issued[0]!] };
    expect(byName(await verifyLoad(t.server.services.ctx.data, { ...record, letters }), 'letter numbers').ok).toBe(false);
  });
});
