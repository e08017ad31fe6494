import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryService } from '../../electron/registry/service';
import { exportRegistry } from '../../electron/registry/export';
import { createRegistryImportService } from '../../electron/registry/import';
import { toProtectedMark } from '../../electron/registry/marks';
import { openTestContext, tempDir } from './support/context';
import { sampleMark } from './support/marks';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
beforeEach(async () => {
  ctx = openTestContext();
  folder = tempDir();
  const registry = createRegistryService(ctx);
  await registry.create(sampleMark());
  await registry.create(sampleMark({ id: 'T002', name: '=HYPERLINK("http://x")', aliases: ['+86', '@rule', '-1'], notes: '含,逗号"引号"\n换行' }));
  await registry.create(sampleMark({ id: 'T003', name: '茶卡', category: '公共资源', classes: [], region: '青海省' }));
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

const marks = async () => (await createRegistryService(ctx).list()).map(toProtectedMark);

describe('registry export', () => {
  it('writes CSV with a BOM and neutralises cells that would run as formulas', async () => {
    const file = path.join(folder.dir, '名录.csv');
    expect(await exportRegistry(await marks(), file, 'csv')).toEqual({ rows: 3, path: file });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF编号,商标名称,类别,国际分类')).toBe(true);
    expect(text).toContain(`'=HYPERLINK(""http://x"")`);
    expect(text).not.toMatch(/,=HYPERLINK/);
    expect(text).toContain(`,'+86;@rule;-1,`);
  });

  it('writes XLSX whose cells are text, never formulas, without the apostrophe (issue 10, item 8)', async () => {
    const file = path.join(folder.dir, '名录.xlsx');
    await exportRegistry(await marks(), file, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('编号');
    const cell = sheet?.getRow(3).getCell(2);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe(`=HYPERLINK("http://x")`);
  });

  it.each(['csv', 'xlsx'] as const)('round-trips through %s: re-importing the export changes nothing', async (format) => {
    const file = path.join(folder.dir, `名录.${format}`);
    await exportRegistry(await marks(), file, format);
    const preview = await createRegistryImportService(ctx).preview(file);
    expect(preview).toMatchObject({ goodRows: 3, newCount: 0, changedCount: 0, unchangedCount: 3, problems: [] });
  });

  it('reports an unwritable destination and leaves no partial file', async () => {
    const file = path.join(folder.dir, 'no-such-folder', '名录.csv');
    await expect(exportRegistry(await marks(), file, 'csv')).rejects.toThrow(/无法写入文件/);
  });
});
