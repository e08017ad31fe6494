// Reads the first worksheet of an .xlsx with exceljs's streaming reader, so a sheet of a million rows is never
// held in memory at once. Cell values are turned into the text a user sees in Excel.
import ExcelJS from 'exceljs';
import type { TableRow } from './types';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text of one exceljs cell value (string, number, Date, rich text, formula, hyperlink, error). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // exceljs gives dates as UTC midnight of the calendar day shown in Excel
    return `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return String(value);
}

/** Rows of the first worksheet; `row.number` is the spreadsheet row number the user sees. */
export async function* readXlsxRows(filePath: string): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to recognise date cells
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[]; // sparse, 1-based
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
      yield { rowNumber: row.number, cells };
    }
    return; // first sheet only
  }
}
