// Issue 9, item 8: the XLSX reader decodes every cell exactly — CJK text that crosses a read or inflate chunk,
// shared strings stored after the sheet, dates, inline strings — so that a 100,000-row CJK round trip changes nothing.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable, type TableRow } from '../../electron/tabular';
import { exportRegistry } from '../../electron/registry/export';
import { readRegistryFile } from '../../electron/registry/import';
import { tempDir } from './support/context';
import { cjkMarks, cjkText, seeded, writeXlsxParts, xmlText } from './support/tables';

const folder = tempDir('markguard-xlsx-');
afterAll(() => folder.remove());

async function readAll(file: string): Promise<{ headers: string[]; rows: TableRow[] }> {
  const table = await openTable(file);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  await table.close();
  return { headers: table.headers, rows };
}

function changedCells(expected: string[][], rows: TableRow[]): number {
  let changed = Math.abs(expected.length - rows.length);
  expected.forEach((cells, i) => {
    const got = rows[i]?.cells ?? [];
    for (let c = 0; c < cells.length; c++) if ((got[c] ?? '') !== cells[c]) changed++;
  });
  return changed;
}

describe('XLSX reader', () => {
  it('reads a 100,000-row CJK file written by exceljs itself with no changed cell', async () => {
    const random = seeded(42);
    const expected: string[][] = [];
    for (let i = 0; i < 100_000; i++) {
      expected.push([`A${i}`, cjkText(random, 2 + (i % 6), { extras: true }), cjkText(random, 6 + (i % 17), { extras: true })]);
    }
    const file = path.join(folder.dir, 'exceljs-100k.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = workbook.addWorksheet('申请');
    sheet.addRow(['编号', '商标名称', '申请人名称']).commit();
    for (const cells of expected) sheet.addRow(cells).commit();
    await sheet.commit();
    await workbook.commit();
    const { headers, rows } = await readAll(file);
    expect(headers).toEqual(['编号', '商标名称', '申请人名称']);
    expect(rows).toHaveLength(100_000);
    expect(changedCells(expected, rows)).toBe(0);
    expect(rows.some((r) => r.cells.some((c) => c.includes('\uFFFD')))).toBe(false);
    expect(rows[99_999]?.rowNumber).toBe(100_001);
  }, 240_000); // writing 100,000 rows with exceljs takes most of it

  it('re-imports the app’s own 100,000-mark CJK registry export unchanged', async () => {
    const marks = cjkMarks(100_000, 9);
    const file = path.join(folder.dir, 'registry-100k.xlsx');
    await exportRegistry(marks, file, 'xlsx');
    const parsed = await readRegistryFile(file);
    expect(parsed.problems).toEqual([]);
    expect(parsed.totalRows).toBe(100_000);
    const changed = parsed.marks.filter((mark, i) => JSON.stringify(mark) !== JSON.stringify(marks[i]));
    expect(changed.slice(0, 3)).toEqual([]);
  }, 240_000);

  it('reads shared strings stored after the sheet as text, not [object Object]', async () => {
    const file = path.join(folder.dir, 'sst-last.xlsx');
    writeXlsxParts(file, {
      order: 'sheets-first',
      sharedStrings: ['<si><t>申请号</t></si>', '<si><t>商标名称</t></si>', '<si><t>柴达木枸杞</t></si>'],
      sheets: [{ name: '申请', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>61000322</v></c><c r="B2" t="s"><v>2</v></c></row>' }],
    });
    const { headers, rows } = await readAll(file);
    expect(headers).toEqual(['申请号', '商标名称']);
    expect(rows).toEqual([{ rowNumber: 2, cells: ['61000322', '柴达木枸杞'] }]);
  });

  it('reads the first sheet in workbook order, with dates, inline and rich strings, booleans, errors and gaps', async () => {
    const file = path.join(folder.dir, 'kinds.xlsx');
    const styles =
      '<numFmts count="1"><numFmt numFmtId="180" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="180"/><xf numFmtId="31"/><xf numFmtId="2"/></cellXfs>';
    writeXlsxParts(file, {
      styles,
      sharedStrings: [
        '<si><t>名称</t></si>',
        // a rich string with a phonetic run: the phonetic text is not part of the value
        '<si><r><t>脈</t></r><r><rPr><b/></rPr><t xml:space="preserve">動 </t></r><rPh sb="0" eb="1"><t>みゃく</t></rPh></si>',
      ],
      sheets: [
        {
          name: '数据',
          rows:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>日期一</t></is></c><c r="C1" t="inlineStr"><is><t>日期二</t></is></c><c r="D1" t="inlineStr"><is><t>日期三</t></is></c><c r="E1" t="inlineStr"><is><t>其他</t></is></c><c r="F1" t="inlineStr"><is><t>数</t></is></c></row>' +
            '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>42156</v></c><c r="C3" s="2"><v>42156.75</v></c><c r="D3" s="3"><v>45000</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" s="4"><v>0.1</v></c></row>' +
            '<row r="4"><c r="A4" t="str"><f>A3</f><v>' + xmlText('公式<结果>') + '</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="E4" t="inlineStr"><is><t>第五列</t></is></c></row>',
        },
        { name: '其他', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>不该读到</t></is></c></row>' },
      ],
    });
    const { headers, rows } = await readAll(file);
    expect(headers).toEqual(['名称', '日期一', '日期二', '日期三', '其他', '数']);
    expect(rows).toEqual([
      { rowNumber: 3, cells: ['脈動', '2015-06-01', '2015-06-01', '2023-03-15', 'TRUE', '0.1'] },
      { rowNumber: 4, cells: ['公式<结果>', '', '', '', '第五列'] },
    ]);
  });

  it('converts dates of a 1904-based workbook', async () => {
    const file = path.join(folder.dir, 'mac.xlsx');
    writeXlsxParts(file, {
      date1904: true,
      styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      sheets: [{ name: 's', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>认定日期</t></is></c></row><row r="2"><c r="A2" s="1"><v>40694</v></c></row>' }],
    });
    expect((await readAll(file)).rows).toEqual([{ rowNumber: 2, cells: ['2015-06-01'] }]);
  });

  it('gives a Chinese error for a workbook without sheets or with a damaged sheet', async () => {
    const noSheet = path.join(folder.dir, 'none.xlsx');
    writeXlsxParts(noSheet, { sheets: [] });
    await expect(readAll(noSheet)).rejects.toThrow(/没有工作表|文件为空/);
    const damaged = path.join(folder.dir, 'damaged.xlsx');
    writeXlsxParts(damaged, { sheets: [{ name: 's', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row' }] });
    await expect(readAll(damaged)).rejects.toThrow(/XLSX/);
  });
});
