// Registry export to CSV (UTF-8 with BOM, so Excel and WPS on Chinese Windows read it correctly) or XLSX.
// Cells that a spreadsheet would run as a formula are neutralised (shared/formats/cells.ts).
import { PassThrough } from 'node:stream';
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

// exceljs's streaming writer, not Workbook.writeBuffer: the latter hands each part to JSZip as a string that
// JSZip encodes in 16 KB pieces, splitting a character outside the BMP (𠀋, a rare character of a name) into two
// U+FFFD at a piece boundary — the export then no longer re-imports unchanged (issue 9, item 8).
async function registryXlsx(marks: readonly ProtectedMark[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (part: Buffer) => parts.push(part));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = '商标守护';
  const sheet = workbook.addWorksheet('保护名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTRY_HEADERS.map(() => ({ width: 16 }));
  const header = sheet.addRow(REGISTRY_HEADERS.map((h) => h.header));
  header.font = { bold: true };
  header.commit();
  for (const mark of marks) sheet.addRow(registryRow(mark).map(neutraliseFormula)).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(parts);
}

export async function exportRegistry(marks: readonly ProtectedMark[], filePath: string, format: 'csv' | 'xlsx') {
  await writeFileAtomically(filePath, format === 'csv' ? registryCsv(marks) : await registryXlsx(marks));
  return { rows: marks.length, path: filePath };
}
