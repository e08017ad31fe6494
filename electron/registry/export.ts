// Registry export to CSV (UTF-8 with BOM, so Excel and WPS on Chinese Windows read it correctly) or XLSX.
// In CSV, cells that a spreadsheet would run as a formula get the apostrophe guard (shared/formats/cells.ts); in
// XLSX every text is a string cell, which is never a formula, so the text is written as it is (issue 10, item 8).
import { neutraliseFormula } from '../../shared/formats/cells';
import { REGISTRY_HEADERS, registryRow } from '../../shared/formats/registry';
import type { ProtectedMark } from '../../shared/domain';
import { writeFileStreamed } from '../files/streamed';
import { textWidth, writeXlsx } from '../tabular/xlsx-writer';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => csvField(neutraliseFormula(cell))).join(',')}\r\n`;
}

export function registryCsv(marks: readonly ProtectedMark[]): string {
  return `\uFEFF${[REGISTRY_HEADERS.map((h) => h.header), ...marks.map(registryRow)].map(csvLine).join('')}`;
}

const WIDE = new Set(['商标名称', '别名', '权利人', '备注']);

export async function exportRegistry(marks: readonly ProtectedMark[], filePath: string, format: 'csv' | 'xlsx') {
  await writeFileStreamed(filePath, async (write) => {
    if (format === 'xlsx') {
      const columns = REGISTRY_HEADERS.map((h) => ({ header: h.header, width: WIDE.has(h.header) ? 30 : Math.max(12, textWidth(h.header) + 4) }));
      await writeXlsx(write, [{ name: '保护名录', columns, rows: marks.map(registryRow) }]);
      return;
    }
    await write(`\uFEFF${csvLine(REGISTRY_HEADERS.map((h) => h.header))}`);
    for (let at = 0; at < marks.length; at += 500) await write(marks.slice(at, at + 500).map((m) => csvLine(registryRow(m))).join(''));
  });
  return { rows: marks.length, path: filePath };
}
