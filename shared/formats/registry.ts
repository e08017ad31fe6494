// The registry file format of docs/formats.md (保护名录): header spec, row → ProtectedMark with a Chinese reason
// for every bad row, and ProtectedMark → row for export. Pure: used by the importer, the exporter, the seed and the CLI.
import { CATEGORIES, NICE_CLASS_MAX, NICE_CLASS_MIN, ProtectedMarkSchema, type Category, type ProtectedMark } from '../domain';
import { cellAt, parseDate, parseNiceClass, splitList, type RowResult } from './cells';
import type { HeaderSpec } from './headers';

export type RegistryColumn =
  | 'id' | 'name' | 'category' | 'classes' | 'registrationNumber' | 'holder' | 'aliases' | 'region' | 'recognizedOn'
  | 'notes';

export const REGISTRY_HEADERS: HeaderSpec<RegistryColumn>[] = [
  { key: 'id', header: '编号', required: true },
  { key: 'name', header: '商标名称', required: true },
  { key: 'category', header: '类别', required: true },
  { key: 'classes', header: '国际分类', required: true },
  { key: 'registrationNumber', header: '注册号', required: false },
  { key: 'holder', header: '权利人', required: false },
  { key: 'aliases', header: '别名', required: false },
  { key: 'region', header: '地域', required: false },
  { key: 'recognizedOn', header: '认定日期', required: false },
  { key: 'notes', header: '备注', required: false },
];

export type RegistryColumns = Record<RegistryColumn, number>;


// Control characters other than tab break screening and printing, and never belong in a mark's record.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Parses 国际分类 such as "29;32" (full-width digits and separators accepted). */
export function parseNiceClasses(text: string): RowResult<number[]> {
  const classes: number[] = [];
  for (const part of text.normalize('NFKC').trim().split(/[;,，、\s]+/)) {
    if (part === '') continue;
    const niceClass = parseNiceClass(part);
    if (niceClass === null) {
      return { ok: false, reason: `国际分类「${part}」无效，应为 ${NICE_CLASS_MIN}–${NICE_CLASS_MAX} 之间的整数，多个用分号隔开` };
    }
    classes.push(niceClass);
  }
  return { ok: true, value: [...new Set(classes)].sort((a, b) => a - b) };
}


/** Turns one data row into a ProtectedMark, or says in Chinese why it cannot. */
export function parseRegistryRow(cells: readonly string[], columns: RegistryColumns): RowResult<ProtectedMark> {
  const raw = Object.fromEntries(REGISTRY_HEADERS.map(({ key }) => [key, cellAt(cells, columns[key])])) as Record<
    RegistryColumn,
    string
  >;
  const empty = REGISTRY_HEADERS.find(({ key, required }) => required && key !== 'classes' && raw[key] === '');
  if (empty) return { ok: false, reason: `「${empty.header}」不能为空` };
  const withControl = REGISTRY_HEADERS.find(({ key }) => CONTROL_CHARS.test(raw[key]));
  if (withControl) return { ok: false, reason: `「${withControl.header}」含有不可见的控制字符` };
  if (!(CATEGORIES as readonly string[]).includes(raw.category)) {
    return { ok: false, reason: `类别「${raw.category}」无效，应为 ${CATEGORIES.join('、')} 之一` };
  }
  const category = raw.category as Category;
  const classes = parseNiceClasses(raw.classes);
  if (!classes.ok) return classes;
  if (classes.value.length === 0 && category !== '公共资源') {
    return { ok: false, reason: `「国际分类」不能为空（只有公共资源可以不填，表示全部类别）` };
  }
  const recognizedOn = raw.recognizedOn === '' ? '' : parseDate(raw.recognizedOn);
  if (recognizedOn === null) {
    return { ok: false, reason: `认定日期「${raw.recognizedOn}」无效，应为 年-月-日，例如 2019-05-20` };
  }
  const candidate: ProtectedMark = {
    id: raw.id,
    name: raw.name,
    category,
    classes: classes.value,
    registrationNumber: raw.registrationNumber,
    holder: raw.holder,
    aliases: splitList(raw.aliases),
    region: raw.region,
    recognizedOn,
    notes: raw.notes,
  };
  const checked = ProtectedMarkSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = REGISTRY_HEADERS.find(({ key }) => key === issue?.path[0])?.header ?? String(issue?.path[0] ?? '');
    return { ok: false, reason: `「${field}」过长或格式不对` };
  }
  return { ok: true, value: checked.data };
}

/** The row written on export, in REGISTRY_HEADERS order. */
export function registryRow(mark: ProtectedMark): string[] {
  return [
    mark.id,
    mark.name,
    mark.category,
    mark.classes.join(';'),
    mark.registrationNumber,
    mark.holder,
    mark.aliases.join(';'),
    mark.region,
    mark.recognizedOn,
    mark.notes,
  ];
}
