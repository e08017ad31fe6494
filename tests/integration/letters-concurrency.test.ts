// Two connections in two threads issue at the same moment: every letter gets its own number, with no gaps and no
// SQLITE_BUSY (the number is one atomic upsert inside the issuing transaction, which SQLite begins IMMEDIATE). And
// what guards the same on PostgreSQL, where two requests' transactions really overlap: the freeze of a draft that
// another request issued meanwhile takes nothing, and its number goes back with the rollback.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, expect, it } from 'vitest';
import { inTransaction } from '../../electron/data/queries';
import { freezeUnderNextNumber } from '../../electron/letters/issue';
import { createLetterStore } from '../../electron/letters/store';
import { openTestContext } from './support/context';
import { lettersApi, seedConfirmedHits } from './support/letters';

const LETTERS_PER_THREAD = 25;

let ctx: ReturnType<typeof openTestContext>;
afterEach(() => ctx.cleanup());

function startWorker(dataDir: string, ids: number[], gate: SharedArrayBuffer): { ready: Promise<void>; done: Promise<string[]> } {
  // The worker runs the TypeScript sources through tsx's CommonJS hook, as vitest does not reach into workers.
  const script = path.join(__dirname, 'support', 'issue-worker.ts');
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { eval: true, workerData: { dataDir, ids, gate } });
  const ready = new Promise<void>((resolve) => worker.once('online', () => resolve()));
  const done = new Promise<string[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`issue worker exited with ${code}`))));
  });
  return { ready, done };
}

/** More confirmed hits on the seeded GI mark, one filing each, so that there is one draft per hit. */
function moreConfirmedHits(count: number): number[] {
  const mark = ctx.db.prepare("SELECT key FROM protected_marks WHERE mark_id = 'GI-001'").get() as { key: number };
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const filing = ctx.db
      .prepare("INSERT INTO filings (application_number, batch_id, mark_text, nice_class, applicant, published_on) VALUES (?, 1, '柴达木枸杞', 29, ?, '2026-11-27')")
      .run(`7200${String(i).padStart(4, '0')}`, `申请人${i}`).lastInsertRowid;
    const hit = ctx.db
      .prepare(
        `INSERT INTO hits (source, filing_id, mark_key, mark_id, mark_name, mark_category, matched_text, matched_mark, score, reasons, found_at, decision)
         VALUES ('filing', ?, ?, 'GI-001', '柴达木枸杞', '地理标志', '柴达木枸杞', '柴达木枸杞', 1, '["identical"]', 'x', 'confirmed')`,
      )
      .run(filing, mark.key).lastInsertRowid;
    ids.push(Number(hit));
  }
  return ids;
}

it('gives drafts issued at once from two threads distinct, gapless numbers', async () => {
  ctx = openTestContext();
  const api = lettersApi(ctx);
  seedConfirmedHits(ctx);
  const drafts: number[] = [];
  for (const hitId of moreConfirmedHits(2 * LETTERS_PER_THREAD)) {
    drafts.push((await api['letters.draftFromHits']({ hitIds: [hitId], kind: 'referral' })).id);
  }
  const gate = new SharedArrayBuffer(4);
  const workers = [0, 1].map((parity) => startWorker(ctx.config.dataDir, drafts.filter((_, i) => i % 2 === parity), gate));
  await Promise.all(workers.map((w) => w.ready));
  Atomics.store(new Int32Array(gate), 0, 1);
  Atomics.notify(new Int32Array(gate), 0);
  const numbers = (await Promise.all(workers.map((w) => w.done))).flat();

  expect(numbers).toHaveLength(drafts.length);
  expect(new Set(numbers).size).toBe(drafts.length);
  const sequences = numbers.map((n) => Number(/〕(\d+)号$/.exec(n)?.[1])).sort((x, y) => x - y);
  expect(sequences).toEqual(drafts.map((_, i) => i + 1));
  expect(ctx.db.prepare('SELECT last_number AS n FROM letter_sequences').get()).toEqual({ n: drafts.length });
});

it('freezes a draft only while it is a draft, so a freeze that lost the race gives its number back', async () => {
  ctx = openTestContext();
  const api = lettersApi(ctx);
  const hits = seedConfirmedHits(ctx);
  const draft = await api['letters.draftFromHits']({ hitIds: [hits.lake], kind: 'referral' });
  const issued = await api['letters.issue']({ id: draft.id });
  expect(issued.documentNumber).toBe('青市监商函〔2026〕1号');
  if (!issued.document) throw new Error('an issued letter carries its document');
  const record = { document: issued.document, facts: issued.facts };
  const late = inTransaction(ctx.data, (tx) =>
    freezeUnderNextNumber(createLetterStore(tx), draft.id, 2026, (sequence) => {
      expect(sequence).toBe(2);
      return { year: 2026, sequence, number: '青市监商函〔2026〕2号', record, on: '2026-11-29', at: ctx.now(), by: '另一位处长' };
    }),
  );
  await expect(late).rejects.toThrow(/已由他人签发，本次未签发、未占用文号/);
  expect(ctx.db.prepare('SELECT year, last_number FROM letter_sequences').all()).toEqual([{ year: 2026, last_number: 1 }]);
  expect((await api['letters.get']({ id: draft.id })).documentNumber).toBe('青市监商函〔2026〕1号');
  const next = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
  expect((await api['letters.issue']({ id: next.id })).documentNumber).toBe('青市监商函〔2026〕2号');
});
