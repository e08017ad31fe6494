// Filing rows (商标申请, as published in the gazette) → Filing. Only what screening cannot do without is
// required (申请号, 商标名称, 国际分类); a value that is present but wrong is an error, never silently blanked.
// Every text field goes through the one text rule and the one limit table (text.ts, limits.ts).
import type { Filing } from '../domain';
import type { HeaderSpec } from './headers';
import { parseNiceClass, splitList, type RowResult } from './cells';
import { parseDate } from './dates';
import { TEXT_LIMITS, TEXT_LIST_LIMITS, tooManyMessage } from './limits';
import { checkedCell } from './text';
import { isDeviceOnly } from '../mark-words';

export type FilingColumn =
  | 'applicationNumber' | 'markText' | 'niceClass' | 'goods' | 'applicant' | 'applicantAddress' | 'agency'
  | 'filedOn' | 'gazetteIssue' | 'publishedOn';

export const FILING_HEADERS: HeaderSpec<FilingColumn>[] = [
  { key: 'applicationNumber', header: '申请号', aliases: ['申请/注册号', '注册号/申请号', '申请注册号'], required: true },
  { key: 'markText', header: '商标名称', aliases: ['商标', '商标名', '商标文字'], required: true },
  { key: 'niceClass', header: '国际分类', aliases: ['类别', '国际分类号', '分类号', '类号'], required: true },
  { key: 'goods', header: '商品服务', aliases: ['商品/服务', '商品服务项目', '商品/服务项目', '指定商品', '指定商品/服务', '指定商品服务', '使用商品'], required: false },
  { key: 'applicant', header: '申请人名称', aliases: ['申请人', '申请人名称(中文)', '申请人中文名称'], required: false },
  { key: 'applicantAddress', header: '申请人地址', aliases: ['申请人地址(中文)', '申请人中文地址', '地址'], required: false },
  { key: 'agency', header: '代理机构', aliases: ['代理机构名称', '代理人', '代理组织'], required: false },
  { key: 'filedOn', header: '申请日期', aliases: ['申请日'], required: false },
  { key: 'gazetteIssue', header: '初审公告期号', aliases: ['公告期号', '期号'], required: false },
  { key: 'publishedOn', header: '初审公告日期', aliases: ['初审公告日', '公告日期'], required: false },
];

type TextColumn = keyof typeof TEXT_LIMITS.filing;
const LIMITED = Object.keys(TEXT_LIMITS.filing) as TextColumn[];
const LABEL_ONLY = { niceClass: '国际分类', filedOn: '申请日期', publishedOn: '初审公告日期' } as const;
const NON_TEXT_LIMIT = 40; // a class number or a date is short; a longer cell is a shifted column

/**
 * A row → Filing. `withImage`: the row brings an image (issue 12), so a device mark without a name is a filing too
 * (its 商标名称 stays empty and only its image is screened).
 */
export function parseFilingRow(cells: string[], columns: Record<FilingColumn, number>, options: { withImage?: boolean } = {}): RowResult<Filing> {
  const text = {} as Record<TextColumn | keyof typeof LABEL_ONLY, string>;
  for (const key of LIMITED) {
    const checked = checkedCell(cells, columns[key], TEXT_LIMITS.filing[key]);
    if (!checked.ok) return checked;
    text[key] = checked.value;
  }
  for (const key of Object.keys(LABEL_ONLY) as (keyof typeof LABEL_ONLY)[]) {
    const checked = checkedCell(cells, columns[key], { label: LABEL_ONLY[key], max: NON_TEXT_LIMIT });
    if (!checked.ok) return checked;
    text[key] = checked.value;
  }
  if (!text.applicationNumber) return { ok: false, reason: '缺少申请号' };
  const niceClass = parseNiceClass(text.niceClass);
  if (niceClass === null) {
    return { ok: false, reason: `国际分类应为 1–45 之间的一个类别号，而不是「${text.niceClass.slice(0, 20)}」` };
  }
  const filedOn = text.filedOn === '' ? '' : parseDate(text.filedOn);
  if (filedOn === null) return { ok: false, reason: `申请日期不是有效日期：「${text.filedOn}」` };
  const publishedOn = text.publishedOn === '' ? '' : parseDate(text.publishedOn);
  if (publishedOn === null) return { ok: false, reason: `初审公告日期不是有效日期：「${text.publishedOn}」` };
  const goods = splitList(text.goods);
  if (goods.length > TEXT_LIST_LIMITS.goods.max) return { ok: false, reason: tooManyMessage(TEXT_LIST_LIMITS.goods, goods.length) };
  // last, so that `unnamed` means the missing name is the row's only fault
  // a name that only says the mark is a figure (图形, （图形）) has no words either: a device mark, as an empty one
  if (isDeviceOnly(text.markText) && !options.withImage) {
    return { ok: false, reason: text.markText ? `商标名称「${text.markText}」只标明是图形商标，没有可比对的文字` : '缺少商标名称', unnamed: true };
  }
  return {
    ok: true,
    value: {
      applicationNumber: text.applicationNumber,
      markText: text.markText,
      niceClass,
      goods,
      applicant: text.applicant,
      applicantAddress: text.applicantAddress,
      agency: text.agency,
      filedOn,
      gazetteIssue: text.gazetteIssue,
      publishedOn,
    },
  };
}
