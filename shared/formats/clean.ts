// Cleaning of screened text cells (filings, listings): C0/C1 controls, zero-width characters, bidi marks and the
// BOM are invisible in a spreadsheet but would make two identical marks compare unequal, so they are removed;
// tabs and line breaks become a space.
import { cellAt } from './cells';

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '').replace(/[\t\r\n]+/g, ' ').trim();
}

/** The cleaned cell at a mapped column (-1 = optional and absent → ''). */
export function cleanCellAt(cells: readonly string[], column: number): string {
  return cleanText(cellAt(cells, column));
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Why a screened text cell cannot be trusted, or null: control characters (a broken export) or U+FFFD (bytes that
 * were not valid UTF-8 or GB18030). Such a row is reported rather than screened on a guess.
 */
export function textProblem(label: string, raw: string): string | null {
  if (CONTROL.test(raw)) return `「${label}」含有不可见的控制字符`;
  if (raw.includes('\uFFFD')) return `「${label}」含有无法识别的字节（文件不是有效的 UTF-8 或 GB18030 文本）`;
  return null;
}
