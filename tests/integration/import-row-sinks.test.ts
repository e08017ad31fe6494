// The import's bulk path on both databases: prepared statements on SQLite, COPY on PostgreSQL. The same chunks
// give the same stored rows, the same counts and problems, the same answer to "whose row is this" (a resumed
// batch owns what its earlier run stored, another batch's rows are duplicates), and a chunk that fails leaves
// nothing. Text that COPY must escape (tab, newline, backslash) arrives unchanged.
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createBatchesRepository, type ImportCounts } from '../../electron/batches/repository';
import { createSqliteRowSink, type ChunkRow, type RowSink } from '../../electron/batches/row-sink';
import { createPostgresRowSink } from '../../electron/batches/row-sink-postgres';
import { migrateDataStore } from '../../electron/data/postgres/migrate';
import { dataQueriesOn } from '../../electron/data/queries';
import type { DataSchema } from '../../electron/data/schema';
import { openDatabase } from '../../electron/db/open';
import type { StoreKind } from '../../electron/store/store';
import { tempDir } from './support/context';
import { openFreshStore, STORE_KINDS } from './support/stores';

interface Target {
  data: Kysely<DataSchema>;
  sink: RowSink;
  close(): Promise<void>;
}

async function openTarget(kind: StoreKind): Promise<Target> {
  if (kind === 'sqlite') {
    const folder = tempDir('markguard-sink-');
    const db = openDatabase(path.join(folder.dir, 'markguard.sqlite'));
    return { data: dataQueriesOn(db), sink: createSqliteRowSink(db), close: () => Promise.resolve(db.close()).then(() => folder.remove()) };
  }
  const test = await openFreshStore('postgres');
  await migrateDataStore(test.store);
  if (test.config.kind !== 'postgres') throw new Error('unreachable');
  const client = new pg.Client({ connectionString: test.config.url, options: `-c search_path=${test.config.schema ?? 'public'}` });
  await client.connect();
  return {
    // the store is typed for the accounts' tables; the same connections hold the data's
    data: test.store.db as unknown as Kysely<DataSchema>,
    sink: createPostgresRowSink(client),
    close: async () => {
      await client.end();
      await test.drop();
    },
  };
}

function filing(applicationNumber: string, markText: string, goods = ['白酒']): ChunkRow {
  return {
    kind: 'filing',
    filing: {
      applicationNumber, markText, niceClass: 33, goods, applicant: '某某公司', applicantAddress: '深圳', agency: '',
      filedOn: '2026-05-01', gazetteIssue: '第1920期', publishedOn: '2026-11-20',
    },
    oppositionDeadline: '2027-02-20',
    viennaCodes: applicationNumber.endsWith('1') ? ['26.1.1', '3.1.2'] : [],
  };
}

/** Counts as runBatchImport keeps them: every row read, the bad ones, and of the stored ones own and duplicate. */
function tallying(counts: ImportCounts, read: number, bad: number) {
  return (owned: readonly boolean[]): ImportCounts => {
    const own = owned.filter(Boolean).length;
    Object.assign(counts, {
      totalRows: counts.totalRows + read, badRows: counts.badRows + bad,
      newRows: counts.newRows + own, duplicateRows: counts.duplicateRows + owned.length - own,
    });
    return counts;
  };
}

const targets: Target[] = [];
afterEach(async () => {
  for (const target of targets.splice(0)) await target.close();
});

async function scenario(kind: StoreKind) {
  const target = await openTarget(kind);
  targets.push(target);
  const batches = createBatchesRepository(target.data);
  const create = (name: string) => batches.create({ kind: 'filing', fileName: name, filePath: `/${name}`, fileSize: 1, columnMap: {} }, '2026-12-01T08:00:00.000Z');
  const first = await create('a.csv');
  const firstCounts: ImportCounts = { totalRows: 0, newRows: 0, duplicateRows: 0, badRows: 0 };
  const rows = [filing('70000001', '青海\t湖'), filing('70000002', '昆仑\n山', ['白酒', '啤\\酒']), filing('70000001', '重复行')];
  await target.sink.writeChunk(first, rows, [{ rowNumber: 5, reason: '国际分类无效' }], tallying(firstCounts, 4, 1));
  // the same chunk again, as a resumed import reads it: this batch's own rows, nothing new stored
  const resumedCounts: ImportCounts = { totalRows: 0, newRows: 0, duplicateRows: 0, badRows: 0 };
  await target.sink.writeChunk(first, rows.slice(0, 2), [], tallying(resumedCounts, 2, 0));
  const second = await create('b.csv');
  const secondCounts: ImportCounts = { totalRows: 0, newRows: 0, duplicateRows: 0, badRows: 0 };
  await target.sink.writeChunk(second, [filing('70000002', '另一家'), filing('70000003', '日月山')], [], tallying(secondCounts, 2, 0));
  // a chunk that fails midway leaves none of its rows, problems or counts
  await expect(
    target.sink.writeChunk(second, [filing('70000004', '不应留下')], [{ rowNumber: 9, reason: '坏行' }], () => {
      throw new Error('中途失败');
    }),
  ).rejects.toThrow('中途失败');
  const stored = await target.data
    .selectFrom('filings')
    .select(['application_number', 'batch_id', 'mark_text', 'goods', 'vienna_codes', 'opposition_deadline'])
    .orderBy('application_number')
    .execute();
  return {
    stored: stored.map((r) => ({ ...r, batch_id: r.batch_id === first ? 'first' : 'second' })),
    batches: (await batches.list()).map((b) => [b.fileName, b.totalRows, b.newRows, b.duplicateRows, b.badRows]),
    problems: [(await batches.problems(first, 0, 10)).problems, (await batches.problems(second, 0, 10)).problems],
    counts: [firstCounts, resumedCounts, secondCounts],
  };
}

describe('the import row sinks', () => {
  it.each(STORE_KINDS)('store rows, problems and counts on %s as the import expects', async (kind) => {
    const outcome = await scenario(kind);
    expect(outcome.stored).toEqual([
      { application_number: '70000001', batch_id: 'first', mark_text: '青海\t湖', goods: '白酒', vienna_codes: '26.1.1;3.1.2', opposition_deadline: '2027-02-20' },
      { application_number: '70000002', batch_id: 'first', mark_text: '昆仑\n山', goods: '白酒;啤\\酒', vienna_codes: '', opposition_deadline: '2027-02-20' },
      { application_number: '70000003', batch_id: 'second', mark_text: '日月山', goods: '白酒', vienna_codes: '', opposition_deadline: '2027-02-20' },
    ]);
    expect(outcome.counts).toEqual([
      // the repeated 申请号 within the file is this batch's own row (first stored wins), as the SQLite path counts it
      { totalRows: 4, newRows: 3, duplicateRows: 0, badRows: 1 },
      { totalRows: 2, newRows: 2, duplicateRows: 0, badRows: 0 },
      { totalRows: 2, newRows: 1, duplicateRows: 1, badRows: 0 },
    ]);
    expect(outcome.batches).toEqual([
      ['b.csv', 2, 1, 1, 0],
      ['a.csv', 2, 2, 0, 0],
    ]);
    expect(outcome.problems).toEqual([[{ rowNumber: 5, reason: '国际分类无效' }], []]);
  });
});
