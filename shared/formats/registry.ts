// The registry file format of docs/formats.md (保护名录): header spec, row → ProtectedMark with a Chinese reason
// for every bad row, and ProtectedMark → row for export. Pure: used by the importer, the exporter, the seed and the CLI.
import { CATEGORIES, NICE_CLASS_MAX, NICE_CLASS_MIN, type Category, type ProtectedMark } from '../domain';
import { cellAt, parseNiceClass, type RowResult } from './cells';
import { parseRecognitionDate } from './dates';
import type { HeaderSpec } from './headers';
import { TEXT_LIMITS, TEXT_LIST_LIMITS, tooManyMessage } from './limits';
import { checkText } from './text';

export type RegistryColumn =
  | 'id' | 'name' | 'category' | 'classes' | 'registrationNumber' | 'holder' | 'aliases' | 'region' | 'recognizedOn'
  | 'notes';

export const REGISTRY_HEADERS: HeaderSpec<RegistryColumn>[] = [
  { key: 'id', header: '编号', required: true },
  { key: 'name', header: '商标名称', required: true },
  { key: 'category', header: '类别', required: true },
  { key: 'classes', header: '国际分类', required: true },
  { key: 'registrationNumber', header: '注册号', required: false },
  { key: 'holder', header: '权利人', aliases: ['注册人', '商标注册人'], required: false },
  { key: 'aliases', header: '别名', required: false },
  { key: 'region', header: '地域', aliases: ['地区'], required: false },
  { key: 'recognizedOn', header: '认定日期', aliases: ['认定时间'], required: false },
  { key: 'notes', header: '备注', required: false },
];

export type RegistryColumns = Record<RegistryColumn, number>;

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

/**
 * A registry record as it arrives, from a file row (lists still as text) or from the editor (lists as arrays).
 * Every way into the registry — import, create, update, the sample seed — goes through validateMark.
 */
export interface MarkInput {
  id: string;
  name: string;
  category: string;
  classes: string | readonly number[];
  registrationNumber: string;
  holder: string;
  aliases: string | readonly string[];
  region: string;
  recognizedOn: string;
  notes: string;
}

type TextKey = 'id' | 'name' | 'registrationNumber' | 'holder' | 'region' | 'notes';
const TEXT_KEYS: TextKey[] = ['id', 'name', 'registrationNumber', 'holder', 'region', 'notes'];
const LIMITS = TEXT_LIMITS.registry;
const SHORT = (label: string) => ({ label, max: 200 }); // category, classes and date: short by nature

function checkClasses(input: MarkInput['classes']): RowResult<number[]> {
  if (typeof input === 'string') {
    const text = checkText(input, SHORT('国际分类'));
    return text.ok ? parseNiceClasses(text.value) : text;
  }
  const bad = input.find((n) => !Number.isInteger(n) || n < NICE_CLASS_MIN || n > NICE_CLASS_MAX);
  if (bad !== undefined) return { ok: false, reason: `国际分类「${bad}」无效，应为 ${NICE_CLASS_MIN}–${NICE_CLASS_MAX} 之间的整数` };
  return { ok: true, value: [...new Set(input)].sort((a, b) => a - b) };
}

/** Between aliases in one cell: ; (the file format's), and the full-width ；、，that Chinese lists use. */
export const ALIAS_SEPARATORS = /[;；、，]/;

function checkAliases(input: MarkInput['aliases']): RowResult<string[]> {
  // a clerk lists names with 、 or ， as often as with the documented ;
  const items = typeof input === 'string' ? input.split(ALIAS_SEPARATORS) : input;
  // counted before each alias is checked: a list of 130,000 is refused at once
  if (items.length > TEXT_LIST_LIMITS.aliases.max * 2 + 10) {
    return { ok: false, reason: tooManyMessage(TEXT_LIST_LIMITS.aliases, items.length) };
  }
  const aliases: string[] = [];
  for (const item of items) {
    const alias = checkText(item, LIMITS.alias);
    if (!alias.ok) return alias;
    if (alias.value !== '' && !aliases.includes(alias.value)) aliases.push(alias.value);
  }
  if (aliases.length > TEXT_LIST_LIMITS.aliases.max) return { ok: false, reason: tooManyMessage(TEXT_LIST_LIMITS.aliases, aliases.length) };
  return { ok: true, value: aliases };
}

// The longer names lists and notices give the same six categories. 著名商标 alone is left out: a city's famous mark
// is one too, and the registry keeps only the province's.
const CATEGORY_NAMES: Readonly<Record<string, Category>> = {
  中国驰名商标: '驰名商标',
  中华老字号: '老字号',
  地理标志商标: '地理标志',
  地理标志证明商标: '地理标志',
  地理标志集体商标: '地理标志',
  地理标志产品: '地理标志',
  省级著名商标: '省著名商标',
  公共资源名称: '公共资源',
};

/** 类别 as written → one of CATEGORIES, or null. */
export function readCategory(text: string): Category | null {
  const cleaned = text.normalize('NFKC').replace(/\s+/g, '');
  if ((CATEGORIES as readonly string[]).includes(cleaned)) return cleaned as Category;
  return CATEGORY_NAMES[cleaned] ?? null;
}

/** The one validation of a registry record: cleans every text, or says in Chinese what is wrong with it. */
export function validateMark(input: MarkInput): RowResult<ProtectedMark> {
  const text = {} as Record<TextKey, string>;
  for (const key of TEXT_KEYS) {
    const checked = checkText(input[key], LIMITS[key]);
    if (!checked.ok) return checked;
    text[key] = checked.value;
  }
  const category = checkText(input.category, SHORT('类别'));
  if (!category.ok) return category;
  const recognized = checkText(input.recognizedOn, SHORT('认定日期'));
  if (!recognized.ok) return recognized;
  if (text.id === '') return { ok: false, reason: '「编号」不能为空' };
  if (text.name === '') return { ok: false, reason: '「商标名称」不能为空' };
  if (category.value === '') return { ok: false, reason: '「类别」不能为空' };
  const categoryRead = readCategory(category.value);
  if (categoryRead === null) {
    return { ok: false, reason: `类别「${category.value}」无效，应为 ${CATEGORIES.join('、')} 之一` };
  }
  const classes = checkClasses(input.classes);
  if (!classes.ok) return classes;
  if (classes.value.length === 0 && categoryRead !== '公共资源') {
    return { ok: false, reason: '「国际分类」不能为空（只有公共资源可以不填，表示全部类别）' };
  }
  const aliases = checkAliases(input.aliases);
  if (!aliases.ok) return aliases;
  const recognizedOn = recognized.value === '' ? '' : parseRecognitionDate(recognized.value);
  if (recognizedOn === null) {
    return { ok: false, reason: `认定日期「${recognized.value}」无效，应为 年-月-日、年-月 或 年份，例如 2019-05-20、2019-05 或 2019` };
  }
  // the field order of ProtectedMark: records are compared as JSON to tell a change from a re-save
  return {
    ok: true,
    value: {
      id: text.id,
      name: text.name,
      category: categoryRead,
      classes: classes.value,
      registrationNumber: text.registrationNumber,
      holder: text.holder,
      aliases: aliases.value,
      region: text.region,
      recognizedOn,
      notes: text.notes,
    },
  };
}

/** Turns one data row into a ProtectedMark, or says in Chinese why it cannot. */
export function parseRegistryRow(cells: readonly string[], columns: RegistryColumns): RowResult<ProtectedMark> {
  const raw = Object.fromEntries(REGISTRY_HEADERS.map(({ key }) => [key, cellAt(cells, columns[key])])) as Record<
    RegistryColumn,
    string
  >;
  return validateMark(raw);
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
