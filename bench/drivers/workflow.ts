// Benchmark driver for the screening workflow (issue 4), bundled to out/bench-workflow.cjs by build/bundle-main.mjs
// and run by bench/workflow.mjs: `node out/bench-workflow.cjs FILINGS.csv WORKDIR`.
// 1. import the batch into a fresh SQLite file exactly as the import worker does (target ≤ 20 s for 1,000,000 rows),
//    against a floor measured in the same process: reading and splitting the same file;
// 2. filter and sort over 100,000 stored hits (and 10,000 second hits of the same filings) with the review queue's
//    query, one row per filing (target ≤ 100 ms), against a plain count over the same table in the same process.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/db/open';
import { createBatchesRepository } from '../../electron/batches/repository';
import { dataQueriesOn, type DataQueries } from '../../electron/data/queries';
import { queryQueue } from '../../electron/review/queue-repository';
import { FILING_HEADERS } from '../../shared/formats/filings';
import { runBatchImport } from '../../electron/batches/import/import-batch';
import { openTable } from '../../electron/tabular';
import type { HitQuery } from '../../shared/contract/screening';
import { sqliteConnection } from '../../electron/data/store';

const HITS = 100_000;
// gen-scale publishes every filing on 2026-06-06, so each is due on 2026-09-06: 27 days after this date.
const TODAY = '2026-08-10';
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
// CPU time of this process: on a shared two-core machine wall time also counts other programs' turns.
const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

async function floor(file: string): Promise<{ rows: number; seconds: number; cpuSeconds: number }> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const table = await openTable(file);
  let rows = 0;
  for await (const _row of table.rows) rows += 1;
  await table.close();
  return { rows, seconds: seconds(start), cpuSeconds: cpuSeconds(cpu) };
}

async function importBatch(db: Db, file: string) {
  const mapping = Object.fromEntries(FILING_HEADERS.map(({ key }, index) => [key, index]));
  const batchId = await createBatchesRepository(dataQueriesOn(db)).create({ kind: 'filing', fileName: path.basename(file), filePath: file, fileSize: 0, columnMap: mapping }, new Date().toISOString());
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const counts = await runBatchImport(sqliteConnection(db), { batchId, filePath: file, kind: 'filing', mapping });
  return { ...counts, seconds: seconds(start), cpuSeconds: cpuSeconds(cpu) };
}

const CATEGORIES = ['驰名商标', '地理标志', '省著名商标', '老字号', '涉外商标', '公共资源'];
const REASONS = ['identical', 'homophone', 'shape', 'added', 'traditional', 'contains'];

/** 100,000 synthetic hits on the first filings, spread over 500 marks, scores, reasons and decisions. */
function seedHits(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO hits (source, filing_id, mark_id, mark_name, mark_category, matched_text, matched_mark, score, reasons, found_at, decision,
       batch_id, nice_class, applicant, agency, gazette_issue, published_on, deadline, search_text)
     SELECT 'filing', id, 'M' || (id % 500), '名录商标' || (id % 500), @c, mark_text, '名录商标', @score, @reasons, @now, @decision,
            batch_id, nice_class, applicant, agency, gazette_issue, published_on, opposition_deadline,
            lower(mark_text || ' ' || application_number || ' ' || mark_text || ' ' || applicant || ' ' || agency)
     FROM filings WHERE id = @id`,
  );
  db.transaction(() => {
    for (let id = 1; id <= HITS; id += 1) {
      insert.run({
        id,
        c: CATEGORIES[id % 6],
        score: 0.5 + ((id * 7919) % 500) / 1000,
        reasons: JSON.stringify([REASONS[id % 6], REASONS[(id + 2) % 6]]),
        now: new Date().toISOString(),
        decision: id % 10 === 0 ? 'confirmed' : 'undecided',
      });
    }
    // one filing in ten hits a second mark: the queue shows it once (issue 10, item 3)
    db.prepare(
      `INSERT INTO hits (source, filing_id, mark_id, mark_name, mark_category, matched_text, matched_mark, score, reasons, found_at, decision,
         batch_id, nice_class, applicant, agency, gazette_issue, published_on, deadline, search_text)
       SELECT 'filing', filing_id, 'X' || mark_id, '另一名录商标', mark_category, matched_text, '另一名录商标', score - 0.01, reasons, found_at,
              decision, batch_id, nice_class, applicant, agency, gazette_issue, published_on, deadline, search_text
       FROM hits WHERE id % 10 = 3 AND id <= @hits`,
    ).run({ hits: HITS });
  })();
  db.exec('ANALYZE');
}

async function timeQuery(data: DataQueries, query: HitQuery): Promise<{ medianMs: number; medianCpuMs: number; total: number }> {
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let total = 0;
  for (let i = 0; i < 7; i += 1) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    total = (await queryQueue(data, query, TODAY)).total;
    runs.push(seconds(start) * 1000);
    cpuRuns.push(cpuSeconds(cpu) * 1000);
  }
  runs.sort((a, b) => a - b);
  cpuRuns.sort((a, b) => a - b);
  return { medianMs: runs[3] ?? NaN, medianCpuMs: cpuRuns[3] ?? NaN, total };
}

async function main(): Promise<void> {
  const [file, workdir] = process.argv.slice(2);
  if (!file || !workdir) throw new Error('usage: bench-workflow FILINGS.csv WORKDIR');
  mkdirSync(workdir, { recursive: true });
  const dbPath = path.join(workdir, 'bench.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = openDatabase(dbPath);
  const f = await floor(file);
  const i = await importBatch(db, file);
  console.log(JSON.stringify({ kind: 'import', floorSeconds: f.seconds, floorCpuSeconds: f.cpuSeconds, floorRows: f.rows, ...i }));
  seedHits(db);
  const baselineStart = process.hrtime.bigint();
  db.prepare('SELECT count(*) FROM hits').get();
  const baselineMs = seconds(baselineStart) * 1000;
  const queries: [string, HitQuery][] = [
    ['默认：待定，按分数降序，前 200 条', { source: 'filing', decision: 'undecided', sortBy: 'score', sortDir: 'desc', limit: 200 }],
    ['类别 + 最低分数，按异议截止升序', { source: 'filing', category: '公共资源', minScore: 0.8, sortBy: 'deadline', sortDir: 'asc', limit: 200 }],
    ['30 天内到期，按申请人排序', { source: 'filing', deadline: 'within30', sortBy: 'applicant', sortDir: 'asc', limit: 200 }],
    ['理由 = 字形近似，按名录商标排序', { source: 'filing', reason: 'shape', sortBy: 'mark', sortDir: 'asc', limit: 200 }],
    ['名录商标 + 第 5000 条起', { source: 'filing', markId: 'M42', sortBy: 'score', sortDir: 'desc', offset: 100, limit: 200 }],
    ['文字搜索「商」（少数命中）', { source: 'filing', text: '商', sortBy: 'score', sortDir: 'desc', limit: 200 }],
    ['文字搜索「申请人」（几乎全部命中）', { source: 'filing', text: '申请人', sortBy: 'score', sortDir: 'desc', limit: 200 }],
  ];
  const data = dataQueriesOn(db);
  for (const [label, query] of queries) {
    const t = await timeQuery(data, query);
    console.log(JSON.stringify({ kind: 'query', label, hits: HITS, total: t.total, medianMs: t.medianMs, medianCpuMs: t.medianCpuMs, baselineMs }));
  }
  db.close();
  if (!process.env.MARKGUARD_BENCH_KEEP_DB) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
