// Two clerks on one registry (issue 11): a decision names the versions of the hits it was made on, and one made on
// hits another clerk has decided since is refused — nothing written, the current decision named — instead of
// silently overwriting it. Undo is per clerk and never overwrites a later decision by someone else.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import hitVersions from '../../electron/db/migrations/010-hit-versions';
import { createJobManager, type JobManager } from '../../electron/batches/jobs';
import { createBatchService } from '../../electron/batches/service';
import { createOperatorService } from '../../electron/registry/operator';
import { createRegistryService } from '../../electron/registry/service';
import { readDecisions, writeDecision } from '../../electron/review/decisions-repository';
import { createReviewService } from '../../electron/review/service';
import type { HitRow } from '../../shared/contract/screening';
import { AppFailure } from '../../shared/result';
import { FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';
import { openTestContext, tempDir } from './support/context';
import { sampleMark } from './support/marks';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
let jobs: JobManager;
let review: ReturnType<typeof createReviewService>;
let operator: ReturnType<typeof createOperatorService>;

beforeEach(async () => {
  ctx = openTestContext();
  folder = tempDir();
  jobs = createJobManager(ctx);
  review = createReviewService(ctx);
  operator = createOperatorService(ctx, '测试员');
  const registry = createRegistryService(ctx);
  await registry.create(sampleMark({ id: 'G01', name: '玉树牦牛', category: '地理标志', classes: [29], holder: '', aliases: [] }));
  await registry.create(sampleMark({ id: 'W1', name: '昆仑雪', category: '驰名商标', classes: [29, 32] }));
  const file = writeFilings(folder.dir, '第1930期.csv', [
    filingLine('81000001', '玉树牦牛昆仑雪', { niceClass: 29 }),
    filingLine('81000002', '昆仑雪', { niceClass: 32, applicant: '乙公司' }),
  ]);
  const { batchId } = await createBatchService(ctx, jobs).startImport(file, 'filing', FILING_MAPPING);
  await waitForBatch(jobs, batchId);
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

/** The two clerks share one service, as on the server; who acts is the signed-in user (here: the 经办人 setting). */
function as<T>(clerk: string, work: () => Promise<T>): Promise<T> {
  return operator.set(clerk).then(work);
  return work();
}

const rowOf = async (applicationNumber: string): Promise<HitRow> => {
  const { rows } = await review.query({ source: 'filing', sortBy: 'score', sortDir: 'desc', offset: 0, limit: 200 });
  return rows.find((r) => r.filing?.applicationNumber === applicationNumber)!;
};
const seenOf = (row: HitRow) => (row.marksHit ?? []).map((m) => ({ hitId: m.hitId, version: m.version }));

async function refusal(work: () => Promise<unknown>): Promise<AppFailure> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('migration 10 (hit versions)', () => {
  it('adds a version to every hit, 0 for the hits already stored', () => {
    const dir = tempDir();
    try {
      const db = new Database(path.join(dir.dir, 't.sqlite'));
      applyMigrations(db, MIGRATIONS.filter((m) => m.version < hitVersions.version));
      db.prepare("INSERT INTO batches (id, kind, file_name, file_path, file_size, status, started_at) VALUES (1, 'filing', 'a.csv', 'a.csv', 1, 'screened', 'x')").run();
      db.prepare("INSERT INTO filings (id, batch_id, application_number, mark_text, nice_class) VALUES (1, 1, '1', '甲', 29)").run();
      db.prepare(
        "INSERT INTO hits (id, source, filing_id, mark_id, mark_name, mark_category, score, reasons, matched_text, matched_mark, alignment, found_at) VALUES (1, 'filing', 1, 'A', '甲', '老字号', 1, '[]', '甲', '甲', '[]', 'x')",
      ).run();
      applyMigrations(db, MIGRATIONS.filter((m) => m.version <= hitVersions.version));
      expect(db.prepare('SELECT version FROM hits WHERE id = 1').get()).toEqual({ version: 0 });
      const column = (db.prepare('PRAGMA table_info(hits)').all() as Array<{ name: string; notnull: number }>).find((c) => c.name === 'version');
      expect(column?.notnull).toBe(1);
      db.close();
    } finally {
      dir.remove();
    }
  });
});

describe('two clerks deciding the same filing', () => {
  it('the second sees a conflict naming the current decision, and nothing of hers is written', async () => {
    const seenByWang = await rowOf('81000001');
    const seenByLi = await rowOf('81000001');
    expect(seenByWang.marksHit?.length).toBe(2);
    await as('王丽', () => review.decide([seenByWang.hitId], 'confirmed', undefined, undefined, seenOf(seenByWang)));
    const failure = await refusal(() => as('李强', () => review.decide([seenByLi.hitId], 'dismissed', '不近似', undefined, seenOf(seenByLi))));
    expect(failure.kind).toBe('conflict');
    expect(failure.message).toMatch(/已由 王丽 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 改为「确认（疑似恶意抢注）」，本次结论未保存/);
    const now = await rowOf('81000001');
    expect(now.decision).toBe('confirmed');
    expect(now.marksHit?.every((m) => m.decision === 'confirmed' && m.version === 1)).toBe(true);
    const detail = await review.get(now.hitId);
    expect(detail.decidedBy).toBe('王丽');
    // what she sees now is current: deciding on it works
    await as('李强', () => review.decide([now.hitId], 'dismissed', '不近似', undefined, seenOf(now)));
    expect(await rowOf('81000001')).toMatchObject({ decision: 'dismissed', version: 2 });
  });

  it('a decision on another filing is not held up by versions of this one', async () => {
    const a = await rowOf('81000001');
    const b = await rowOf('81000002');
    await as('王丽', () => review.decide([a.hitId], 'confirmed', undefined, undefined, seenOf(a)));
    const result = await as('李强', () => review.decide([b.hitId], 'confirmed', undefined, undefined, seenOf(b)));
    expect(result.updated).toBe(1);
    expect(result.versions).toEqual([{ hitId: b.hitId, version: 1 }]);
  });

  it('each clerk undoes only her own latest decision, and never one another clerk has decided over since', async () => {
    const a = await rowOf('81000001');
    const b = await rowOf('81000002');
    const wang = await as('王丽', () => review.decide([a.hitId], 'confirmed', undefined, undefined, seenOf(a)));
    const li = await as('李强', () => review.decide([b.hitId], 'dismissed', '不近似', undefined, seenOf(b)));
    // 李强's decision does not take 王丽's undo away
    expect((await as('王丽', () => review.undo(wang.undoToken!))).restored).toBe(2);
    expect(await rowOf('81000001')).toMatchObject({ decision: 'undecided', version: 2 });
    // 王丽 decides over 李强's filing; 李强's undo would overwrite it, so it is refused and changes nothing
    const now = await rowOf('81000002');
    await as('王丽', () => review.decide([now.hitId], 'confirmed', undefined, undefined, seenOf(now)));
    const failure = await refusal(() => as('李强', () => review.undo(li.undoToken!)));
    expect(failure.kind).toBe('conflict');
    expect(failure.message).toContain('王丽');
    expect(await rowOf('81000002')).toMatchObject({ decision: 'confirmed' });
  });

  it('of two decisions sent at once on the same versions, one is written and the other refused', async () => {
    const seen = await rowOf('81000001');
    await operator.set('王丽');
    const results = await Promise.allSettled([
      review.decide([seen.hitId], 'confirmed', undefined, undefined, seenOf(seen)),
      review.decide([seen.hitId], 'dismissed', '不近似', undefined, seenOf(seen)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict' });
    expect(await rowOf('81000001')).toMatchObject({ decision: 'confirmed', version: 1 });
    const entries = ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'hit'").get() as { n: number };
    expect(entries.n).toBe(2);
  });

  it('a write names the version it was made on: on a hit that has moved on it writes nothing', async () => {
    const row = await rowOf('81000002');
    const [state] = await readDecisions(ctx.data, [row.hitId]);
    const decided = { ...state!, decision: 'confirmed' as const, decided_at: ctx.now(), decided_by: '王丽' };
    expect(await writeDecision(ctx.data, decided, 0)).toBe(1);
    expect(await writeDecision(ctx.data, { ...decided, decision: 'dismissed', dismiss_reason: '其他' }, 0)).toBeNull();
    expect(await rowOf('81000002')).toMatchObject({ decision: 'confirmed', version: 1 });
  });

  it('the audit log names who decided each hit', async () => {
    const a = await rowOf('81000001');
    await as('王丽', () => review.decide([a.hitId], 'confirmed', undefined, undefined, seenOf(a)));
    const entries = ctx.db.prepare("SELECT actor FROM audit_log WHERE entity = 'hit'").all() as Array<{ actor: string }>;
    expect(entries.map((e) => e.actor)).toEqual(['王丽', '王丽']);
  });
});
