// Templates with {{占位符}}: every placeholder must be one the program knows. An unknown or unclosed placeholder is
// an error that names it, never a silent blank in a letter sent to another authority.
import { AppFailure } from '../result';

export const PLACEHOLDERS = [
  '发文机关',
  '文号',
  '收文机关',
  '申请人',
  '申请件数',
  '被仿冒商标',
  '保护类别',
  '权利人',
  '仿冒方式',
  '请求事项',
  '法律依据',
  '最早异议截止日',
  '期限说明',
  '公告期号',
  '证据说明',
  '联系人',
  '联系电话',
  '成文日期',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const KNOWN = new Set<string>(PLACEHOLDERS);
const TOKEN = /\{\{([^{}]*)\}\}/g;

export interface TemplateProblem {
  placeholder: string;
  message: string;
}

/** Every problem in a template: unknown names, empty {{}}, and a {{ or }} left without its partner. */
export function checkTemplate(text: string, where = '模板'): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const name = (match[1] ?? '').trim();
    if (!KNOWN.has(name)) {
      problems.push({
        placeholder: name,
        message:
          name === ''
            ? `${where}中有空的占位符「{{}}」，请填写占位符名称或删除它`
            : `${where}中的占位符「{{${name}}}」无法识别。可用的占位符：${PLACEHOLDERS.join('、')}`,
      });
    }
  }
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    problems.push({ placeholder: '', message: `${where}中有未配对的「{{」或「}}」，占位符应写成 {{名称}}` });
  }
  return problems;
}

/** Replaces every placeholder; throws AppFailure('invalid-input') naming the first unknown one. */
export function fillTemplate(text: string, values: PlaceholderValues, where = '模板'): string {
  const problem = checkTemplate(text, where)[0];
  if (problem) throw new AppFailure('invalid-input', problem.message);
  return text.replace(TOKEN, (_whole, name: string) => values[name.trim() as Placeholder]);
}
