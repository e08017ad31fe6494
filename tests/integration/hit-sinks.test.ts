// Screening's bulk path on both databases: prepared statements on SQLite, multi-row upserts on PostgreSQL. The same
// pages give the same stored hits: a re-screen replaces a row's undecided hits and refreshes a decided one in place,
// so a reviewer's decision and its version survive it, and the hits the new run no longer finds are gone.
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hit } from '../../shared/domain';
import { createSqliteHitSink, type HitSink, type MarkSnapshot, type RowFacts, type ScreenedRow } from '../../electron/batches/hit-sink';
import { createPostgresHitSink } from '../../electron/batches/hit-sink-postgres';
import { createBatchesRepository } from '../../electron/batches/repository';
import { migrateDataStore } from '../../electron/data/postgres/migrate';
import { dataQueriesOn } from '../../electron/data/queries';
import type { DataSchema } from '../../electron/data/schema';
import { openDatabase } from '../../electron/db/open';
import type { StoreKind } from '../../electron/store/store';
import { tempDir } from './support/context';
import { openFreshStore, STORE_KINDS } from './support/stores';

interface Target {
  data: Kysely<DataSchema>;
  sink(marks: ReadonlyMap<string, MarkSnapshot>): HitSink;
  close(): Promise<void>;
}

async function openTarget(kind: StoreKind): Promise<Target> {
  if (kind === 'sqlite') {
    const folder = tempDir('markguard-hits-');
    const db = openDatabase(path.join(folder.dir, 'markguard.sqlite'));
    return { data: dataQueriesOn(db), sink: (marks) => createSqliteHitSink(db, marks), close: () => Promise.resolve(db.close()).then(() => folder.remove()) };
  }
  const test = await openFreshStore('postgres');
  await migrateDataStore(test.store);
  // the store is typed for the accounts' tables; the same connections hold the data's
  const data = test.store.db as unknown as Kysely<DataSchema>;
  return { data, sink: (marks) => createPostgresHitSink(data, marks), close: () => test.drop() };
}

const targets: Target[] = [];
afterEach(async () => {
  for (const target of targets.splice(0)) await target.close();
});

const NOW = '2026-12-01T08:00:00.000Z';

function hit(markId: string, score: number, text = '青海湖'): Hit {
  return { source: 'filing', id: '', markId, score, reasons: ['identical'], text, markText: markId === 'M1' ? '青海湖' : '青海', alignment: [] };
}

async function setUp(target: Target) {
  const batchId = await createBatchesRepository(target.data).create({ kind: 'filing', fileName: 'a.csv', filePath: '/a.csv', fileSize: 1, columnMap: {} }, NOW);
  const marks = new Map<string, MarkSnapshot>();
  for (const [id, name] of [['M1', '青海湖'], ['M2', '青海']] as const) {
    const row = await target.data.insertInto('protected_marks').values({ mark_id: id, name, category: '地理标志', created_at: NOW, updated_at: NOW }).returning('key').executeTakeFirstOrThrow();
    marks.set(id, { key: row.key, name, category: '地理标志' });
  }
  const rowIds: number[] = [];
  for (const number of ['80000001', '80000002']) {
    const row = await target.data.insertInto('filings').values({ application_number: number, batch_id: batchId, mark_text: '青海湖', nice_class: 33 }).returning('id').executeTakeFirstOrThrow();
    rowIds.push(row.id);
  }
  const facts: RowFacts = { batchId, niceClass: 33, applicant: '某某公司', agency: '', gazetteIssue: '第1920期', publishedOn: '2026-11-20', deadline: '2027-02-20', platform: '', searchText: '80000001 青海湖 某某公司' };
  return { marks, rowIds, facts };
}

async function scenario(kind: StoreKind) {
  const target = await openTarget(kind);
  targets.push(target);
  const { marks, rowIds, facts } = await setUp(target);
  const [first, second] = rowIds as [number, number];
  const sink = target.sink(marks);
  const page = (hits: [number, Hit[]][]): ScreenedRow[] => hits.map(([rowId, found]) => ({ rowId, hits: found, facts }));
  // first screening: two hits on the first filing, one on the second; a mark not screened against is skipped
  const storedFirst = await sink.writePage('filing', page([[first, [hit('M1', 0.95), hit('M2', 0.7), hit('M9', 0.6)]], [second, [hit('M1', 0.9)]]]), NOW);
  // a reviewer confirms the first filing's hit on M1
  await target.data.updateTable('hits').set({ decision: 'confirmed', decided_at: NOW, decided_by: '审核员', version: 1 }).where('filing_id', '=', first).where('mark_id', '=', 'M1').execute();
  // a re-screen after the registry changed finds less: M1 on the first filing with a new score, nothing on the second
  const storedAgain = await sink.writePage('filing', page([[first, [hit('M1', 0.88, '青海湖酒')]], [second, []]]), '2026-12-02T08:00:00.000Z');
  const hits = await target.data
    .selectFrom('hits')
    .select(['filing_id', 'mark_id', 'mark_key', 'score', 'matched_text', 'rank', 'decision', 'decided_by', 'version', 'found_at', 'search_text', 'deadline'])
    .orderBy('filing_id').orderBy('mark_id')
    .execute();
  return {
    stored: [storedFirst, storedAgain],
    hits: hits.map((h) => ({ ...h, filing_id: h.filing_id === first ? 'first' : 'second', mark_key: h.mark_key === marks.get(h.mark_id)?.key ? 'M' : h.mark_key })),
  };
}

describe('the hit sinks', () => {
  it.each(STORE_KINDS)('keep a decided hit through a re-screen on %s and drop the undecided ones not found again', async (kind) => {
    const outcome = await scenario(kind);
    expect(outcome.stored).toEqual([3, 1]);
    expect(outcome.hits).toEqual([
      {
        filing_id: 'first', mark_id: 'M1', mark_key: 'M', score: 0.88, matched_text: '青海湖酒', rank: 1, decision: 'confirmed', decided_by: '审核员',
        version: 1, found_at: NOW, search_text: '青海湖酒 80000001 青海湖 某某公司', deadline: '2027-02-20',
      },
    ]);
  });
});
