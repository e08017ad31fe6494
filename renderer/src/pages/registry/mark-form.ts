// The create/edit form's values and their validation, with messages a clerk can act on. Pure, unit-tested.
import {
  NICE_CLASS_MAX,
  NICE_CLASS_MIN,
  ProtectedMarkSchema,
  type Category,
  type ProtectedMark,
} from '../../../../shared/domain';
import { parseRecognitionDate } from '../../../../shared/formats/dates';
import { ALIAS_SEPARATORS } from '../../../../shared/formats/registry';

export interface MarkFormValues {
  id: string;
  name: string;
  category: Category;
  /** "29;32" */
  classes: string;
  registrationNumber: string;
  holder: string;
  /** "qhh;Qinghai Lake" */
  aliases: string;
  region: string;
  recognizedOn: string;
  notes: string;
}

export type MarkFormField = keyof MarkFormValues;
export type MarkFormErrors = Partial<Record<MarkFormField, string>>;
export type MarkFormResult = { ok: true; mark: ProtectedMark } | { ok: false; errors: MarkFormErrors };

/** Separators a clerk may type between classes (aliases: the registry file's own, ALIAS_SEPARATORS). */
const CLASS_SEPARATOR = /[;；,，、\s]+/;

export function emptyForm(): MarkFormValues {
  return {
    id: '',
    name: '',
    category: '驰名商标',
    classes: '',
    registrationNumber: '',
    holder: '',
    aliases: '',
    region: '',
    recognizedOn: '',
    notes: '',
  };
}

export function formFromMark(mark: ProtectedMark): MarkFormValues {
  return {
    id: mark.id,
    name: mark.name,
    category: mark.category,
    classes: mark.classes.join(';'),
    registrationNumber: mark.registrationNumber,
    holder: mark.holder,
    aliases: mark.aliases.join(';'),
    region: mark.region,
    recognizedOn: mark.recognizedOn,
    notes: mark.notes,
  };
}

/** "29;32" → [29, 32]; sorted, without duplicates. Empty is allowed only for 公共资源, which covers every class. */
export function parseClasses(text: string, category: Category): { classes: number[] } | { error: string } {
  const parts = text
    .normalize('NFKC')
    .split(CLASS_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) {
    if (category === '公共资源') return { classes: [] };
    return { error: '请填写国际分类，例如 29;32（只有公共资源可以留空，表示全部类别）' };
  }
  const classes = new Set<number>();
  for (const part of parts) {
    const n = /^\d+$/.test(part) ? Number(part) : NaN;
    if (!Number.isInteger(n) || n < NICE_CLASS_MIN || n > NICE_CLASS_MAX) {
      return { error: `「${part}」不是有效的国际分类：应为 ${NICE_CLASS_MIN}–${NICE_CLASS_MAX} 之间的整数，多个用分号分隔` };
    }
    classes.add(n);
  }
  return { classes: [...classes].sort((a, b) => a - b) };
}

/** "a; b;;c" → ["a", "b", "c"]; duplicates removed, order kept. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(ALIAS_SEPARATORS)) {
    const alias = part.trim();
    if (alias) seen.add(alias);
  }
  return [...seen];
}

/**
 * null when the date is empty or a real calendar day in any form the one date parser reads (2019-05-20,
 * 2019/5/20, 2019年5月20日 — as the batches and the import accept them), otherwise the message.
 */
export function checkRecognitionDate(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  return parseRecognitionDate(value) === null ? `「${value}」不是有效的日期，例如 2019-05-20、2019年5月20日，只知年月或年份时写 2019-05 或 2019` : null;
}

function lengthError(label: string, value: string, max: number): string | undefined {
  return value.length > max ? `${label}不能超过 ${max} 个字` : undefined;
}

function fieldErrors(v: MarkFormValues, aliases: string[]): MarkFormErrors {
  const errors: MarkFormErrors = {};
  if (!v.id.trim()) errors.id = '请填写编号';
  else errors.id = lengthError('编号', v.id.trim(), 64);
  if (!v.name.trim()) errors.name = '请填写商标名称';
  else errors.name = lengthError('商标名称', v.name.trim(), 200);
  errors.registrationNumber = lengthError('注册号', v.registrationNumber.trim(), 64);
  errors.holder = lengthError('权利人', v.holder.trim(), 200);
  errors.region = lengthError('地域', v.region.trim(), 100);
  errors.notes = lengthError('备注', v.notes.trim(), 2000);
  if (aliases.some((a) => a.length > 200)) errors.aliases = '每个别名不能超过 200 个字';
  errors.recognizedOn = checkRecognitionDate(v.recognizedOn) ?? undefined;
  const classes = parseClasses(v.classes, v.category);
  if ('error' in classes) errors.classes = classes.error;
  for (const key of Object.keys(errors) as MarkFormField[]) if (!errors[key]) delete errors[key];
  return errors;
}

export function validateMarkForm(values: MarkFormValues): MarkFormResult {
  const aliases = parseAliases(values.aliases);
  const errors = fieldErrors(values, aliases);
  const classes = parseClasses(values.classes, values.category);
  if (Object.keys(errors).length > 0 || 'error' in classes) return { ok: false, errors };
  const mark: ProtectedMark = {
    id: values.id.trim(),
    name: values.name.trim(),
    category: values.category,
    classes: classes.classes,
    registrationNumber: values.registrationNumber.trim(),
    holder: values.holder.trim(),
    aliases,
    region: values.region.trim(),
    // stored as YYYY-MM-DD (or YYYY-MM, YYYY) whichever way it was typed
    recognizedOn: values.recognizedOn.trim() === '' ? '' : (parseRecognitionDate(values.recognizedOn.trim()) ?? values.recognizedOn.trim()),
    notes: values.notes.trim(),
  };
  // The contract's schema is the last word; the checks above only give better messages first.
  const parsed = ProtectedMarkSchema.safeParse(mark);
  if (!parsed.success) return { ok: false, errors: { notes: '记录内容不符合要求，请检查各项' } };
  return { ok: true, mark: parsed.data };
}

/** A field where what the clerk typed differs from the record as another clerk saved it (a save's conflict). */
export interface FieldDifference {
  field: MarkFormField;
  current: string;
  mine: string;
}

/** The fields, in the form's order, whose text differs between the stored record and the clerk's form. */
export function differingFields(current: MarkFormValues, mine: MarkFormValues): FieldDifference[] {
  return (Object.keys(current) as MarkFormField[])
    .filter((field) => current[field].trim() !== mine[field].trim())
    .map((field) => ({ field, current: current[field], mine: mine[field] }));
}
