// Filing rows (商标申请, as published in the gazette) → Filing. Only what screening cannot do without is
// required (申请号, 商标名称, 国际分类); a value that is present but wrong is an error, never silently blanked.
import type { Filing } from '../domain';
import type { HeaderSpec } from './headers';
import { parseDate, parseNiceClass, splitList, type RowResult } from './cells';
import { cleanCellAt as cellAt, textProblem } from './clean';

export type FilingColumn =
  | 'applicationNumber' | 'markText' | 'niceClass' | 'goods' | 'applicant' | 'applicantAddress' | 'agency'
  | 'filedOn' | 'gazetteIssue' | 'publishedOn';

export const FILING_HEADERS: HeaderSpec<FilingColumn>[] = [
  { key: 'applicationNumber', header: '申请号', required: true },
  { key: 'markText', header: '商标名称', required: true },
  { key: 'niceClass', header: '国际分类', required: true },
  { key: 'goods', header: '商品服务', required: false },
  { key: 'applicant', header: '申请人名称', required: false },
  { key: 'applicantAddress', header: '申请人地址', required: false },
  { key: 'agency', header: '代理机构', required: false },
  { key: 'filedOn', header: '申请日期', required: false },
  { key: 'gazetteIssue', header: '初审公告期号', required: false },
  { key: 'publishedOn', header: '初审公告日期', required: false },
];

/** Longer than any word mark; a longer cell is a shifted column or pasted text, not a mark. */
export const MAX_MARK_TEXT = 200;

/** YYYY-MM-DD, the gazette's own form, checked without the general parser (a million rows, two dates each). */
function isoDate(raw: string): string | null {
  if (raw.length !== 10 || raw[4] !== '-' || raw[7] !== '-') return null;
  const [y, m, d] = [Number(raw.slice(0, 4)), Number(raw.slice(5, 7)), Number(raw.slice(8, 10))];
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate() ? raw : null;
}

function optionalDate(cells: string[], column: number, label: string): RowResult<string> {
  const raw = cellAt(cells, column);
  if (raw === '') return { ok: true, value: '' };
  const date = isoDate(raw) ?? parseDate(raw);
  return date ? { ok: true, value: date } : { ok: false, reason: `${label}不是有效日期：「${raw.slice(0, 40)}」` };
}

export function parseFilingRow(cells: string[], columns: Record<FilingColumn, number>): RowResult<Filing> {
  const applicationNumber = cellAt(cells, columns.applicationNumber);
  if (!applicationNumber) return { ok: false, reason: '缺少申请号' };
  if (applicationNumber.length > 64) return { ok: false, reason: '申请号过长' };
  const problem = textProblem('商标名称', columns.markText < 0 ? '' : cells[columns.markText] ?? '');
  if (problem) return { ok: false, reason: problem };
  const markText = cellAt(cells, columns.markText);
  if (!markText) return { ok: false, reason: '缺少商标名称' };
  if (markText.length > MAX_MARK_TEXT) {
    return { ok: false, reason: `商标名称过长（${markText.length} 字，最多 ${MAX_MARK_TEXT} 字）` };
  }
  const classText = cellAt(cells, columns.niceClass);
  const niceClass = parseNiceClass(classText);
  if (niceClass === null) {
    return { ok: false, reason: `国际分类应为 1–45 之间的一个类别号，而不是「${classText.slice(0, 20)}」` };
  }
  const filedOn = optionalDate(cells, columns.filedOn, '申请日期');
  if (!filedOn.ok) return filedOn;
  const publishedOn = optionalDate(cells, columns.publishedOn, '初审公告日期');
  if (!publishedOn.ok) return publishedOn;
  return {
    ok: true,
    value: {
      applicationNumber,
      markText,
      niceClass,
      goods: splitList(cellAt(cells, columns.goods)),
      applicant: cellAt(cells, columns.applicant),
      applicantAddress: cellAt(cells, columns.applicantAddress),
      agency: cellAt(cells, columns.agency),
      filedOn: filedOn.value,
      gazetteIssue: cellAt(cells, columns.gazetteIssue),
      publishedOn: publishedOn.value,
    },
  };
}
