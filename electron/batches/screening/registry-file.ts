// Loads a registry table (CSV/XLSX) into ProtectedMark[] for screening without the database (CLI, benchmarks).
import type { ProtectedMark } from '../../../shared/domain';
import { mapHeaders } from '../../../shared/formats/headers';
import { parseRegistryRow, REGISTRY_HEADERS } from '../../../shared/formats/registry';
import { openTable } from '../../tabular';

export interface RowProblem {
  rowNumber: number;
  reason: string;
}

export interface LoadedRegistry {
  marks: ProtectedMark[];
  problems: RowProblem[];
}

/** Throws TableReadError (unreadable) or an Error with a Chinese message (headers); bad rows are listed. */
export async function loadRegistryFile(filePath: string): Promise<LoadedRegistry> {
  const table = await openTable(filePath);
  try {
    const mapping = mapHeaders(table.headers, REGISTRY_HEADERS);
    if (!mapping.ok) throw new HeaderError(`保护名录 ${mapping.error}`);
    const marks: ProtectedMark[] = [];
    const problems: RowProblem[] = [];
    const seen = new Set<string>();
    for await (const row of table.rows) {
      const parsed = row.problem === undefined ? parseRegistryRow(row.cells, mapping.columns) : { ok: false as const, reason: row.problem };
      if (!parsed.ok) problems.push({ rowNumber: row.rowNumber, reason: parsed.reason });
      else if (seen.has(parsed.value.id)) problems.push({ rowNumber: row.rowNumber, reason: `编号「${parsed.value.id}」重复` });
      else {
        seen.add(parsed.value.id);
        marks.push(parsed.value);
      }
    }
    return { marks, problems };
  } finally {
    await table.close();
  }
}

/** A table whose headers do not fit the expected format (message in Chinese, names the header). */
export class HeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeaderError';
  }
}
