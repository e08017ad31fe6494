// Batches on both stores: a gazette imported from CSV and from XLSX, its rows counted, its bad rows listed, its
// screening's hits, the job's record, removing a batch with everything it brought, and a batch of listings.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { BatchSummary, HitRow, JobProgress } from '../../../shared/contract/screening';
import { FILING_HEADER, FILING_MAPPING, filingLine, waitForBatch } from '../support/batches';
import { writeXlsxParts, xmlText } from '../support/tables';
import { importGazette, onBothStores } from './both-stores';

function xlsxRow(index: number, cells: string[]): string {
  return `<row r="${index}">${cells.map((cell) => `<c t="inlineStr"><is><t>${xmlText(cell)}</t></is></c>`).join('')}</row>`;
}

onBothStores('batches', (store) => {
  it('imports a gazette, counts new, duplicate and bad rows, lists the bad ones and screens the new ones', async () => {
    const batch = await importGazette(store);
    expect(batch).toMatchObject({ kind: 'filing', status: 'screened', totalRows: 6, newRows: 5, duplicateRows: 0, badRows: 1, running: false, stale: false, gazetteIssues: ['第1920期'] });
    expect(batch.importedAt).not.toBeNull();
    expect(batch.screenedAt).not.toBeNull();
    const problems = await store.call<{ total: number; problems: { rowNumber: number; reason: string }[] }>('batches.problems', { batchId: batch.id, offset: 0, limit: 10 });
    expect(problems.total).toBe(1);
    expect(problems.problems[0]?.reason).toMatch(/申请号/);
    const hits = await store.call<{ total: number; rows: HitRow[] }>('hits.query', { source: 'filing', batchId: batch.id, limit: 100 });
    const numbers = new Set(hits.rows.map((hit) => hit.filing?.applicationNumber));
    expect([...numbers].sort()).toEqual(['81000001', '81000002', '81000003', '81000005']);
    expect(batch.hitCount).toBeGreaterThanOrEqual(4);
    const progress = await store.call<JobProgress>('batches.progress', { batchId: batch.id });
    expect(progress).toMatchObject({ batchId: batch.id, phase: 'done', newRows: 5, badRows: 1, hitCount: batch.hitCount });

    const again = await importGazette(store, undefined, '第1920期-重复.csv');
    expect(again).toMatchObject({ totalRows: 6, newRows: 0, duplicateRows: 5, badRows: 1 });
    expect((await store.call<BatchSummary[]>('batches.list')).map((b) => b.id)).toEqual([again.id, batch.id]);
  });

  it('imports the same gazette from an XLSX workbook', async () => {
    const file = path.join(store.harness.folder.dir, '第1921期.xlsx');
    const lines = [FILING_HEADER, filingLine('82000001', '青海湖', { issue: '第1921期' }), filingLine('82000002', '黄河之水', { issue: '第1921期' })];
    writeXlsxParts(file, { sheets: [{ name: '公告', rows: lines.map((line, i) => xlsxRow(i + 1, line.split(','))).join('') }] });
    const fileToken = store.harness.services.files.grant(file, 'table').token;
    const preview = await store.call<{ headers: string[]; missingRequired: string[] }>('batches.previewFile', { fileToken, kind: 'filing' });
    expect(preview.headers).toEqual(FILING_HEADER.split(','));
    expect(preview.missingRequired).toEqual([]);
    const { batchId } = await store.call<{ batchId: number }>('batches.startImport', { fileToken, kind: 'filing', mapping: FILING_MAPPING });
    await waitForBatch(store.harness.services.ctx.jobs, batchId);
    const [batch] = await store.call<BatchSummary[]>('batches.list');
    expect(batch).toMatchObject({ id: batchId, status: 'screened', totalRows: 2, newRows: 2, gazetteIssues: ['第1921期'] });
    const hits = await store.call<{ rows: HitRow[] }>('hits.query', { source: 'filing', batchId });
    expect(hits.rows.map((hit) => [hit.filing?.applicationNumber, hit.markName])).toEqual([['82000001', '青海湖']]);
  });

  it('removes a batch with its filings and hits, and rescreens the others when the registry changed', async () => {
    const first = await importGazette(store);
    const second = await importGazette(store, [filingLine('83000001', '昆仑雪')], '第1922期.csv');
    expect(second.hitCount).toBe(0);
    await store.call('registry.create', { mark: { id: 'S1', name: '昆仑雪', category: '省著名商标', classes: [32], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '', notes: '' } });
    const stale = await store.call<BatchSummary[]>('batches.list');
    expect(stale.map((b) => b.stale)).toEqual([true, true]);
    const { batchIds } = await store.call<{ batchIds: number[] }>('batches.rescreen', { batchId: second.id });
    expect(batchIds).toEqual([second.id]);
    await waitForBatch(store.harness.services.ctx.jobs, second.id);
    const rescreened = (await store.call<BatchSummary[]>('batches.list')).find((b) => b.id === second.id);
    expect(rescreened).toMatchObject({ stale: false, hitCount: 1 });

    expect(await store.call('batches.remove', { batchId: first.id })).toEqual({ removed: true });
    await waitForBatch(store.harness.services.ctx.jobs, first.id);
    expect((await store.call<BatchSummary[]>('batches.list')).map((b) => b.id)).toEqual([second.id]);
    const left = await store.call<{ total: number; rows: HitRow[] }>('hits.query', { source: 'filing' });
    expect(left.rows.map((hit) => hit.filing?.applicationNumber)).toEqual(['83000001']);
  });

  it('imports listings, offers their platforms byte for byte, filters by shop text and exports a platform\'s complaints', async () => {
    const file = path.join(store.harness.folder.dir, '电商.csv');
    writeFileSync(file, ['编号,平台,店铺,商品标题,链接,价格,所在地',
      'L1,taobao,Snow小店,青海湖牌 特产 牦牛肉干,https://example.test/1,39,西宁',
      'L2,JD,雪域旗舰店,柴达木枸杞 特级,https://example.test/2,88,宁夏',
      'L3,拼多多,杂货铺,普通 毛巾,https://example.test/3,9,广东',
      'L4,taobao,snow二店,清海湖 酸奶,https://example.test/4,19,西宁'].join('\n'));
    const fileToken = store.harness.services.files.grant(file, 'table').token;
    const mapping = { id: 0, platform: 1, shop: 2, title: 3, url: 4, price: 5, sellerLocation: 6 };
    const { batchId } = await store.call<{ batchId: number }>('batches.startImport', { fileToken, kind: 'listing', mapping });
    await waitForBatch(store.harness.services.ctx.jobs, batchId);
    expect((await store.call<BatchSummary[]>('batches.list'))[0]).toMatchObject({ kind: 'listing', status: 'screened', newRows: 4, gazetteIssues: [] });
    const facets = await store.call<{ platforms: string[] }>('hits.facets', { source: 'listing' });
    expect(facets.platforms).toEqual(['JD', 'taobao']);
    const snow = await store.call<{ rows: HitRow[] }>('hits.query', { source: 'listing', text: 'SNOW', sortBy: 'mark', sortDir: 'asc' });
    expect(snow.rows.map((hit) => hit.listing?.listingId).sort()).toEqual(['L1', 'L4']);
    await store.call('hits.decideMatching', { query: { source: 'listing', platform: 'taobao' }, decision: 'confirmed' });
    const target = path.join(store.harness.folder.dir, '投诉.csv');
    store.harness.dialogs.queue(target);
    expect(await store.call('listings.complaintExport', { platform: 'taobao' })).toMatchObject({ status: 'saved', rows: 2 });
    const exported = readFileSync(target, 'utf8');
    expect(exported).toContain('https://example.test/1');
    expect(exported).not.toContain('https://example.test/2');
  });
});
