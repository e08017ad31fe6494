// The same contract suite on both stores of the app's data: the desktop's SQLite file and PostgreSQL as a server
// keeps it (a fresh schema on the real server, migrated with migrateDataStore). Every call goes through the
// dispatcher, as the renderer's do, so what a clerk sees must not depend on where the data is.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { AppInfo, AuditEntry, StoredMark } from '../../shared/api';
import type { BatchSummary, HitRow } from '../../shared/contract/screening';
import { useRunningServices, valueOf } from './support/services';
import { onBothStores } from './contract/both-stores';
import { seedConfirmedHitsOn } from './support/letters';
import { filingLine, FILING_MAPPING, waitForBatch, writeFilings } from './support/batches';

const MARK = { id: 'S1', name: '昆仑雪', category: '省著名商标', classes: [32], registrationNumber: '', holder: '青海昆仑雪饮品有限公司', aliases: [], region: '', recognizedOn: '2015-06-01', notes: '' };

onBothStores('the contract', ({ kind, harness, call }) => {

  it('starts with the sample registry, and app.info says where the data is', async () => {
    const info = await call<AppInfo>('app.info');
    expect(info).toMatchObject({ seededOnThisStart: true, batchCount: 0, schemaVersion: 12 });
    expect(info.markCount).toBeGreaterThan(0);
    expect(info.databasePath).toMatch(kind === 'postgres' ? /^PostgreSQL postgres:\/\/.*（schema mg_test_/ : /markguard\.sqlite$/);
  });

  it('creates, edits, lists and deletes registry records, each with its audit entry; imports a registry table', async () => {
    const created = await call<StoredMark>('registry.create', { mark: MARK });
    const edited = await call<StoredMark>('registry.update', { key: created.key, version: created.version, mark: { ...MARK, holder: '昆仑雪集团' } });
    expect(edited).toMatchObject({ holder: '昆仑雪集团', version: created.version + 1 });
    const history = await call<AuditEntry[]>('registry.history', { key: created.key });
    expect(history.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
    expect((await call<{ deleted: boolean }>('registry.delete', { key: created.key, version: edited.version })).deleted).toBe(true);
    const list = await call<StoredMark[]>('registry.list');
    expect(list.some((mark) => mark.id === 'S1')).toBe(false);

    const file = path.join(harness.folder.dir, '名录.csv');
    writeFileSync(file, '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注\nN1,雪域金谷,省著名商标,30,,,,,,\nN2,三江源,地理标志,29,,,,,,\n');
    const preview = await call<{ token: string }>('registry.importPreview', { fileToken: harness.services.files.grant(file, 'table').token });
    expect(await call<{ created: number }>('registry.importCommit', { token: preview.token })).toMatchObject({ created: 2 });
    expect((await call<StoredMark[]>('registry.list')).filter((mark) => mark.id === 'N1' || mark.id === 'N2')).toHaveLength(2);
    expect((await call<AppInfo>('app.info')).seededOnThisStart).toBe(false);
  });

  it('decides a hit, and refuses a decision made on a version another clerk has changed, writing nothing', async () => {
    const seeded = await seedConfirmedHitsOn(harness.services.ctx);
    const seen = await call<HitRow>('hits.get', { hitId: seeded.undecided });
    const first = await call<{ updated: number }>('hits.decide', { hitIds: [seeded.undecided], seen: [{ hitId: seeded.undecided, version: seen.version }], decision: 'confirmed' });
    expect(first.updated).toBe(1);
    const stale = await harness.services.dispatch('hits.decide', {
      hitIds: [seeded.undecided], seen: [{ hitId: seeded.undecided, version: seen.version }], decision: 'dismissed', dismissReason: '不近似',
    });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((await call<HitRow>('hits.get', { hitId: seeded.undecided })).decision).toBe('confirmed');
  });

  it('drafts a letter from confirmed hits and issues it under the next number', async () => {
    const seeded = await seedConfirmedHitsOn(harness.services.ctx);
    const draft = await call<{ id: number; documentNumber: string | null }>('letters.draftFromHits', { hitIds: seeded.gi, kind: 'referral' });
    expect(draft.documentNumber).toBeNull();
    const issued = await call<{ status: string; documentNumber: string }>('letters.issue', { id: draft.id });
    expect(issued).toMatchObject({ status: 'issued', documentNumber: '青市监商函〔2026〕1号' });
    const second = await call<{ id: number }>('letters.draftFromHits', { hitIds: [seeded.lake], kind: 'referral' });
    expect((await call<{ documentNumber: string }>('letters.issue', { id: second.id })).documentNumber).toBe('青市监商函〔2026〕2号');
  });

  it('imports a batch of filings and screens it against the registry', async () => {
    await call('registry.create', { mark: MARK });
    const file = writeFilings(harness.folder.dir, '第1920期.csv', [filingLine('80000001', '昆仑雪'), filingLine('80000002', '黄河之水'), filingLine('', '没有申请号')]);
    const { batchId } = await call<{ batchId: number }>('batches.startImport', {
      fileToken: harness.services.files.grant(file, 'table').token, kind: 'filing', mapping: FILING_MAPPING,
    });
    await waitForBatch(harness.services.ctx.jobs, batchId);
    const [batch] = await call<BatchSummary[]>('batches.list');
    expect(batch).toMatchObject({ id: batchId, status: 'screened', totalRows: 3, newRows: 2, duplicateRows: 0, badRows: 1, message: '' });
    const hits = await call<{ total: number; rows: HitRow[] }>('hits.query', { source: 'filing' });
    expect(hits.rows.map((hit) => [hit.markId, hit.matchedText])).toContainEqual(['S1', '昆仑雪']);
  });
});

const logoSvg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><rect x="30" y="20" width="14" height="160" fill="#136"/>
  <polygon points="44,24 160,50 44,96" fill="#c22"/><circle cx="140" cy="150" r="30" fill="#136"/></svg>`);

onBothStores('图样', ({ harness, call }) => {

  it('keeps the images of a mark, and imports the images of a batch from a ZIP, linking each to its row', async () => {
    const png = await sharp(logoSvg).png().toBuffer();
    const mark = await call<StoredMark>('registry.create', { mark: { ...MARK, category: '驰名商标', classes: [33] } });
    const logo = path.join(harness.folder.dir, 'logo.png');
    writeFileSync(logo, png);
    await call('registry.addImage', { key: mark.key, fileToken: harness.services.files.grant(logo, 'image').token });
    expect(await call<unknown[]>('registry.images', { key: mark.key })).toHaveLength(1);

    const table = writeFilings(harness.folder.dir, '第1921期.csv', [filingLine('80000001', '某某牌'), filingLine('80000002', '另一个')]);
    const zip = path.join(harness.folder.dir, '图样.zip');
    writeFileSync(zip, zipSync({ '80000001.png': new Uint8Array(png), '99999999.png': new Uint8Array(png) }));
    const { batchId } = await call<{ batchId: number }>('batches.startImport', {
      fileToken: harness.services.files.grant(table, 'table').token, kind: 'filing', mapping: FILING_MAPPING,
      imagesToken: harness.services.files.grant(zip, 'images').token,
    });
    await waitForBatch(harness.services.ctx.jobs, batchId);
    const [batch] = await call<BatchSummary[]>('batches.list');
    expect(batch).toMatchObject({ status: 'screened', newRows: 2, imageProblems: 1 });
    const linked = await harness.services.ctx.data
      .selectFrom('filing_images as fi')
      .innerJoin('filings as f', 'f.id', 'fi.filing_id')
      .select('f.application_number as n')
      .execute();
    expect(linked).toEqual([{ n: '80000001' }]);
  });
});

describe('the desktop backup channels with the data on PostgreSQL', () => {
  const harness = useRunningServices('postgres');

  it('answer that the server backs up the data, made by its administrator, and write nothing', async () => {
    const target = path.join(harness.folder.dir, '备份.sqlite');
    harness.dialogs.queue(target);
    const made = await harness.services.dispatch('backup.create', {});
    expect(made).toMatchObject({ ok: false, error: { kind: 'unsupported', message: expect.stringMatching(/PostgreSQL.*由管理员在服务器上完成/) as unknown } });
    expect(existsSync(target)).toBe(false);
    writeFileSync(target, 'not a backup');
    const restored = await harness.services.dispatch('backup.restore', { fileToken: harness.services.files.grant(target, 'backup').token });
    expect(restored).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(await valueOf<unknown[]>(harness.services.dispatch('backup.listAutomatic', {}))).toEqual([]);
  });
});
