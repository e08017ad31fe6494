// Issue 9, items 9 and 12: a quote inside an unquoted field is a literal (as Excel reads it); a quoted field that
// would swallow later records, runs to the end of the file, or a last row cut off, is reported — never read as
// valid and never allowed to hide the records after it.
import { describe, expect, it } from 'vitest';
import { splitCsv } from '../../../electron/tabular/csv-splitter';

const cells = (text: string) => splitCsv(text).map((r) => (r.problem ? `${r.line}!` : `${r.line}:${r.cells.join('|')}`));

describe('CSV splitter', () => {
  it('reads a quote inside an unquoted field as a literal, as Excel does (a 14" screen)', () => {
    const rows = ['编号,平台,商品标题'];
    for (let i = 1; i <= 1000; i++) rows.push(`L${i},淘宝,MacBook Pro 14" 笔记本 第${i}款`);
    const records = splitCsv(rows.join('\r\n') + '\r\n');
    expect(records).toHaveLength(1001);
    expect(records.filter((r) => r.problem)).toEqual([]);
    expect(records[500]).toEqual({ line: 501, cells: ['L500', '淘宝', 'MacBook Pro 14" 笔记本 第500款'] });
    expect(records[1000]?.cells[0]).toBe('L1000');
  });

  it('keeps RFC 4180 quoting: commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(cells('a,b,c\n1,"x, ""y""","多\n行"\n2,"",z\n')).toEqual(['1:a|b|c', '2:1|x, "y"|多\n行', '4:2||z']);
  });

  it('reports text after a closing quote rather than guessing (a stray quote may have joined fields)', () => {
    expect(cells('a,b\n1,"正品"茶叶\n2,x\n')).toEqual(['1:a|b', '2!', '3:2|x']);
    // the stray quote on line 2 would close at the next field's opening quote: seven fields, silently shifted
    expect(cells('a,b,c,d\n1,"甲,"乙,丙",丁\n2,x,y,z\n')).toEqual(['1:a|b|c|d', '2!', '3:2|x|y|z']);
  });

  it('reports a quote that runs to the end of the file and still reads every record after it', () => {
    const text = 'a,b,c\n1,"未闭合,x\n2,y,z\n3,y,z\n';
    expect(cells(text)).toEqual(['1:a|b|c', '2!', '3:2|y|z', '4:3|y|z']);
    expect(splitCsv(text)[1]?.problem).toMatch(/引号/);
  });

  it('reports a quoted field that closes records later with the wrong number of fields', () => {
    // the stray quote on line 2 closes at the inch mark on line 4: the record would swallow lines 3 and 4
    const text = 'a,b,c\n1,"14寸 笔记本,x\n2,y,z\n3,显示器 27" 高清,z\n4,y,z\n';
    expect(cells(text)).toEqual(['1:a|b|c', '2!', '3:2|y|z', '4:3|显示器 27" 高清|z', '5:4|y|z']);
  });

  it('reports a multi-line quoted field whose closing quote is followed by other text', () => {
    const text = 'a,b,c\n1,"x,y\n2,"e",f\n3,y,z\n';
    expect(cells(text)).toEqual(['1:a|b|c', '2!', '3:2|e|f', '4:3|y|z']);
  });

  it('reports a quoted field longer than any spreadsheet cell (32,767 characters or 253 line breaks)', () => {
    const manyLines = `a,b\n1,"${'行\n'.repeat(300)}"\n2,z\n`;
    const records = splitCsv(manyLines);
    expect(records[1]).toMatchObject({ line: 2 });
    expect(records[1]?.problem).toMatch(/单元格的上限/);
    // still open when the limit is passed: reported without waiting for the end of the file
    const runaway = splitCsv(`a,b\n1,"${'字'.repeat(40_000)}\n2,z\n`);
    expect(runaway[1]?.problem).toMatch(/引号没有结束/);
    expect(runaway.at(-1)).toEqual({ line: 3, cells: ['2', 'z'] });
    expect(records.at(-1)).toEqual({ line: 303, cells: ['2', 'z'] });
  });

  it('reports a last row cut off without a final newline (too few fields, or an open quote)', () => {
    expect(cells('a,b,c\n1,x,y\n2,x')).toEqual(['1:a|b|c', '2:1|x|y', '3!']);
    expect(splitCsv('a,b,c\n1,x,y\n2,x')[2]?.problem).toMatch(/不完整|截断/);
    expect(cells('a,b,c\n1,x,y\n2,x,"未完')).toEqual(['1:a|b|c', '2:1|x|y', '3!']);
    // a complete last row without a final newline is fine
    expect(cells('a,b,c\n1,x,y\n2,x,y')).toEqual(['1:a|b|c', '2:1|x|y', '3:2|x|y']);
  });
});
