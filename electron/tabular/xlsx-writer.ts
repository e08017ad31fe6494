// A small streaming XLSX writer on fflate (issue 10, item 8; issue 9, item 17). Rows are written one at a time into
// a deflated zip entry, so an export of any size never sits in memory; the bytes are encoded from whole strings, so a
// character outside the BMP (𠮷) arrives whole (exceljs's writeBuffer split such characters at 16 KB piece
// boundaries into two U+FFFD). Every text is an inline string cell — a text cell is never a formula, so a value
// starting with = needs no apostrophe and shows as typed. Each sheet gets column widths, a bold frozen header row
// and an autofilter over the header. The reader is xlsx.ts.
import { Zip, ZipDeflate } from 'fflate';
import type { ChunkWriter } from '../files/streamed';

export type XlsxCell = string | number | null;

export interface XlsxColumn {
  header: string;
  /** in Excel's character units; by default wide enough for the header */
  width?: number;
}

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  rows: Iterable<readonly XlsxCell[]> | AsyncIterable<readonly XlsxCell[]>;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Rows deflated between two writes to the file: small enough to keep memory flat, large enough to be quick. */
const ROWS_PER_FLUSH = 500;

// Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF): written
// as OOXML's _xHHHH_ escape, which Excel shows as the character. The text rules refuse them on the way in anyway.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// One test for the common case of a text with nothing to escape.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function xmlText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Display width of a text in Excel's units: a CJK character is two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += (c.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

function cellXml(value: XlsxCell, reference: string, style: number): string {
  if (value === null || value === '') return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${reference}"${s}><v>${value}</v></c>`;
  const text = String(value);
  // Leading or trailing white space (and line breaks) survive only with xml:space="preserve".
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${reference}"${s} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function rowXml(cells: readonly XlsxCell[], rowNumber: number, style = 0): string {
  let xml = `<row r="${rowNumber}">`;
  cells.forEach((value, i) => {
    xml += cellXml(value, `${columnName(i)}${rowNumber}`, style);
  });
  return `${xml}</row>`;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(name: string): string {
  return [...name.replace(/[[\]:*?/\\]/g, '_')].slice(0, 31).join('') || 'Sheet';
}

function sheetHead(sheet: XlsxSheet): string {
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.min(60, Math.max(8, textWidth(c.header) + 4))}" customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
    rowXml(sheet.columns.map((c) => c.header), 1, 1)
  );
}

function filterRange(columns: number, lastRow: number): string {
  return `$A$1:$${columnName(Math.max(columns, 1) - 1)}$${lastRow}`;
}

function workbookXml(names: readonly string[], ranges: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const defined = names
    .map((n, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(n.replace(/'/g, "''"))}'!${ranges[i]}</definedName>`)
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${defined}</definedNames></workbook>`;
}

function fixedParts(count: number): Record<string, string> {
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  return {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      indexes.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '</Types>',
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      indexes.map((i) => `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
      `<Relationship Id="rId${count + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml':
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  };
}

/**
 * Writes the sheets through `write` as one XLSX package and returns the number of data rows of each sheet.
 * Sheets are written one after the other; a sheet's rows may be produced lazily (a generator paging a query).
 */
export async function writeXlsx(write: ChunkWriter, sheets: readonly XlsxSheet[]): Promise<number[]> {
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else pending.push(data);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of pending.splice(0)) await write(chunk);
  };
  const encode = (text: string) => Buffer.from(text, 'utf8');
  const names = sheets.map((s, i) => {
    const base = sheetName(s.name);
    return sheets.slice(0, i).some((o) => sheetName(o.name) === base) ? `${base.slice(0, 28)}-${i + 1}` : base;
  });
  const counts: number[] = [];
  const ranges: string[] = [];
  for (const [index, sheet] of sheets.entries()) {
    const entry = new ZipDeflate(`xl/worksheets/sheet${index + 1}.xml`, { level: 1 });
    zip.add(entry);
    entry.push(encode(sheetHead(sheet)));
    let rowNumber = 1;
    let piece = '';
    for await (const cells of sheet.rows) {
      rowNumber += 1;
      piece += rowXml(cells, rowNumber);
      if ((rowNumber - 1) % ROWS_PER_FLUSH === 0) {
        entry.push(encode(piece));
        piece = '';
        await flush();
      }
    }
    const range = filterRange(sheet.columns.length, rowNumber);
    entry.push(encode(`${piece}</sheetData><autoFilter ref="${range.replace(/\$/g, '')}"/></worksheet>`), true);
    await flush();
    counts.push(rowNumber - 1);
    ranges.push(range);
  }
  const parts = { ...fixedParts(sheets.length), 'xl/workbook.xml': workbookXml(names, ranges) };
  for (const [name, text] of Object.entries(parts)) {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    entry.push(encode(text), true);
  }
  zip.end();
  await flush();
  return counts;
}
