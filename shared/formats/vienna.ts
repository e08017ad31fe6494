// 图形要素: the Vienna classification codes of a figurative mark (category.division.section, e.g. 26.1.1 for a
// circle), carried by a gazette's or a registry file's optional column. Codes are compared as numbers, so 26.01.01
// and 26.1.1 are the same code.
import type { HeaderSpec } from './headers';
import type { RowResult } from './cells';

/** The optional column of gazette and registry tables; 维也纳分类 is the same column. */
export const VIENNA_HEADER: HeaderSpec<'viennaCodes'> = { key: 'viennaCodes', header: '图形要素', aliases: ['维也纳分类', '图形要素代码'], required: false };

/** A row has at most this many codes (a gazette lists a handful a mark). */
const MAX_CODES = 50;

/** "26.1.1; 26.01.03、5.3.13" → ['26.1.1', '26.1.3', '5.3.13']; a code that is no Vienna code is an error. */
export function parseViennaCodes(text: string): RowResult<string[]> {
  const codes: string[] = [];
  for (const part of text.normalize('NFKC').trim().split(/[;,，、；\s]+/)) {
    if (part === '') continue;
    const match = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/.exec(part);
    const [category, division, section] = match ? match.slice(1).map(Number) : [];
    if (!match || !category || category > 29 || division === undefined || section === undefined) {
      return { ok: false, reason: `图形要素「${part.slice(0, 20)}」不是有效的维也纳分类代码（应如 26.1.1，多个用分号隔开）` };
    }
    codes.push(`${category}.${division}.${section}`);
  }
  if (codes.length > MAX_CODES) return { ok: false, reason: `图形要素过多（最多 ${MAX_CODES} 个）` };
  return { ok: true, value: [...new Set(codes)].sort() };
}
