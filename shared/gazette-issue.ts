// The gazette issue (初审公告期号) as written in files varies: 1935, 第1935期, 1935期, 第 1935 期, full-width
// digits, leading zeros. It is normalised here, once, so that nothing prints 第第1935期期.

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** The issue's number without 第/期 (`1935`), or null when the text is not an issue number. */
export function gazetteIssueNumber(raw: string): string | null {
  const text = raw.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const match = /^第*0*(\d+)期*$/.exec(text);
  return match?.[1] ?? null;
}

/** The issue as printed: 第1935期. Text that is not an issue number (2026年第3期, 增刊) is printed as written. */
export function gazetteIssueLabel(raw: string): string {
  const trimmed = raw.trim();
  const number = gazetteIssueNumber(trimmed);
  return number === null ? trimmed : `第${number}期`;
}
