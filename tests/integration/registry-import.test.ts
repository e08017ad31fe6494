import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryService } from '../../electron/registry/service';
import { createRegistryImportService } from '../../electron/registry/import';
import { openTestContext, tempDir } from './support/context';
import { marksRepository } from '../../electron/registry/marks';
import { auditRepository } from '../../electron/data/audit';

const HEADER = '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注';
const GOOD_ROWS = [
  'A01,雪域天成,驰名商标,29;30,30112233,青海雪域天成食品有限公司,XUEYU;雪域,,2015-03-02,',
  'A02,湟水谣,省著名商标,33,20334455,湟水谣酒业,,,,',
  'A03,金银滩,公共资源,,,,金银滩草原,青海省海北州,,',
];

let ctx: ReturnType<typeof openTestContext>;
let imports: ReturnType<typeof createRegistryImportService>;
let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  ctx = openTestContext();
  imports = createRegistryImportService(ctx);
  folder = tempDir();
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(folder.dir, name);
  writeFileSync(file, content);
  return file;
}

describe('registry import', () => {
  it('previews a good UTF-8 file and imports it with audit entries', async () => {
    const preview = await imports.preview(write('名录.csv', [HEADER, ...GOOD_ROWS].join('\n')));
    expect(preview).toMatchObject({ fileName: '名录.csv', totalRows: 3, goodRows: 3, newCount: 3, problems: [] });
    expect(preview.sample[0]).toMatchObject({ id: 'A01', classes: [29, 30], aliases: ['XUEYU', '雪域'] });
    expect(await marksRepository(ctx.data).count()).toBe(0);
    expect(await imports.commit(preview.token)).toEqual({ created: 3, updated: 0, unchanged: 0, merged: 0, skipped: 0 });
    const marks = await createRegistryService(ctx).list();
    expect(marks.map((m) => m.name)).toEqual(['雪域天成', '湟水谣', '金银滩']);
    expect((await auditRepository(ctx.data).history('protected_mark', String(marks[0]?.key)))[0]?.note).toContain('名录.csv');
  });

  it('reads UTF-8 with a BOM and GB18030 (Excel on Chinese Windows) alike', async () => {
    const text = [HEADER, ...GOOD_ROWS].join('\r\n');
    const bom = await imports.preview(write('bom.csv', `\uFEFF${text}`));
    const gb = await imports.preview(write('gb.csv', iconv.encode(text, 'gb18030')));
    expect(bom.sample).toEqual(gb.sample);
    expect(gb.sample[1]?.name).toBe('湟水谣');
  });

  it('reads the first sheet of an XLSX file, columns in any order, extra columns ignored', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['类别', '商标名称', '编号', '国际分类', '经办人']);
    sheet.addRow(['老字号', '马家酿皮', 'L01', '30;43', '张三']);
    workbook.addWorksheet('其他').addRow(['编号']);
    const file = path.join(folder.dir, '名录.xlsx');
    await workbook.xlsx.writeFile(file);
    const preview = await imports.preview(file);
    expect(preview.problems).toEqual([]);
    expect(preview.sample).toEqual([
      expect.objectContaining({ id: 'L01', name: '马家酿皮', category: '老字号', classes: [30, 43], holder: '' }),
    ]);
  });

  it('names the missing header and imports nothing', async () => {
    const file = write('wrong.csv', '编号,名称,类别,国际分类\nA01,雪域,驰名商标,29\n');
    await expect(imports.preview(file)).rejects.toThrow(/缺少必需的列「商标名称」/);
  });

  it('reports every bad row with its row number and reason; nothing is written until commit', async () => {
    const rows = [
      HEADER,
      GOOD_ROWS[0],
      'A02,湟水谣,省著名商标,46,,,,,,',
      'A03,青稞王,省著名商标,3x,,,,,,',
      'A04,,驰名商标,29,,,,,,',
      'A05,高原红,普通商标,29,,,,,,',
      'A01,雪域天成二,驰名商标,29,,,,,,',
      'A06,柴达木之星,驰名商标,,,,,,,',
      'A07,祁连雪,驰名商标,29,,,,,2019-02-30,',
      GOOD_ROWS[2],
    ];
    const preview = await imports.preview(write('bad.csv', rows.join('\n')));
    expect(preview.goodRows).toBe(2);
    expect(preview.problems.map((p) => p.rowNumber)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const reasons = preview.problems.map((p) => p.reason).join('\n');
    expect(reasons).toMatch(/国际分类「46」无效/);
    expect(reasons).toMatch(/国际分类「3x」无效/);
    expect(reasons).toMatch(/「商标名称」不能为空/);
    expect(reasons).toMatch(/类别「普通商标」无效/);
    expect(reasons).toMatch(/编号「A01」与第 2 行重复/);
    expect(reasons).toMatch(/认定日期「2019-02-30」无效/);
    expect(await marksRepository(ctx.data).count()).toBe(0);
    imports.discard(preview.token);
    await expect(imports.commit(preview.token)).rejects.toThrow(/过期/);
    expect(await marksRepository(ctx.data).count()).toBe(0);
  });

  it('says an empty file or a header-only file is empty', async () => {
    await expect(imports.preview(write('empty.csv', ''))).rejects.toThrow(/文件为空/);
    await expect(imports.preview(write('header.csv', `${HEADER}\n`))).rejects.toThrow(/没有数据行/);
  });

  it('re-importing the same file changes nothing; a changed row is an update with its before and after', async () => {
    const first = await imports.preview(write('a.csv', [HEADER, ...GOOD_ROWS].join('\n')));
    await imports.commit(first.token);
    const again = await imports.preview(write('b.csv', [HEADER, ...GOOD_ROWS].join('\n')));
    expect(again).toMatchObject({ newCount: 0, changedCount: 0, unchangedCount: 3 });
    const changedRows = [HEADER, GOOD_ROWS[0]?.replace('29;30', '29;30;31'), ...GOOD_ROWS.slice(1)];
    const changed = await imports.preview(write('c.csv', changedRows.join('\n')));
    expect(changed).toMatchObject({ newCount: 0, changedCount: 1, unchangedCount: 2 });
    expect(await imports.commit(changed.token)).toEqual({ created: 0, updated: 1, unchanged: 2, merged: 0, skipped: 0 });
    const a01 = await marksRepository(ctx.data).getByMarkId('A01');
    expect(a01?.classes).toEqual([29, 30, 31]);
    expect((await auditRepository(ctx.data).history('protected_mark', String(a01?.key)))[0]).toMatchObject({
      action: 'import',
      before: { classes: [29, 30] },
      after: { classes: [29, 30, 31] },
    });
  });

  it('imports a 20 MB file whole', async () => {
    const lines = [HEADER];
    let i = 0;
    let size = HEADER.length;
    while (size < 20 * 1024 * 1024) {
      const line = `M${String(i).padStart(7, '0')},测试商标${i},省著名商标,${(i % 45) + 1},${10000000 + i},青海测试有限公司第${i}分公司,CESHI${i};别名${i},青海省西宁市城中区,2010-01-01,这是一条用于测试大文件导入的备注文字，确保文件足够大`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
      i += 1;
    }
    const preview = await imports.preview(write('big.csv', lines.join('\n')));
    expect(preview.goodRows).toBe(i);
    expect(preview.problems).toEqual([]);
    expect((await imports.commit(preview.token)).created).toBe(i);
    expect(await marksRepository(ctx.data).count()).toBe(i);
  });
});

describe('registry import commit', () => {
  it('is written whole or not at all: an audit entry refused at the third row leaves no row and no entry', async () => {
    const preview = await imports.preview(write('名录.csv', [HEADER, ...GOOD_ROWS].join('\n')));
    // the first two rows and their entries are written inside the transaction before the third entry fails
    ctx.db.exec(`CREATE TRIGGER refuse_third BEFORE INSERT ON audit_log WHEN (SELECT count(*) FROM audit_log) >= 2
      BEGIN SELECT RAISE(ABORT, '审计日志拒绝写入'); END`);
    await expect(imports.commit(preview.token)).rejects.toThrow(/审计日志拒绝写入/);
    expect(await marksRepository(ctx.data).count()).toBe(0);
    expect((ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(0);
  });
});
