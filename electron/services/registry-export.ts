// Registry export to CSV (UTF-8 with BOM, so Excel and WPS on Chinese Windows read it correctly) or XLSX.
// Cells that a spreadsheet would run as a formula are neutralised (shared/formats/cells.ts).
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../shared/formats/cells';
import { REGISTRY_HEADERS, registryRow } from '../../shared/formats/registry';
import type { ProtectedMark } from '../../shared/domain';
import { writeFileAtomically } from '../files/atomic';

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

export async function exportRegistry(marks: readonly ProtectedMark[], filePath: string, format: 'csv' | 'xlsx') {
  await writeFileAtomically(filePath, format === 'csv' ? registryCsv(marks) : await registryXlsx(marks));
  return { rows: marks.length, path: filePath };
}
