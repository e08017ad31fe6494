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
