// The project's XLSX writer (electron/tabular/xlsx-writer.ts) against the project's reader: what is written is what
// is read, cell for cell — characters outside the BMP (𠮷) across any boundary, text that looks like a formula (no
// apostrophe: a string cell is never a formula), XML's special characters, numbers (issue 10, item 8).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileStreamed } from '../../electron/files/streamed';
import { readXlsxRows } from '../../electron/tabular/xlsx';
import { columnName, sheetName, writeXlsx, type XlsxCell } from '../../electron/tabular/xlsx-writer';
import { tempDir } from './support/context';

const folder = tempDir('markguard-xlsx-writer-');
afterAll(() => folder.remove());

async function roundTrip(name: string, header: string[], rows: XlsxCell[][]): Promise<string[][]> {
  const file = path.join(folder.dir, name);
  await writeFileStreamed(file, (write) => writeXlsx(write, [{ name: '表', columns: header.map((h) => ({ header: h })), rows }]));
  const read: string[][] = [];
  for await (const row of readXlsxRows(file, { readChunkBytes: 4096 })) read.push(row.cells);
  return read;
}

describe('XLSX writer', () => {
  it('round-trips every cell unchanged through the reader, including 𠮷 and a cell starting with =', async () => {
    const long = Array.from({ length: 6000 }, (_, i) => (i % 7 === 0 ? '𠮷' : '青')).join('');
    const rows: XlsxCell[][] = [
      ['𠮷野家', '=SUM(A1:A9)', '+8613800000000', '-1', '@handle'],
      ['a & b < c > "d" \'e\'', "'=already quoted", '\tx'.trim(), '第1935期', long],
      [0.873, 12, 71234567, '0012', '2026-11-29'],
      ...Array.from({ length: 3000 }, (_, i) => [`${'𠮷'.repeat(i % 5)}商标${i}`, `=A${i}`, i, '', `行${i}`]),
    ];
    const read = await roundTrip('round.xlsx', ['名称', '公式样', '号码', '空', '备注'], rows);
    expect(read[0]).toEqual(['名称', '公式样', '号码', '空', '备注']);
    const expected = rows.map((row) => row.map((c) => (c === null ? '' : String(c))));
    // the reader leaves out empty trailing cells of a row
    const trimmed = (cells: string[]) => {
      const copy = [...cells];
      while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
      return copy;
    };
    expect(read.slice(1).map(trimmed)).toEqual(expected.map(trimmed));
  });

  it('writes widths, a bold frozen header, an autofilter and string cells Excel itself reads as text', async () => {
    const file = path.join(folder.dir, 'look.xlsx');
    await writeFileStreamed(file, (write) =>
      writeXlsx(write, [{ name: '命中/清单[1]', columns: [{ header: '分数', width: 8 }, { header: '商标名称' }], rows: [[0.9, '=1+1']] }]),
    );
    const parts = unzipSync(readFileSync(file));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toContain('<col min="1" max="1" width="8" customWidth="1"/>');
    expect(sheet).toContain('<col min="2" max="2" width="12" customWidth="1"/>');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:B2"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">');
    expect(strFromU8(parts['xl/workbook.xml'] as Uint8Array)).toContain('name="命中_清单_1_"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cell = workbook.worksheets[0]?.getRow(2).getCell(2);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe('=1+1');
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe(0.9);
  });

  it('names columns and sheets as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
    expect(sheetName('x:y')).toBe('x_y');
  });
});
