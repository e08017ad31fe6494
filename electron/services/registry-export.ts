// Registry export to CSV (UTF-8 with BOM, so Excel and WPS on Chinese Windows read it correctly) or XLSX.
// Cells that a spreadsheet would run as a formula are neutralised (shared/formats/cells.ts).
import { writeFile, rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../shared/formats/cells';
import { REGISTRY_HEADERS, registryRow } from '../../shared/formats/registry';
import { AppFailure } from '../../shared/result';
import type { ProtectedMark } from '../../shared/domain';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function registryCsv(marks: readonly ProtectedMark[]): string {
  const lines = [REGISTRY_HEADERS.map((h) => h.header), ...marks.map(registryRow)].map((cells) =>
    cells.map((cell) => csvField(neutraliseFormula(cell))).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function registryXlsx(marks: readonly ProtectedMark[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '商标守护';
  const sheet = workbook.addWorksheet('保护名录');
  sheet.addRow(REGISTRY_HEADERS.map((h) => h.header)).font = { bold: true };
  for (const mark of marks) sheet.addRow(registryRow(mark).map(neutraliseFormula));
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes to a temporary file first so that a failed export never leaves a truncated file under the user's name. */
export async function exportRegistry(marks: readonly ProtectedMark[], filePath: string, format: 'csv' | 'xlsx') {
  const temporary = `${filePath}.part`;
  try {
    const content = format === 'csv' ? registryCsv(marks) : await registryXlsx(marks);
    await writeFile(temporary, content);
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `无法写入文件 ${filePath}：${reason}`);
  }
  return { rows: marks.length, path: filePath };
}
