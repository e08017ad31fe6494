// openTable on real files in a temporary folder: encodings, XLSX, quoting, and the errors a user can meet.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openTable, TableReadError, type TableRow } from '../../electron/tabular';

const dir = mkdtempSync(path.join(tmpdir(), 'markguard-tabular-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function readAll(p: string): Promise<{ headers: string[]; rows: TableRow[] }> {
  const table = await openTable(p);
  const rows: TableRow[] = [];
  for await (const r of table.rows) rows.push(r);
  await table.close();
  return { headers: table.headers, rows };
}

const CSV = '申请号,商标名称,国际分类\n1001,康帅傅,30\n1002,"雪,碧",32\n';

describe('openTable', () => {
  it('reads UTF-8 without BOM', async () => {
    const { headers, rows } = await readAll(file('a.csv', CSV));
    expect(headers).toEqual(['申请号', '商标名称', '国际分类']);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['1001', '康帅傅', '30'] },
      { rowNumber: 3, cells: ['1002', '雪,碧', '32'] },
    ]);
  });

  it('reads UTF-8 with BOM and CRLF line ends', async () => {
    const { headers, rows } = await readAll(file('b.csv', '\uFEFF' + CSV.replace(/\n/g, '\r\n')));
    expect(headers[0]).toBe('申请号');
    expect(rows[1]?.cells).toEqual(['1002', '雪,碧', '32']);
  });

  it('reads GB18030 (Excel on Chinese Windows)', async () => {
    const { headers, rows } = await readAll(file('c.csv', iconv.encode(CSV, 'gb18030')));
    expect(headers).toEqual(['申请号', '商标名称', '国际分类']);
    expect(rows[0]?.cells[1]).toBe('康帅傅');
  });

  it('reads UTF-16 tab-separated text', async () => {
    const text = '申请号\t商标名称\t国际分类\n1001\t康帅傅\t30\n1002\t雪,碧\t32\n';
    const { headers, rows } = await readAll(file('d.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])));
    expect(headers).toEqual(['申请号', '商标名称', '国际分类']);
    expect(rows[1]?.cells).toEqual(['1002', '雪,碧', '32']);
  });

  it('keeps quoted newlines and doubled quotes, numbers rows by their first line, skips blank lines', async () => {
    const { rows } = await readAll(file('e.csv', 'a,b\n1,"x\ny"\n\n2,"say ""hi"""\n3,z'));
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['1', 'x\ny'] },
      { rowNumber: 5, cells: ['2', 'say "hi"'] },
      { rowNumber: 6, cells: ['3', 'z'] },
    ]);
  });

  it('does not crash on invalid UTF-8 after the detection sample (replacement characters)', async () => {
    const head = Buffer.from('a,b\n' + `1,${'康'.repeat(400)}\n`.repeat(1000)); // > 1 MB
    const { rows } = await readAll(file('f.csv', Buffer.concat([head, Buffer.from([0x32, 0x2c, 0xff, 0xfe, 0x0a])])));
    expect(rows.length).toBe(1001);
    expect(rows[1000]?.cells).toEqual(['2', '\uFFFD\uFFFD']);
  });

  it('reads a file with invalid UTF-8 early as GB18030 without crashing', async () => {
    const { rows } = await readAll(file('f2.csv', Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xff, 0xfe, 0x0a])])));
    expect(rows.length).toBe(1);
  });

  it('reads the first sheet of an XLSX, with numbers and dates as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申请');
    ws.addRow(['申请号', '商标名称', '申请日期']);
    ws.addRow([61000322, { richText: [{ text: '脈' }, { text: '動' }] }, new Date(Date.UTC(2025, 6, 30))]);
    wb.addWorksheet('other').addRow(['x']);
    const p = path.join(dir, 'g.xlsx');
    await wb.xlsx.writeFile(p);
    const { headers, rows } = await readAll(p);
    expect(headers).toEqual(['申请号', '商标名称', '申请日期']);
    expect(rows).toEqual([{ rowNumber: 2, cells: ['61000322', '脈動', '2025-07-30'] }]);
  });

  it('gives Chinese errors for missing, empty, folder, binary and fake xlsx files', async () => {
    const cases: [string, RegExp][] = [
      [path.join(dir, 'nope.csv'), /文件无法读取.*文件不存在/],
      [file('empty.csv', ''), /文件为空/],
      [file('blank.csv', '\n\n'), /文件为空/],
      [file('bin.csv', Buffer.from([1, 2, 0, 0, 5, 6])), /不是有效的 CSV 或 XLSX 文件/],
      [file('fake.xlsx', 'a,b\n1,2\n'), /不是有效的 CSV 或 XLSX 文件/],
      [file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), /\.xls/],
      [file('broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), /不是有效的 CSV 或 XLSX 文件/],
    ];
    mkdirSync(path.join(dir, 'folder.csv'));
    cases.push([path.join(dir, 'folder.csv'), /文件无法读取/]);
    for (const [p, message] of cases) {
      const error = await openTable(p).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, p).toBeInstanceOf(TableReadError);
      expect((error as Error).message, p).toMatch(message);
    }
  });
});
