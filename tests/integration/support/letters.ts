// Confirmed hits written with SQL, as the screening import will write them (issue 4), for the letter tests.
import type { AppContext } from '../../../electron/context';
import { createQueuedDialogs } from '../../../electron/bridge/dialogs';
import { createFileGrants } from '../../../electron/files/grants';
import { createLettersHandlers } from '../../../electron/letters/handlers';
import type { LetterFormat } from '../../../shared/contract/letters';
import type { HitReason, ProtectedMark } from '../../../shared/domain';
import { markColumns } from '../../../electron/registry/marks';
import { insertMarkRow, sampleMark } from './marks';

export interface SeededHits {
  /** GI 柴达木枸杞 (holder 海西州枸杞协会): three filings by 某某商贸有限公司 */
  gi: number[];
  /** public resource 青海湖: one filing by another applicant */
  lake: number;
  /** an undecided hit */
  undecided: number;
}

function insertFiling(ctx: AppContext, batchId: number, row: { number: string; mark: string; niceClass: number; applicant: string; published: string }): number {
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO filings (application_number, batch_id, mark_text, nice_class, applicant, agency, filed_on, gazette_issue,
           published_on, opposition_deadline) VALUES (?, ?, ?, ?, ?, '西宁某知识产权代理有限公司', '2026-06-01', '1965', ?, '')`,
      )
      .run(row.number, batchId, row.mark, row.niceClass, row.applicant, row.published).lastInsertRowid,
  );
}

function insertHit(ctx: AppContext, filingId: number, mark: { key: number; id: string; name: string; category: string }, reasons: HitReason[], decision: string): number {
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO hits (source, filing_id, mark_key, mark_id, mark_name, mark_category, matched_text, matched_mark, score,
           reasons, found_at, decision, decided_at, decided_by) VALUES ('filing', ?, ?, ?, ?, ?, ?, ?, 0.9, ?, '2026-11-28T00:00:00Z', ?, '2026-11-28T00:00:00Z', '测试员')`,
      )
      .run(filingId, mark.key, mark.id, mark.name, mark.category, mark.name, mark.name, JSON.stringify(reasons), decision).lastInsertRowid,
  );
}

export function seedConfirmedHits(ctx: AppContext): SeededHits {
  const now = ctx.now();
  const giKey = insertMarkRow(ctx, 
    sampleMark({ id: 'GI-001', name: '柴达木枸杞', category: '地理标志', classes: [29, 31], registrationNumber: '8888888', holder: '海西州枸杞协会', region: '海西州' }),
    now,
  );
  const lakeKey = insertMarkRow(ctx, 
    sampleMark({ id: 'PR-001', name: '青海湖', category: '公共资源', classes: [], registrationNumber: '', holder: '青海湖景区保护利用管理局', region: '青海' }),
    now,
  );
  const batchId = Number(
    ctx.db
      .prepare(`INSERT INTO batches (kind, file_name, file_path, file_size, status, started_at) VALUES ('filing', '第1965期.csv', '/tmp/第1965期.csv', 100, 'screened', ?)`)
      .run(now).lastInsertRowid,
  );
  const gi = { key: giKey, id: 'GI-001', name: '柴达木枸杞', category: '地理标志' };
  const lake = { key: lakeKey, id: 'PR-001', name: '青海湖', category: '公共资源' };
  const applicant = '格尔木某某商贸有限公司';
  const giHits = [
    insertHit(ctx, insertFiling(ctx, batchId, { number: '71000001', mark: '柴达木枸杞王', niceClass: 29, applicant, published: '2026-11-27' }), gi, ['added'], 'confirmed'),
    insertHit(ctx, insertFiling(ctx, batchId, { number: '71000002', mark: '柴达牧枸杞', niceClass: 31, applicant, published: '2026-11-27' }), gi, ['homophone'], 'confirmed'),
    insertHit(ctx, insertFiling(ctx, batchId, { number: '71000003', mark: '柴达木杞', niceClass: 5, applicant, published: '2026-11-30' }), gi, ['dropped'], 'confirmed'),
  ];
  const lakeHit = insertHit(ctx, insertFiling(ctx, batchId, { number: '71000004', mark: '青海湖', niceClass: 33, applicant: '西宁某某酒业有限公司', published: '2026-08-28' }), lake, ['identical'], 'confirmed');
  const undecided = insertHit(ctx, insertFiling(ctx, batchId, { number: '71000005', mark: '青海湖畔', niceClass: 43, applicant: '西宁某某酒业有限公司', published: '2026-11-27' }), lake, ['added'], 'undecided');
  return { gi: giHits, lake: lakeHit, undecided };
}

/**
 * The same hits as seedConfirmedHits, written through the query builder on ctx.data, so that they can be seeded on
 * either store (the SQLite file or a server's PostgreSQL).
 */
export async function seedConfirmedHitsOn(ctx: AppContext): Promise<SeededHits> {
  const now = ctx.now();
  const data = ctx.data;
  const mark = async (m: ProtectedMark) => {
    const row = await data.insertInto('protected_marks').values({ ...markColumns(m), created_at: now, updated_at: now }).returning('key').executeTakeFirstOrThrow();
    return { key: Number(row.key), id: m.id, name: m.name, category: m.category };
  };
  const gi = await mark(sampleMark({ id: 'GI-001', name: '柴达木枸杞', category: '地理标志', classes: [29, 31], registrationNumber: '8888888', holder: '海西州枸杞协会', region: '海西州' }));
  const lake = await mark(sampleMark({ id: 'PR-001', name: '青海湖', category: '公共资源', classes: [], registrationNumber: '', holder: '青海湖景区保护利用管理局', region: '青海' }));
  const batch = await data
    .insertInto('batches')
    .values({ kind: 'filing', file_name: '第1965期.csv', file_path: '/tmp/第1965期.csv', file_size: 100, status: 'screened', started_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hit = async (row: { number: string; mark: string; niceClass: number; applicant: string; published: string }, to: typeof gi, reasons: HitReason[], decision: 'confirmed' | 'undecided') => {
    const filing = await data
      .insertInto('filings')
      .values({
        application_number: row.number, batch_id: batch.id, mark_text: row.mark, nice_class: row.niceClass, applicant: row.applicant,
        agency: '西宁某知识产权代理有限公司', filed_on: '2026-06-01', gazette_issue: '1965', published_on: row.published, opposition_deadline: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inserted = await data
      .insertInto('hits')
      .values({
        source: 'filing', filing_id: filing.id, mark_key: to.key, mark_id: to.id, mark_name: to.name, mark_category: to.category,
        matched_text: to.name, matched_mark: to.name, score: 0.9, reasons: JSON.stringify(reasons), found_at: '2026-11-28T00:00:00Z',
        decision, decided_at: '2026-11-28T00:00:00Z', decided_by: '测试员',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(inserted.id);
  };
  const applicant = '格尔木某某商贸有限公司';
  const giHits = [
    await hit({ number: '71000001', mark: '柴达木枸杞王', niceClass: 29, applicant, published: '2026-11-27' }, gi, ['added'], 'confirmed'),
    await hit({ number: '71000002', mark: '柴达牧枸杞', niceClass: 31, applicant, published: '2026-11-27' }, gi, ['homophone'], 'confirmed'),
    await hit({ number: '71000003', mark: '柴达木杞', niceClass: 5, applicant, published: '2026-11-30' }, gi, ['dropped'], 'confirmed'),
  ];
  const lakeHit = await hit({ number: '71000004', mark: '青海湖', niceClass: 33, applicant: '西宁某某酒业有限公司', published: '2026-08-28' }, lake, ['identical'], 'confirmed');
  const undecided = await hit({ number: '71000005', mark: '青海湖畔', niceClass: 43, applicant: '西宁某某酒业有限公司', published: '2026-11-27' }, lake, ['added'], 'undecided');
  return { gi: giHits, lake: lakeHit, undecided };
}

/** The letter channels' handlers; `exportTo` answers letters.export's save dialog with a path, as the e2e queue does. */
export function lettersApi(ctx: AppContext) {
  const dialogs = createQueuedDialogs();
  const handlers = createLettersHandlers(ctx, { dialogs, files: createFileGrants() });
  return Object.assign(handlers, {
    async exportTo(id: number, format: LetterFormat, target: string) {
      dialogs.queue(target);
      const result = await handlers['letters.export']({ id, format });
      if (result.status !== 'saved') throw new Error('the save dialog was cancelled');
      return result;
    },
  });
}

/**
 * A second confirmed hit on a filing already seeded: the provincial famous mark 柴达木 (registration 99887766),
 * so that one filing imitates two marks. Returns the new hit's id.
 */
export function seedSecondMarkHit(ctx: AppContext, applicationNumber: string): number {
  const key = insertMarkRow(ctx, 
    sampleMark({ id: 'PF-001', name: '柴达木', category: '省著名商标', classes: [29], registrationNumber: '99887766', holder: '青海柴达木食品有限公司' }),
    ctx.now(),
  );
  const filing = ctx.db.prepare<[string], { id: number }>('SELECT id FROM filings WHERE application_number = ?').get(applicationNumber);
  if (!filing) throw new Error(`no filing ${applicationNumber}`);
  return insertHit(ctx, filing.id, { key, id: 'PF-001', name: '柴达木', category: '省著名商标' }, ['contains'], 'confirmed');
}
