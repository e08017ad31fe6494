// Issue 9, item 17 (nothing cut: hit export, complaint list, what falls due; one count of overdue hits) and issue 10,
// item 8 (XLSX exports: column widths, autofilter, frozen header, no formula apostrophe, 𠮷 intact, a real XLSX for
// the complaint list), through the handlers with the save dialog answered as the e2e queue answers it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { createFileGrants } from '../../electron/files/grants';
import { createDashboardHandlers } from '../../electron/dashboard/handlers';
import { createDashboardService } from '../../electron/dashboard/service';
import { createReviewHandlers } from '../../electron/review/handlers';
import { createReviewService } from '../../electron/review/service';
import { readXlsxRows } from '../../electron/tabular/xlsx';
import { openTestContext, tempDir } from './support/context';
import { seedHits } from './support/hits';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
let dialogs: ReturnType<typeof createQueuedDialogs>;
let handlers: ReturnType<typeof createReviewHandlers> & ReturnType<typeof createDashboardHandlers>;

beforeEach(() => {
  // The test clock says 2026-11-29.
  ctx = openTestContext();
  folder = tempDir();
  dialogs = createQueuedDialogs();
  const shell = { dialogs, files: createFileGrants() };
  handlers = { ...createReviewHandlers(ctx, shell), ...createDashboardHandlers(ctx, shell) };
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

async function readAll(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of readXlsxRows(file)) rows.push(row.cells);
  return rows;
}

function part(file: string, name: string): string {
  const entry = unzipSync(readFileSync(file))[name];
  if (!entry) throw new Error(`${name} missing`);
  return strFromU8(entry);
}

describe('hit export', () => {
  it('writes every hit of the view, past the old cap of 100,000, with 𠮷 and = kept as typed', async () => {
    const count = 100_050;
    seedHits(ctx, { filings: { count, applicant: (i) => (i === 0 ? '𠮷野家餐饮' : i === 1 ? '=HYPERLINK("http://x")' : `申请人${i}`) } });
    const target = path.join(folder.dir, '命中');
    dialogs.queue(target);
    const result = await handlers['hits.export']({ query: { source: 'filing', sortBy: 'applicant', sortDir: 'asc', offset: 0, limit: 200 } });
    expect(result).toEqual({ status: 'saved', savedTo: `${target}.xlsx`, rows: count });
    const rows = await readAll(`${target}.xlsx`);
    expect(rows.length).toBe(count + 1);
    const applicants = rows.slice(1).map((r) => r[4]);
    expect(applicants).toContain('𠮷野家餐饮');
    expect(applicants).toContain('=HYPERLINK("http://x")');
    expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(count);
    const sheet = part(`${target}.xlsx`, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('\uFFFD');
    expect(sheet).not.toContain("'=HYPERLINK");
    expect(sheet).toContain(`<autoFilter ref="A1:P${count + 1}"/>`);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/<col min="3" max="3" width="28" customWidth="1"\/>/);
  }, 180_000);

  it('answers a cancelled save dialog with cancelled and writes nothing', async () => {
    seedHits(ctx, { filings: { count: 3 } });
    dialogs.queue(null);
    expect(await handlers['hits.export']({ query: { source: 'filing', sortBy: 'score', sortDir: 'desc', offset: 0, limit: 200 } })).toEqual({ status: 'cancelled' });
  });
});

describe('complaint list', () => {
  it('saved as .xlsx is a real XLSX with every confirmed listing (more than 1,000)', async () => {
    seedHits(ctx, { listings: { count: 1_050, platform: '淘宝', title: (i) => (i === 7 ? '𠮷祥昆仑雪 14" 礼盒' : `昆仑雪矿泉水${i}`) } });
    const target = path.join(folder.dir, '投诉清单-淘宝.xlsx');
    dialogs.queue(target);
    expect(await handlers['listings.complaintExport']({ platform: '淘宝' })).toEqual({ status: 'saved', savedTo: target, rows: 1_050 });
    expect(readFileSync(target).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const rows = await readAll(target);
    expect(rows.length).toBe(1_051);
    expect(rows[0]?.slice(0, 4)).toEqual(['平台', '店铺', '商品编号', '商品标题']);
    expect(rows.map((r) => r[3])).toContain('𠮷祥昆仑雪 14" 礼盒');
  });

  it('saved as .csv is CSV (UTF-8 with BOM) with every row', async () => {
    seedHits(ctx, { listings: { count: 1_020, platform: '京东' } });
    const target = path.join(folder.dir, '投诉清单.csv');
    dialogs.queue(target);
    expect(await handlers['listings.complaintExport']({ platform: '京东' })).toMatchObject({ status: 'saved', rows: 1_020 });
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('\uFEFF平台,店铺')).toBe(true);
    expect(text.trimEnd().split('\r\n').length).toBe(1_021);
  });

  it('says so when a platform has no confirmed listing, before any dialog', async () => {
    await expect(handlers['listings.complaintExport']({ platform: '拼多多' })).rejects.toThrow('没有已确认的侵权商品');
  });
});

describe('what falls due and the overdue count', () => {
  it('lists every overdue and due hit (more than 1,000) and the dashboard counts overdue the same way', async () => {
    // 1,100 overdue undecided, 40 overdue confirmed, 30 overdue dismissed, 1,010 due within 14 days.
    seedHits(ctx, {
      filings: {
        count: 2_180,
        deadline: (i) => (i < 1_170 ? '2026-11-01' : '2026-12-05'),
        decision: (i) => (i < 1_100 ? 'undecided' : i < 1_140 ? 'confirmed' : i < 1_170 ? 'dismissed' : 'undecided'),
      },
    });
    const upcoming = await createReviewService(ctx).upcoming(14);
    const overdueRows = upcoming.filter((r) => (r.filing?.daysLeft ?? 0) < 0);
    expect(overdueRows.length).toBe(1_100);
    expect(upcoming.length - overdueRows.length).toBe(1_010);
    const totals = (await createDashboardService(ctx).summary()).totals;
    expect(totals.overdue).toBe(overdueRows.length);
    expect(totals.dueWithin14).toBe(1_010);
  });
});

describe('dashboard export', () => {
  it('is an XLSX whose sheets have widths, a frozen header and an autofilter, with 𠮷 intact', async () => {
    seedHits(ctx, { filings: { count: 5, applicant: () => '𠮷野家', deadline: () => '2026-12-01' } });
    const target = path.join(folder.dir, '统计.xlsx');
    dialogs.queue(target);
    expect(await handlers['dashboard.export']({})).toEqual({ status: 'saved', savedTo: target });
    const rows = await readAll(target);
    expect(rows[0]).toEqual(['项目', '数量']);
    const due = part(target, 'xl/worksheets/sheet6.xml');
    expect(due.match(/𠮷野家/g)?.length).toBe(5);
    expect(due).toContain('<autoFilter ref="A1:F6"/>');
    expect(part(target, 'xl/workbook.xml')).toContain('即将到期');
    expect(JSON.stringify(unzipSync(readFileSync(target)))).not.toContain('\uFFFD');
  });
});
