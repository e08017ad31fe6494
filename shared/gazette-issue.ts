// The gazette issue (初审公告期号) as written in files varies: 1935, 第1935期, 1935期, 第 1935 期, full-width
// digits, leading zeros. It is normalised here, once, so that nothing prints 第第1935期期.

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** The issue's number without 第/期 (`1935`), or null when the text is not an issue number. */
export function gazetteIssueNumber(raw: string): string | null {
  const text = raw.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const match = /^第?0*(\d+)期?$/.exec(text);
  return match?.[1] ?? null;
}

/**
 * The issue as printed: 第1935期. Text that is not a plain number (商标公告2026年第3期) is printed as it was
 * written, wrapped in 第…期 only when it has neither; '' stays ''.
 */
export function gazetteIssueLabel(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') return '';
  const number = gazetteIssueNumber(trimmed);
  if (number !== null) return `第${number}期`;
  if (trimmed.includes('期')) return trimmed;
  return `第${trimmed}期`;
}
