// Reads the first worksheet of an .xlsx as rows of text, streaming: the zip is read through its central directory
// (zip.ts), the shared strings and styles first, then the sheet is inflated and parsed a piece at a time with a
// proper XML parser (saxes), so a sheet of a million rows is never held in memory and a character that crosses a
// chunk boundary arrives whole (issue 9, item 8: exceljs's streaming reader broke both). Cell values become the
// text a user sees in Excel: shared, inline and rich strings (without phonetic runs), numbers, dates as
// YYYY-MM-DD (shared/formats/dates.ts), TRUE/FALSE; an error cell is empty.
import { excelSerialDate } from '../../shared/formats/dates';
import { TableReadError } from './errors';
import type { ReadOptions } from './index';
import type { TableRow } from './types';
import { readWorkbookInfo, richTextCollector, type WorkbookInfo } from './xlsx-parts';
import { streamXml } from './xml-stream';
import { readZipDirectory } from './zip';

/** "BC12" → 54 (0-based column of a cell reference), or -1. */
export function columnIndex(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : column - 1;
}

const MAX_COLUMNS = 16_384; // Excel's last column, XFD

function numberText(raw: string): string {
  if (/^-?\d+$/.test(raw)) return raw; // keeps long application numbers exact
  const value = Number(raw);
  return Number.isFinite(value) ? String(value) : raw;
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
}

/** The text a user sees for one cell. */
function cellText(cell: CellState, info: WorkbookInfo, inline: string): string {
  const raw = cell.value;
  if (raw === '' && cell.type !== 'inlineStr') return '';
  switch (cell.type) {
    case 's': {
      const text = info.sharedStrings.get(Number(raw));
      if (text === undefined) throw new TableReadError(`XLSX 文件已损坏（单元格引用了不存在的共享字符串 ${raw}）`);
      return text;
    }
    case 'inlineStr':
      return inline;
    case 'str':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd':
      return raw.slice(0, 10);
    default: {
      if (info.dateStyles[cell.style]) return excelSerialDate(Number(raw), info.date1904) ?? numberText(raw);
      return numberText(raw);
    }
  }
}

/** Rows of the first worksheet; `rowNumber` is the spreadsheet row number the user sees. */
export async function* readXlsxRows(filePath: string, options: ReadOptions = {}): AsyncGenerator<TableRow> {
  const chunk = options.readChunkBytes;
  const entries = await readZipDirectory(filePath);
  const info = await readWorkbookInfo(filePath, entries, chunk);
  const ready: TableRow[] = [];
  let rowNumber = 0;
  let cells: string[] | null = null;
  let cell: CellState | null = null;
  let inValue = false;
  let inline = '';
  const inlineText = richTextCollector('is', (text) => {
    inline = text;
  });
  const handlers = {
    open(name: string, attributes: Record<string, string>) {
      if (name === 'row') {
        rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
        cells = [];
      } else if (name === 'c' && cells) {
        const byReference = attributes.r ? columnIndex(attributes.r) : -1;
        const column = byReference >= 0 ? byReference : cells.length;
        if (column >= MAX_COLUMNS) throw new TableReadError(`XLSX 文件已损坏（第 ${rowNumber} 行的列超出范围）`);
        cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '' };
        inline = '';
      } else if (cell) {
        if (name === 'v') inValue = true;
        inlineText.open(name);
      }
    },
    close(name: string) {
      if (name === 'v') inValue = false;
      else if (name === 'c' && cell && cells) {
        while (cells.length < cell.column) cells.push('');
        cells[cell.column] = cellText(cell, info, inline).trim();
        cell = null;
      } else if (name === 'row' && cells) {
        ready.push({ rowNumber, cells });
        cells = null;
      }
      if (cell) inlineText.close(name);
    },
    text(text: string) {
      if (!cell) return;
      if (inValue) cell.value += text;
      inlineText.text(text);
    },
  };
  for await (const _ of streamXml(filePath, info.sheet, handlers, chunk)) {
    for (const row of ready.splice(0)) yield row;
  }
}
