// The exports of hits: the review queue's current view (XLSX) and the per-platform complaint list of confirmed
// listings (XLSX or CSV). Both write every matching row, a page at a time (issue 9, item 17), with the project's own
// XLSX writer (column widths, frozen header, autofilter, no formula apostrophe, 𠮷 intact; issue 10, item 8).
import type { HitQuery, HitRow } from '../../shared/contract/screening';
import { HitQuerySchema } from '../../shared/contract/screening';
import { REASON_LABELS, type HitReason } from '../../shared/domain';
import { neutraliseFormula } from '../../shared/formats/cells';
import { AppFailure } from '../../shared/result';
import { marksRepository } from '../registry/marks';
import type { AppContext } from '../context';
import { writeFileStreamed } from '../files/streamed';
import { csvField } from '../registry/export';
import { writeXlsx, type XlsxCell, type XlsxColumn } from '../tabular/xlsx-writer';
import { allHitPages, countHits } from './queue-repository';
import { decisionLabel } from './decisions';

const reasonsText = (reasons: readonly HitReason[]) => reasons.map((r) => REASON_LABELS[r]).join('、');

export const HIT_EXPORT_COLUMNS: readonly XlsxColumn[] = [
  { header: '分数', width: 8 },
  { header: '申请号/编号', width: 16 },
  { header: '商标/标题', width: 28 },
  { header: '类别', width: 6 },
  { header: '申请人/店铺', width: 30 },
  { header: '代理机构/平台', width: 26 },
  { header: '公告期号', width: 10 },
  { header: '公告日期', width: 12 },
  { header: '异议截止', width: 12 },
  { header: '名录编号', width: 12 },
  { header: '名录商标', width: 16 },
  { header: '名录类别', width: 12 },
  { header: '理由', width: 24 },
  { header: '结论', width: 20 },
  { header: '排除原因', width: 12 },
  { header: '备注', width: 30 },
];

export function hitExportRow(row: HitRow): XlsxCell[] {
  const f = row.filing;
  const l = row.listing;
  return [
    row.score,
    f?.applicationNumber ?? l?.listingId ?? '',
    f?.markText ?? l?.title ?? '',
    f?.niceClass ?? '',
    f?.applicant ?? l?.shop ?? '',
    f?.agency ?? l?.platform ?? '',
    f?.gazetteIssue ?? '',
    f?.publishedOn ?? '',
    f?.oppositionDeadline ?? '',
    row.markId,
    row.markName,
    row.markCategory,
    reasonsText(row.reasons),
    decisionLabel(row),
    row.dismissReason,
    row.decisionNote,
  ];
}

async function* rowsOf<T>(pages: AsyncIterable<HitRow[]>, map: (row: HitRow) => T): AsyncGenerator<T> {
  for await (const page of pages) for (const row of page) yield map(row);
}

/** Every hit of the view, in the view's order, to one XLSX sheet. */
export async function exportHitView(ctx: AppContext, query: HitQuery, filePath: string, today: string): Promise<{ rows: number }> {
  const parsed = HitQuerySchema.parse({ ...query, offset: 0 });
  const name = parsed.source === 'filing' ? '商标申请命中' : '电商商品命中';
  const [rows = 0] = await writeFileStreamed(filePath, (write) =>
    writeXlsx(write, [{ name, columns: HIT_EXPORT_COLUMNS, rows: rowsOf(allHitPages(ctx.data, parsed, today), hitExportRow) }]),
  );
  return { rows };
}

const COMPLAINT_COLUMNS: readonly XlsxColumn[] = [
  { header: '平台', width: 10 },
  { header: '店铺', width: 24 },
  { header: '商品编号', width: 18 },
  { header: '商品标题', width: 40 },
  { header: '链接', width: 40 },
  { header: '所在地', width: 12 },
  { header: '涉及商标', width: 16 },
  { header: '商标类别', width: 12 },
  { header: '权利人', width: 24 },
  { header: '注册号', width: 14 },
  { header: '理由', width: 20 },
];

export function complaintQuery(platform: string): HitQuery {
  return { source: 'listing', platform, decision: 'confirmed', sortBy: 'mark', sortDir: 'asc' };
}

export async function requireComplaints(ctx: AppContext, platform: string, today: string): Promise<void> {
  if (await countHits(ctx.data, HitQuerySchema.parse(complaintQuery(platform)), today) === 0) {
    throw new AppFailure('not-found', `平台「${platform}」没有已确认的侵权商品`);
  }
}

/** Every confirmed listing hit of a platform, as XLSX or as CSV (UTF-8 with BOM, formula-like cells neutralised). */
export async function exportComplaints(
  ctx: AppContext,
  platform: string,
  filePath: string,
  format: 'csv' | 'xlsx',
  today: string,
): Promise<{ rows: number }> {
  await requireComplaints(ctx, platform, today);
  const marks = new Map((await marksRepository(ctx.data).list()).map((mark) => [mark.key, mark]));
  const toCells = (row: HitRow): string[] => {
    const mark = row.markKey === null ? undefined : marks.get(row.markKey);
    const l = row.listing;
    return [l?.platform ?? '', l?.shop ?? '', l?.listingId ?? '', l?.title ?? '', l?.url ?? '', l?.sellerLocation ?? '', row.markName, row.markCategory, mark?.holder ?? '', mark?.registrationNumber ?? '', reasonsText(row.reasons)];
  };
  const lines = rowsOf(allHitPages(ctx.data, HitQuerySchema.parse(complaintQuery(platform)), today), toCells);
  if (format === 'xlsx') {
    const [rows = 0] = await writeFileStreamed(filePath, (write) => writeXlsx(write, [{ name: `${platform}投诉清单`, columns: COMPLAINT_COLUMNS, rows: lines }]));
    return { rows };
  }
  return writeFileStreamed(filePath, async (write) => {
    const line = (cells: readonly string[]) => `${cells.map((c) => csvField(neutraliseFormula(c))).join(',')}\r\n`;
    await write(`\uFEFF${line(COMPLAINT_COLUMNS.map((c) => c.header))}`);
    let rows = 0;
    let piece = '';
    for await (const cells of lines) {
      piece += line(cells);
      rows += 1;
      if (rows % 500 === 0) {
        await write(piece);
        piece = '';
      }
    }
    await write(piece);
    return { rows };
  });
}
